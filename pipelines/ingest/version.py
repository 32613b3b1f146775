"""Which HMIS CSV version an export is: the columns decide, the CSVVersion declaration breaks ties.

Every version Waypoint reads (``pipelines.spec.READ_VERSIONS``: FY2026, FY2024, FY2022) is scored against
the delivered headers: the spec columns a delivered file lacks, and the delivered columns the spec does
not define (a file the version does not have counts whole). The version missing the fewest columns
wins; when the declaration names another version, a warning says so (real exports declare ``2024 v1.4``
over FY2026 columns). When no version fits, a recognised unread version (FY2020, by its year or its
Client.csv columns: ``pipelines.spec.versions``) is refused with its advice. A new spec version slots
in by being added to READ_VERSIONS and ``load_spec``; nothing here names a version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.ingest.models import FATAL, WARNING, Finding
from pipelines.spec import READ_VERSIONS, load_spec
from pipelines.spec.versions import VERSION_BY_YEAR, unread_version

_YEAR = re.compile(r"(20\d\d)")


@dataclass(frozen=True)
class VersionScore:
    """How well the delivered headers fit one spec version."""

    version: str
    missing: tuple[str, ...]  # "File.Column" the spec requires and a delivered file lacks
    extra: tuple[str, ...]  # "File.Column" delivered but not in the spec (a file the version lacks counts whole)

    @property
    def key(self) -> tuple[int, int]:
        return len(self.missing), len(self.extra)


def score_versions(headers: dict[str, list[str]]) -> list[VersionScore]:
    """Each known version scored against the delivered headers (HMIS file -> header), best first."""
    scores = []
    for version in READ_VERSIONS:
        spec_files = {name.lower(): f for name, f in load_spec(version).files.items()}
        missing: list[str] = []
        extra: list[str] = []
        for file, header in headers.items():
            delivered = {h.strip().lower(): h.strip() for h in header if h.strip()}
            spec = spec_files.get(file.lower())
            if spec is None:
                extra += [f"{file}.{h}" for h in delivered.values()]
                continue
            wanted = {c.lower(): c for c in spec.column_names}
            missing += [f"{file}.{c}" for low, c in wanted.items() if low not in delivered]
            extra += [f"{file}.{h}" for low, h in delivered.items() if low not in wanted]
        scores.append(VersionScore(version, tuple(missing), tuple(extra)))
    return sorted(scores, key=lambda s: s.key)


def declared_version(declared: str | None) -> str | None:
    """The known version a CSVVersion text names ('2024 v1.4' -> 'fy2024'), or None."""
    years = _YEAR.findall(declared or "")
    return VERSION_BY_YEAR.get(years[0]) if years else None


def _some(columns: tuple[str, ...], limit: int = 4) -> str:
    shown = ", ".join(columns[:limit])
    return shown + (f" and {len(columns) - limit} more" if len(columns) > limit else "")


def detect_version(declared: str | None, headers: dict[str, list[str]]) -> tuple[str | None, list[Finding]]:
    """Return (version or None, findings); None comes with a fatal finding."""
    declared = (declared or "").strip()
    named = declared_version(declared)
    scores = score_versions(headers)
    best = min(scores, key=lambda s: (s.key, s.version != named))
    by_version = {s.version: s for s in scores}
    known = ", ".join(v.upper() for v in READ_VERSIONS)
    years = _YEAR.findall(declared)
    unread = unread_version(years[0] if years else None, headers.get("Client", []))
    if best.missing and unread is not None:
        version, advice = unread
        return None, [
            Finding(
                "Export",
                "version.unknown",
                FATAL,
                f"Export.csv or Client.csv says this is an {version.upper()} export: {advice}.",
                column_name="CSVVersion",
                value=declared or None,
            )
        ]
    if named is None and best.missing:
        what = f"CSVVersion is '{declared}'" if declared else "CSVVersion is empty"
        return None, [
            Finding(
                "Export",
                "version.unknown",
                FATAL,
                f"The HMIS CSV version cannot be told: {what} and the columns fit none of the formats Waypoint "
                f"reads ({known}); closest is {best.version.upper()}, which lacks {_some(best.missing)}.",
                column_name="CSVVersion",
                value=declared or None,
            )
        ]
    if named == best.version:
        return best.version, []
    if named is None:
        why = "empty" if not declared else f"'{declared}', which names no format Waypoint reads ({known})"
        return best.version, [
            Finding(
                "Export",
                "version.from_headers",
                WARNING,
                f"CSVVersion is {why}; the export was read as {best.version.upper()}, the format its columns fit.",
                column_name="CSVVersion",
                value=declared or None,
            )
        ]
    said = by_version[named]
    return best.version, [
        Finding(
            "Export",
            "version.mismatch",
            WARNING,
            f"Export.csv declares CSVVersion '{declared}' ({named.upper()}), but the files carry "
            f"{best.version.upper()} columns: read as {best.version.upper()}. As {named.upper()} they would lack "
            f"{_some(said.missing)}" + (f" and add {_some(said.extra)}" if said.extra else "") + ".",
            column_name="CSVVersion",
            value=declared,
        )
    ]
