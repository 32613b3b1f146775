"""What each HMIS staging model selects, derived from the HUD spec of both CSV versions.

Every HUD column of FY2026 and FY2024 becomes one typed snake_case column (FY2026 first, in HUD
order, then FY2024-only columns kept for history). Identifiers get a source-namespaced ``*_key``
beside them; foreign keys come from HUD's rule sheet (``fy2026_rules.csv``), not from a hand list.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from pipelines.spec import FILE_ORDER, SPEC_DIR, Column, load_spec
from pipelines.warehouse.naming import snake_case, staging_model

# FY2024 -> FY2026 harmonisation: the FY2024 column folds into its FY2026 rename.
RENAMED_IN_FY2026: dict[tuple[str, str], str] = {("Client", "HispanicLatinaeo"): "HispanicLatinao"}

# HUD names that would collide with Waypoint's lineage columns (source_id, csv_version).
COLUMN_NAME_OVERRIDES: dict[tuple[str, str], str] = {
    ("Export", "SourceID"): "hud_source_id",
    ("Export", "CSVVersion"): "csv_version_declared",
}

# Identifiers that are no file's key but still only unique within a source.
NAMESPACED_IDS: frozenset[str] = frozenset({"HouseholdID"})

# Columns every file ends with; staged under "record metadata" (DateDeleted only filters).
METADATA_COLUMNS: tuple[str, ...] = ("DateCreated", "DateUpdated", "UserID", "DateDeleted", "ExportID")

GROUP_ORDER: tuple[str, ...] = ("keys", "data", "fy2024", "metadata", "lineage")

_SQL_TYPE_MACROS: dict[str, str] = {"I": "hmis_integer", "D": "hmis_date", "T": "hmis_timestamp"}


@dataclass(frozen=True)
class ForeignKey:
    column: str  # HUD column in this file, e.g. ResProjectID
    file: str  # referenced file, e.g. Project


@dataclass(frozen=True)
class StagedColumn:
    """One output column: its SQL expression, name, group and documentation."""

    name: str
    expression: str
    group: str  # one of GROUP_ORDER
    description: str
    hud_column: str | None = None
    lists: tuple[str, str] | None = None  # (FY2026 list, FY2024 list) for coded columns
    references: str | None = None  # staging model a *_key column points to
    referenced_key: str | None = None  # ... and its key column there


def _quoted(name: str) -> str:
    return f'"{name}"'


def _typed(column: Column, sql: str) -> str:
    if column.dtype in ("M", "M+"):
        return f"{{{{ hmis_money('{sql}') }}}}"
    macro = _SQL_TYPE_MACROS.get(column.dtype)
    return f"{{{{ {macro}('{sql}') }}}}" if macro else sql


@cache
def file_keys() -> dict[str, str]:
    """Key column -> file, for every file whose rows other files point at (ExportID excluded: a batch, not a record)."""
    return {load_spec("fy2026").file(f).key: f for f in FILE_ORDER if f != "Export"}


@cache
def foreign_keys(file: str) -> tuple[ForeignKey, ...]:
    """Single-column references HUD's rule sheet names for the file (composite CoC references skipped)."""
    keys = file_keys()
    found: dict[str, ForeignKey] = {}
    with open(SPEC_DIR / "fy2026_rules.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            target, target_key = row["foreign_tbl"], row["fk_id_col"]
            if row["CSV"] != file or not target or keys.get(target_key) != target:
                continue
            found.setdefault(row["Name"], ForeignKey(row["Name"], target))
    return tuple(found.values())


def key_name(hud_column: str) -> str:
    """'EnrollmentID' -> 'enrollment_key', 'ResProjectID' -> 'res_project_key'."""
    return snake_case(hud_column).removesuffix("_id") + "_key"


def _describe(column: Column, versions: str) -> str:
    parts = [f"HUD {column.file}.{column.name}"]
    if column.element and column.element not in {"*"}:
        parts.append(f"(data element {column.element})")
    text = " ".join(parts)
    if column.value_lists:
        text += f"; code list {' / '.join(column.value_lists)}"
    return f"{text}{versions}."


def _column_lists(file: str, name: str) -> tuple[str, str] | None:
    """(FY2026 list, FY2024 list) of a coded column with one list per version."""
    by_version = []
    for version in ("fy2026", "fy2024"):
        spec_file = load_spec(version).file(file)
        by_version.append(spec_file.column(name).value_list if name in spec_file.column_names else None)
    fy2026, fy2024 = by_version
    if not (fy2026 or fy2024):
        return None
    return (fy2026 or fy2024, fy2024 or fy2026)  # type: ignore[return-value]


def _key_columns(file: str, key: str, referenced: dict[str, str | None]) -> list[StagedColumn]:
    columns = [
        StagedColumn("source_id", "_source_id", "keys", "The source (HMIS implementation) that delivered the row.")
    ]
    for hud in [key, *referenced]:
        target = referenced.get(hud)
        what = "the grain" if hud == key else (f"points to {staging_model(target)}" if target else "household stay")
        columns.append(
            StagedColumn(
                key_name(hud),
                f"{{{{ hmis_key('{_quoted(hud)}') }}}}",
                "keys",
                f"Source-namespaced {hud} (`source_id:{hud}`); {what}.",
                hud_column=hud,
                references=staging_model(target) if target else None,
                referenced_key=key_name(load_spec("fy2026").file(target).key) if target else None,
            )
        )
        columns.append(StagedColumn(snake_case(hud), _quoted(hud), "keys", f"HUD {file}.{hud} as delivered.", hud))
    return columns


@cache
def staged_columns(file: str) -> tuple[StagedColumn, ...]:
    """The columns of the file's staging model, grouped: keys, FY2026 data, FY2024-only data, metadata."""
    fy2026, fy2024 = load_spec("fy2026").file(file), load_spec("fy2024").file(file)
    key = fy2026.key
    from_rules = {fk.column: fk.file for fk in foreign_keys(file)}
    referenced: dict[str, str | None] = {}
    for name in fy2026.column_names:
        if name == key or name in METADATA_COLUMNS:
            continue
        if name in from_rules or name in file_keys():
            referenced[name] = from_rules.get(name) or file_keys()[name]
        elif name in NAMESPACED_IDS:
            referenced[name] = None
    only_fy2024 = [c for c in fy2024.columns if c.name not in fy2026.column_names]
    folded = {old for (f, old) in RENAMED_IN_FY2026 if f == file}

    columns = _key_columns(file, key, referenced)
    for column in [*fy2026.columns, *(c for c in only_fy2024 if c.name not in folded)]:
        if column.name == key or column.name in referenced or column.name == "DateDeleted":
            continue
        sql = _quoted(column.name)
        olds = [old for (f, old), new in RENAMED_IN_FY2026.items() if f == file and new == column.name]
        if olds:
            sql = f"coalesce({sql}, {', '.join(_quoted(o) for o in olds)})"
        if olds:
            versions = f"; FY2024 {', '.join(olds)} folded in"
        elif column in only_fy2024:
            versions = "; FY2024 only, kept for history (null in FY2026 exports)"
        elif column.name not in fy2024.column_names:
            versions = "; FY2026 only (null in FY2024 exports)"
        else:
            versions = ""
        group = "metadata" if column.name in METADATA_COLUMNS else ("fy2024" if column in only_fy2024 else "data")
        name = COLUMN_NAME_OVERRIDES.get((file, column.name), snake_case(column.name))
        columns.append(
            StagedColumn(
                name,
                _typed(column, sql),
                group,
                _describe(column, versions),
                hud_column=column.name,
                lists=_column_lists(file, column.name),
            )
        )
    columns += [
        StagedColumn("ingest_id", "_ingest_id", "lineage", "Delivery the row came from (meta.export_registry)."),
        StagedColumn(
            "csv_version",
            "_csv_version",
            "lineage",
            "HMIS CSV version of that delivery (fy2026 / fy2024; fy2022 rows were mapped to the FY2024 shape).",
        ),
        StagedColumn("raw_row_number", "_row_number", "lineage", "Row number in the delivered file (header excluded)."),
    ]
    columns.sort(key=lambda c: GROUP_ORDER.index(c.group))  # stable: HUD order within a group
    names = [c.name for c in columns]
    if len(names) != len(set(names)):
        raise ValueError(f"{file}: staging column names collide: {sorted({n for n in names if names.count(n) > 1})}")
    return tuple(columns)
