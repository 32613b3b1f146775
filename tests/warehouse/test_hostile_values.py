"""A value never fails a build (DESIGN: "Faults stay where they are"), property-style.

The session warehouse (``built_warehouse``) holds the hostile world: the generator's three tiny sources with
hostile values planted in every typed column (dates, datetimes, integers, codes, money) of every HMIS file, and
a fourth delivery shaped like HUD's LSA sample (files in a folder, an Export.csv of several rows declaring
``2024 v1.4`` over FY2026 columns, US dates, ``02-07-2023 12:00:00`` style ExportDate). `waypoint ingest` loads
them all; the session's build, with every dbt test, publishes (the PostgreSQL build reads the same raw layer);
staging holds exactly what ``pipelines.ingest.dates`` and the type rules say (null for what cannot be read),
and ingestion left a finding for every unreadable value.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import duckdb
import pytest

from pipelines.config import Settings
from pipelines.spec import FILE_ORDER, load_spec
from pipelines.warehouse.naming import staging_model
from pipelines.warehouse.staging_columns import staged_columns

from .conftest import BuiltWarehouse
from .hostile import HOSTILE, LSA_SOURCE, expected

_PLAIN = re.compile(r"""\{\{ hmis_(date|timestamp|integer|money)\('"(\w+)"'\) \}\}""")


@dataclass(frozen=True)
class HostileWorld:
    settings: Settings
    planted: list[tuple[str, str, str, int, str]]  # source, file, column, raw row number, value

    def warehouse(self, sql: str, params: list | None = None) -> list[tuple]:
        con = duckdb.connect(str(self.settings.published_db), read_only=True)
        try:
            return con.execute(sql, params or []).fetchall()
        finally:
            con.close()

    def ingest(self, sql: str, params: list | None = None) -> list[tuple]:
        con = duckdb.connect(str(self.settings.ingest_db), read_only=True)
        try:
            return con.execute(sql, params or []).fetchall()
        finally:
            con.close()


@pytest.fixture(scope="module")
def hostile_world(built_warehouse: BuiltWarehouse) -> HostileWorld:
    """The session warehouse, whose build (every dbt test) and publish already met the hostile deliveries."""
    return HostileWorld(built_warehouse.settings, list(built_warehouse.hostile))


def test_every_typed_column_of_every_file_got_hostile_values(hostile_world):
    spec = load_spec("fy2026")
    typed = {(f, c.name) for f in FILE_ORDER for c in spec.file(f).columns if c.dtype in HOSTILE}
    assert typed - {(file, column) for _, file, column, _, _ in hostile_world.planted} == set()
    by_type = Counter((spec.file(f).column(c).dtype.rstrip("+"), v) for _, f, c, _, v in hostile_world.planted)
    assert {(d.rstrip("+"), v) for d, values in HOSTILE.items() for v in values} <= set(by_type)


def test_ingest_loaded_every_delivery_and_build_published(hostile_world):
    sources = sorted({source for source, *_ in hostile_world.planted} | {LSA_SOURCE})
    statuses = hostile_world.ingest(
        "SELECT source_id, status, csv_version FROM meta.export_registry WHERE source_id IN (SELECT unnest(?))",
        [sources],
    )
    assert len(sources) == 4 and sorted(s for s, _, _ in statuses) == sources
    assert {s for _, s, _ in statuses} == {"loaded"} and {v for _, _, v in statuses} == {"fy2026"}
    assert hostile_world.settings.published_db.exists()  # the build (every dbt test) published
    staged = hostile_world.warehouse(
        "SELECT DISTINCT source_id FROM staging.stg_hmis__clients WHERE source_id IN (SELECT unnest(?)) ORDER BY 1",
        [sources],
    )
    assert [s for (s,) in staged] == sources


def test_staging_holds_what_the_date_and_type_rules_read(hostile_world):
    """Every planted value that staging kept is typed exactly as the rules say: null when unreadable."""
    compared = set()  # (type, value) read back from staging
    mismatches = []
    con = duckdb.connect(str(hostile_world.settings.published_db), read_only=True)
    try:
        for file in FILE_ORDER:
            typed = {}
            for column in staged_columns(file):
                if match := _PLAIN.fullmatch(column.expression):
                    typed[match.group(2)] = column.name
            spots = [p for p in hostile_world.planted if p[1] == file and p[2] in typed]
            if not spots:
                continue
            names = sorted({typed[column] for _, _, column, _, _ in spots})
            staged = {
                (row[0], row[1]): dict(zip(names, row[2:], strict=True))
                for row in con.execute(
                    f"SELECT source_id, raw_row_number, {', '.join(names)} FROM staging.{staging_model(file)}"
                ).fetchall()
            }
            dtypes = {c.name: c.dtype for c in load_spec("fy2026").file(file).columns}
            for source, _, column, row, value in spots:
                if (source, row) not in staged:  # the record is not current (e.g. its DateDeleted reads as a date)
                    continue
                compared.add((dtypes[column].rstrip("+"), value))
                got, want = staged[(source, row)][typed[column]], expected(dtypes[column], value)
                if got != want:
                    mismatches.append((file, column, value, got, want))
    finally:
        con.close()
    assert mismatches == []
    assert {(dtype.rstrip("+"), value) for dtype, values in HOSTILE.items() for value in values} <= compared


def test_every_unreadable_value_has_a_finding(hostile_world):
    rows = hostile_world.ingest(
        "SELECT r.source_id, f.file, f.column_name, f.row_number, f.rule_id, f.severity "
        "FROM meta.validation_findings f JOIN meta.export_registry r USING (ingest_id) "
        "WHERE r.source_id IN (SELECT unnest(?))",
        [sorted({source for source, *_ in hostile_world.planted})],
    )
    found = {(s, f, c, n): (rule, sev) for s, f, c, n, rule, sev in rows}
    spec = load_spec("fy2026")
    missing = []
    for source, file, column, row, value in hostile_world.planted:
        dtype = spec.file(file).column(column).dtype
        if expected(dtype, value) is None and (source, file, column, row) not in found:
            missing.append((source, file, column, row, value))
    assert missing == []
    assert {rule for rule, _ in found.values()} >= {"type.date", "type.datetime", "type.integer", "type.money"}
    metadata = {sev for (s, f, c, n), (rule, sev) in found.items() if c in ("DateCreated", "DateUpdated")}
    assert metadata == {"warning"}  # a record's metadata form changes no HUD report


def test_lsa_shaped_delivery_is_read_by_its_columns_and_its_matching_export_row(hostile_world):
    [(export_id, declared, version, export_date)] = hostile_world.ingest(
        "SELECT export_id, csv_version_declared, csv_version, export_date FROM meta.export_registry "
        "WHERE source_id = ?",
        [LSA_SOURCE],
    )
    assert (declared, version) == ("2024 v1.4", "fy2026")
    assert re.fullmatch(r"\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}", export_date)  # as delivered
    carried = hostile_world.ingest('SELECT DISTINCT "ExportID" FROM raw.client WHERE _source_id = ?', [LSA_SOURCE])
    assert carried == [(export_id,)]
    assert hostile_world.ingest("SELECT count(*) FROM raw.export WHERE _source_id = ?", [LSA_SOURCE]) == [(4,)]
    rules = dict(
        hostile_world.ingest(
            "SELECT rule_id, severity FROM meta.validation_findings JOIN meta.export_registry USING (ingest_id) "
            "WHERE source_id = ?",
            [LSA_SOURCE],
        )
    )
    assert rules["version.mismatch"] == "warning" and rules["export.many_rows"] == "warning"
    assert rules["format.date"] == "warning" and "fatal" not in rules.values()
    assert "type.date" not in rules and "header.missing" not in rules
    [(staged_date,)] = hostile_world.warehouse(
        "SELECT export_date FROM staging.stg_meta__current_exports WHERE source_id = ?", [LSA_SOURCE]
    )
    assert staged_date is not None and staged_date.year == 2026


def test_lsa_shaped_clients_all_arrive(hostile_world):
    staged = hostile_world.warehouse("SELECT count(*) FROM staging.stg_hmis__clients WHERE source_id = ?", [LSA_SOURCE])
    raw = hostile_world.ingest('SELECT count(DISTINCT "PersonalID") FROM raw.client WHERE _source_id = ?', [LSA_SOURCE])
    assert staged == raw and raw[0][0] > 0
