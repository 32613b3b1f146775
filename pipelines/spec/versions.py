"""How an export says its HMIS CSV version: the year in CSVVersion, and the Client.csv columns only one
version has (for when CSVVersion is empty or disagrees with the files)."""

from __future__ import annotations

# The year CSVVersion names -> the version read.
VERSION_BY_YEAR: dict[str, str] = {"2026": "fy2026", "2024": "fy2024", "2022": "fy2022"}

# Client.csv columns (lower case) that only one read version has (FY2022's Ethnicity is also FY2020's).
CLIENT_SIGNATURES: dict[str, frozenset[str]] = {
    "fy2026": frozenset({"sex", "hispaniclatinao"}),
    "fy2024": frozenset({"hispaniclatinaeo", "woman", "man", "nonbinary"}),
    "fy2022": frozenset({"female", "male", "nosinglegender"}),
}

# Versions Waypoint recognises but does not read: (year, Client.csv signature, what to do instead).
UNREAD_VERSIONS: dict[str, tuple[str, frozenset[str], str]] = {
    "fy2020": (
        "2020",
        frozenset({"gender"}),
        "FY2020 HMIS CSV exports are not read; ask the HMIS vendor for the same period in the FY2022 (or later) "
        "format, which HUD's crosswalks map from FY2020",
    ),
}


def version_from_client(header: list[str]) -> str | None:
    """The read version whose Client.csv signature the header carries most of (None if none)."""
    names = {h.strip().lower() for h in header}
    scores = {version: len(names & signature) for version, signature in CLIENT_SIGNATURES.items()}
    best = max(scores, key=lambda v: scores[v])
    return best if scores[best] else None


def unread_version(year: str | None, header: list[str]) -> tuple[str, str] | None:
    """(version, advice) when the declared year or the Client.csv columns name a version not read."""
    names = {h.strip().lower() for h in header}
    for version, (unread_year, signature, advice) in UNREAD_VERSIONS.items():
        if year == unread_year or (year is None and signature <= names and version_from_client(header) is None):
            return version, advice
    return None


def living_situation_crosswalk() -> list[tuple[str, str, str | None]]:
    """HUD's FY2022 -> FY2024 map of 3.12.1 codes: (FY2022 code, FY2024 code, FY2024 3.12.A subsidy type).

    Two-digit codes became three-digit codes whose first digit is the class (1 homeless, 2 institutional,
    3 temporary, 4 permanent); the subsidised rentals (3, 19, 20, 28, 31, 33, 34) all became 435 with the
    subsidy as its own element (RentalSubsidyType, DestinationSubsidyType, CLSSubsidyType).
    """
    import csv

    from pipelines.spec.loader import SPEC_DIR

    with open(SPEC_DIR / "fy2022_living_situations.csv", newline="", encoding="utf-8") as handle:
        return [(r["fy2022_code"], r["fy2024_code"], r["fy2024_subsidy_type"] or None) for r in csv.DictReader(handle)]
