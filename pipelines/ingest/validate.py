"""Run every spec-generated check over one export's files, set-wise in DuckDB, into ``_findings``.

Each file is read once with all its row checks OR-ed together; only the rows that break something
are looked at again to say which rule they break. Keys and cross-file references are GROUP BYs and
anti-joins. The views ``_v_<table>`` (HUD column names + ``_row_number``) are prepared by the loader.
"""

from __future__ import annotations

from functools import cache

import duckdb

from pipelines.ingest import column_rules, rulebook
from pipelines.ingest.checks import RowCheck, conditional_checks, foreign_columns, special_checks, sql_text
from pipelines.ingest.layout import quote, table_name
from pipelines.spec import LEGACY_VERSIONS, FileSpec, HmisSpec, load_spec

FINDINGS_TABLE = "_findings"


def view_name(file: str) -> str:
    return f"_v_{table_name(file)}"


def create_findings_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {FINDINGS_TABLE} (file VARCHAR, row_number BIGINT, column_name VARCHAR, "
        "rule_id VARCHAR, severity VARCHAR, message VARCHAR, value VARCHAR)"
    )


def _source(spec: HmisSpec, file_spec: FileSpec) -> tuple[str, dict[str, str]]:
    """FROM clause for the file's checks, joined to the columns its conditional rules borrow."""
    joins, lookup = [], {}
    for i, column in enumerate(sorted(foreign_columns(file_spec))):
        owner = next((f for f in spec.files.values() if column in f.column_names), None)
        if owner is None:
            continue
        key = owner.key
        if key in file_spec.column_names:
            inner = (
                f"SELECT g.{quote(key)} AS k, first(g.{quote(column)}) AS val FROM {view_name(owner.name)} g GROUP BY 1"
            )
            on = f"v.{quote(key)}"
        elif "EnrollmentID" in file_spec.column_names and key in spec.file("Enrollment").column_names:
            inner = (
                f'SELECT e."EnrollmentID" AS k, first(g.{quote(column)}) AS val FROM {view_name("Enrollment")} e '
                f"JOIN {view_name(owner.name)} g ON g.{quote(key)} = e.{quote(key)} GROUP BY 1"
            )
            on = 'v."EnrollmentID"'
        else:
            continue
        joins.append(f"LEFT JOIN ({inner}) lk{i} ON lk{i}.k = {on}")
        lookup[column] = f"v._lk{i}"
    if not joins:
        return f"{view_name(file_spec.name)} v", lookup
    extra = ", ".join(f"lk{i}.val AS _lk{i}" for i in range(len(joins)))
    return f"(SELECT v.*, {extra} FROM {view_name(file_spec.name)} v {' '.join(joins)}) v", lookup


def _insert(check: RowCheck, source: str) -> str:
    return (
        f"SELECT {sql_text(check.file)}, v._row_number, {sql_text(check.column)}, {sql_text(check.rule_id)}, "
        f"{sql_text(check.severity)}, {check.message}, left(v.{quote(check.column)}, 200) FROM {source} WHERE "
        f"{check.bad}"
    )


@cache
def _row_check_sql(version: str, file: str, hashed: bool) -> tuple[str, str, tuple[str, ...]]:
    """(screening SELECT, findings SELECT over ``_rows v`` for the special checks, unautomated rules); built once."""
    spec = load_spec(version)
    file_spec = spec.file(file)
    source, lookup = _source(spec, file_spec)
    checks = special_checks(spec, file_spec, hashed=hashed)
    if version in LEGACY_VERSIONS:
        # HUD's null-unless rules are written in FY2026 codes; FY2022's own codes would misfire them.
        skipped = [f"{file}: conditional rules are not applied to {version.upper()} deliveries"]
    else:
        conditional, skipped = conditional_checks(file_spec, lookup)
        checks += conditional
    screen = " OR ".join([column_rules.screen(version, file, hashed), *(f"coalesce({c.bad}, FALSE)" for c in checks)])
    union = " UNION ALL ".join(_insert(c, "_rows v") for c in checks)
    return f"SELECT * FROM {source} WHERE {screen}", union, tuple(skipped)


def check_rows(con: duckdb.DuckDBPyConnection, version: str, file: str, *, hashed: bool) -> list[str]:
    """Row checks of one file: one screening pass, then which rule each flagged row breaks."""
    flagged, special, skipped = _row_check_sql(version, file, hashed)
    flagged_count = con.execute(f"CREATE OR REPLACE TEMP TABLE _rows AS {flagged}").fetchone()[0]
    if flagged_count:
        con.execute(f"CREATE OR REPLACE TEMP TABLE _long AS {column_rules.unpivot(version, file)}")
        con.execute(f"INSERT INTO {FINDINGS_TABLE} {column_rules.detail(version, file, hashed)}")
        if special:
            con.execute(f"INSERT INTO {FINDINGS_TABLE} {special}")
    return list(skipped)


def _key_sql(file_spec: FileSpec) -> str:
    """Duplicate unique identifiers: every repeat after the first is flagged with the first's row."""
    file = file_spec.name
    key = rulebook.unique_keys().get(file, file_spec.key)
    severity = rulebook.severity_of(file, key, "Duplicate UniqueID")
    k = quote(key)
    return f"""SELECT {sql_text(file)}, v._row_number, {sql_text(key)}, 'key.duplicate', {sql_text(severity)},
            {sql_text(f"{key} '")} || left(v.{k}, 200)
                || {sql_text(f"' appears more than once in {file}.csv (first in row ")}
                || dup.first_row::VARCHAR || ').',
            left(v.{k}, 200)
        FROM {view_name(file)} v JOIN (
            SELECT {k} AS k, min(_row_number) AS first_row FROM {view_name(file)}
            WHERE {k} IS NOT NULL GROUP BY 1 HAVING count(*) > 1
        ) dup ON dup.k = v.{k}
        WHERE v._row_number > dup.first_row"""


def _reference_sql(spec: HmisSpec, file_spec: FileSpec, delivered: frozenset[str]) -> list[str]:
    """Values that must match a key in another file of the same export (anti-joins)."""
    file = file_spec.name
    selects = []
    for fk in rulebook.foreign_keys():
        if fk.file != file or fk.column not in file_spec.column_names or fk.parent not in delivered:
            continue
        parent = spec.file(fk.parent)
        if fk.parent_column not in parent.column_names:
            continue
        col, pcol = quote(fk.column), quote(fk.parent_column)
        match = f"p.{pcol} = v.{col}"
        where = ""
        if fk.same_project and "ProjectID" in file_spec.column_names and "ProjectID" in parent.column_names:
            match += ' AND p."ProjectID" = v."ProjectID"'
            where = " for the same ProjectID"
        selects.append(
            f"""SELECT {sql_text(file)}, v._row_number, {sql_text(fk.column)}, 'key.foreign', {sql_text(fk.severity)},
                {sql_text(f"{fk.column} '")} || left(v.{col}, 200)
                    || {sql_text(f"' has no match in {fk.parent}.csv ({fk.parent_column}{where}).")},
                left(v.{col}, 200)
            FROM {view_name(file)} v
            WHERE v.{col} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {view_name(fk.parent)} p WHERE {match})"""
        )
    return selects


@cache
def _relation_sql(version: str, file: str, delivered: frozenset[str]) -> str:
    spec = load_spec(version)
    file_spec = spec.file(file)
    return " UNION ALL ".join([_key_sql(file_spec), *_reference_sql(spec, file_spec, delivered)])


def validate_export(con: duckdb.DuckDBPyConnection, spec: HmisSpec, rows: dict[str, int], *, hashed: bool) -> list[str]:
    """All checks of the delivered files (file -> rows read) into ``_findings``; returns unautomated rules.

    A file without rows can break no row rule, so only files with rows are checked; references into a
    delivered but empty file still are.
    """
    skipped: list[str] = []
    present = frozenset(rows)
    column_rules.create_rule_tables(con)
    for file in spec.files:
        if not rows.get(file):
            continue
        skipped += check_rows(con, spec.version, file, hashed=hashed)
        con.execute(f"INSERT INTO {FINDINGS_TABLE} {_relation_sql(spec.version, file, present)}")
    return skipped
