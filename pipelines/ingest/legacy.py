"""FY2022 exports into the current raw shape, following HUD's FY2022 -> FY2024 crosswalk.

Ingest keeps the delivered FY2022 rows as they came (``raw_fy2022.<file>``) and writes, from the same
staged views, one row per delivered row in the FY2024 shape into ``raw.<file>`` (``_csv_version``
'fy2022', the delivered ``_row_number``), so staging and every report read one shape. What changes:

- Client: Ethnicity -> HispanicLatinaeo (1 stays 1, every other answer 0; RaceNone cleared when 1);
  Female/Male/NoSingleGender -> Woman/Man/NonBinary; 99 or empty race and gender flags -> 0;
  MidEastNAfrican 0, CulturallySpecific 0, DifferentIdentity 0 (FY2022 had no such answers).
- Living situations, destinations and current living situations: two-digit codes -> three-digit codes,
  subsidised rentals -> 435 with RentalSubsidyType / DestinationSubsidyType / CLSSubsidyType
  (``seeds/hmis_spec/fy2022_living_situations.csv``).
- Project: ProjectType 1 with TrackingMethod 3 -> 1 (ES night-by-night), other ES -> 0; RRHSubType empty.
- HMISParticipation: one row per project from HMISParticipatingProject over the operating dates
  (2, comparable database, for a victim service provider's project); CEParticipation: none.
- Enrollment.EnrollmentCoC: the CoCCode of the enrollment's own EnrollmentCoC.csv record at project
  start (DataCollectionStage 1; else its earliest record).
- Renamed: DomesticViolenceVictim -> DomesticViolenceSurvivor, VAMedicalServices -> VHAServices,
  NoVAMedReason -> NoVHAReason. Dropped (kept in raw_fy2022): WorstHousingSituation, the last permanent
  address, the C1 well-being answers, HIVAIDSAssistance, TrackingMethod, HMISParticipatingProject.
"""

from __future__ import annotations

from functools import cache

import duckdb

from pipelines.ingest.layout import quote, raw_columns, table_name
from pipelines.ingest.models import WARNING, Finding
from pipelines.spec import FILE_ORDER, load_spec, shape_of
from pipelines.spec.versions import living_situation_crosswalk

LEGACY_SCHEMA = {"fy2022": "raw_fy2022"}
_RENAMED = {
    ("Client", "Woman"): "Female",
    ("Client", "Man"): "Male",
    ("Client", "NonBinary"): "NoSingleGender",
    ("HealthAndDV", "DomesticViolenceSurvivor"): "DomesticViolenceVictim",
    ("IncomeBenefits", "VHAServices"): "VAMedicalServices",
    ("IncomeBenefits", "NoVHAReason"): "NoVAMedReason",
}
_FLAGS = ("AmIndAKNative", "Asian", "BlackAfAmerican", "NativeHIPacific", "White", "Transgender", "Questioning")
# (file, coded column, subsidy column): the columns recoded through the living-situation crosswalk.
_RECODED = (
    ("Enrollment", "LivingSituation", "RentalSubsidyType"),
    ("Exit", "Destination", "DestinationSubsidyType"),
    ("CurrentLivingSituation", "CurrentLivingSituation", "CLSSubsidyType"),
)


def _v(file: str) -> str:
    return quote(f"_v_{table_name(file)}")


def _flag(expr: str) -> str:
    """A yes/no flag FY2024 no longer lets be 99 or empty (both become 0, 'not selected')."""
    return f"CASE WHEN {expr} IS NULL OR trim({expr}) IN ('', '99') THEN '0' ELSE {expr} END"


def _special(file: str) -> dict[str, str]:
    """FY2024 column -> SQL over ``v`` (the delivered FY2022 row) for columns that are not copied by name."""
    out = {new: f"v.{quote(old)}" for (f, new), old in _RENAMED.items() if f == file}
    for recoded_file, column, subsidy in _RECODED:
        if recoded_file == file:
            out[column] = f"coalesce(cw.fy2024_code, v.{quote(column)})"
            out[subsidy] = "cw.fy2024_subsidy_type"
    if file == "Client":
        hispanic = 'TRY_CAST(v."Ethnicity" AS INTEGER) = 1'
        out = {name: _flag(expr) for name, expr in out.items()}
        out |= {name: _flag(f"v.{quote(name)}") for name in _FLAGS}
        out |= {
            "HispanicLatinaeo": f"CASE WHEN {hispanic} THEN '1' ELSE '0' END",
            "RaceNone": f'CASE WHEN {hispanic} THEN NULL ELSE v."RaceNone" END',
            "MidEastNAfrican": "'0'",
            "CulturallySpecific": "'0'",
            "DifferentIdentity": "'0'",
        }
    elif file == "Project":
        out["ProjectType"] = (
            "CASE WHEN trim(v.\"ProjectType\") = '1' THEN CASE WHEN trim(v.\"TrackingMethod\") = '3' "
            "THEN '1' ELSE '0' END ELSE v.\"ProjectType\" END"
        )
    elif file == "Enrollment":
        out["EnrollmentCoC"] = 'coc."CoCCode"'
    return out


def _joins(file: str) -> str:
    joins = ""
    for recoded_file, column, _ in _RECODED:
        if recoded_file == file:
            code = f"TRY_CAST(v.{quote(column)} AS INTEGER)::VARCHAR"
            joins += f" LEFT JOIN _fy2022_crosswalk cw ON cw.fy2022_code = {code}"
    if file == "Enrollment":
        joins += f"""
        LEFT JOIN (
            SELECT "EnrollmentID", "CoCCode", row_number() OVER (
                PARTITION BY "EnrollmentID"
                ORDER BY (trim("DataCollectionStage") = '1') DESC, TRY_CAST("InformationDate" AS DATE), _row_number
            ) AS pick
            FROM {_v("EnrollmentCoC")} WHERE "DateDeleted" IS NULL
        ) coc ON coc."EnrollmentID" = v."EnrollmentID" AND coc.pick = 1"""
    return joins


@cache
def mapped_select(version: str, file: str) -> str | None:
    """SELECT of the file's rows in the raw (current) shape, plus ``_row_number``; None: no rows to map."""
    shape = load_spec(shape_of(version))
    delivered = load_spec(version)
    target = [c for c in raw_columns(file) if c in shape.file(file).column_names]
    if file == "HMISParticipation":
        return _participation_select(target)
    if file not in delivered.files:
        return None
    have = set(delivered.file(file).column_names)
    special = _special(file)
    exprs = [
        f"{special[c] if c in special else f'v.{quote(c)}' if c in have else 'NULL'} AS {quote(c)}" for c in target
    ]
    return f"SELECT {', '.join(exprs)}, v._row_number FROM {_v(file)} v{_joins(file)}"


def _participation_select(target: list[str]) -> str:
    values = {
        "HMISParticipationID": 'v."ProjectID"',
        "ProjectID": 'v."ProjectID"',
        "HMISParticipationType": "CASE WHEN trim(o.\"VictimServiceProvider\") = '1' THEN '2' "
        'ELSE v."HMISParticipatingProject" END',
        "HMISParticipationStatusStartDate": 'v."OperatingStartDate"',
        "HMISParticipationStatusEndDate": 'v."OperatingEndDate"',
    }
    exprs = [f"{values.get(c, f'v.{quote(c)}')} AS {quote(c)}" for c in target]
    return (
        f"SELECT {', '.join(exprs)}, v._row_number FROM {_v('Project')} v "
        f'LEFT JOIN (SELECT DISTINCT ON ("OrganizationID") * FROM {_v("Organization")}) o '
        'ON o."OrganizationID" = v."OrganizationID"'
    )


def write_mapped(con: duckdb.DuckDBPyConnection, version: str, meta: list[str]) -> dict[str, int]:
    """Insert the mapped rows of every current file into ``raw.<file>`` (inside the caller's transaction).

    ``meta`` are the values of _ingest_id, _source_id and _csv_version. Returns rows written per file.
    """
    rows = [(old, new, sub) for old, new, sub in living_situation_crosswalk()]
    con.execute("CREATE OR REPLACE TEMP TABLE _fy2022_crosswalk (fy2022_code VARCHAR, fy2024_code VARCHAR, "
                "fy2024_subsidy_type VARCHAR)")  # fmt: skip
    con.executemany("INSERT INTO _fy2022_crosswalk VALUES (?, ?, ?)", rows)
    written = {}
    for file in FILE_ORDER:
        select = mapped_select(version, file)
        if select is None:
            continue
        columns = [c for c in raw_columns(file) if c in load_spec(shape_of(version)).file(file).column_names]
        cols = ", ".join(quote(c) for c in columns)
        count = con.execute(
            f"INSERT INTO raw.{quote(table_name(file))} ({cols}, _ingest_id, _source_id, _csv_version, _row_number) "
            f"SELECT {cols}, ?, ?, ?, _row_number FROM ({select})",
            meta,
        ).fetchone()[0]
        written[file] = int(count)
    return written


def mapped_finding(version: str) -> Finding:
    """Said once per legacy export: what was done, and what the older format cannot tell."""
    return Finding(
        "Export",
        "version.mapped",
        WARNING,
        f"This {version.upper()} export was kept as delivered and mapped to the {shape_of(version).upper()} shape "
        "with HUD's crosswalk (3-digit living situations and destinations, HispanicLatinaeo from Ethnicity, the "
        "gender renames, ProjectType from TrackingMethod, HMISParticipation from Project). It cannot tell "
        "Middle Eastern or North African identity, RRH subtypes, CE participation or the housing subsidies "
        "FY2024 added: the report tables that read them are named in docs/decisions.md (FY2022 exports).",
    )


def legacy_table_ddl(version: str, file: str) -> str:
    """The as-delivered table of a legacy file: its own columns as text, then the lineage columns."""
    columns = [f"{quote(c)} VARCHAR" for c in load_spec(version).file(file).column_names]
    columns += ["_ingest_id VARCHAR NOT NULL", "_source_id VARCHAR NOT NULL", "_row_number BIGINT NOT NULL"]
    return f"CREATE TABLE IF NOT EXISTS {LEGACY_SCHEMA[version]}.{quote(table_name(file))} ({', '.join(columns)})"
