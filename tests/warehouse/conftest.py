"""Shared fixtures: one Waypoint home built once per session.

Its ingest.duckdb holds the small world (hand-written snippets, sources ``ok500-hmis`` and
``ok507-agency``), the generator's ``tiny`` preset in three CSV versions, ingested for real
(sources ``ok-500``, ``ok-507``, ``kvh-ssvf`` in FY2026 and the same with ``-fy2024`` and ``-fy2022``),
and the hostile world's four deliveries (``hostile-*`` and ``lsa-shaped``: every typed column poisoned,
see test_hostile_values.py); with one APR request per rendition over all its projects (federal FY2026), so
the renditions' reports can be compared table by table, and one request of each report (REPORT_KEYS), so the
build computes every report mart (the PostgreSQL test compares them).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pytest

from pipelines.config import Settings
from pipelines.ingest import ingest_paths
from pipelines.reports.build import record_requests
from pipelines.reports.model import ReportRequest
from pipelines.reports.schedule import plan_report_build
from pipelines.store.requests import add_request
from pipelines.synth import generate
from pipelines.warehouse.build import BuildResult, build_warehouse
from pipelines.warehouse.minimise import FULL_DATABASE

from .hostile import land_hostile_exports
from .raw_layer import write_raw_layer
from .small_world import small_world_exports

SYNTH_VERSIONS = ("fy2026", "fy2024", "fy2022")
SYNTH_SOURCES = ("ok-500", "ok-507", "kvh-ssvf")
APR_PERIOD = (date(2025, 10, 1), date(2026, 9, 30))
# Reports the session's warehouse computes, so that its report marts hold rows (the PostgreSQL test compares them).
REPORT_KEYS = (
    "apr/2025-10-01..2026-09-30/coc=OK-500",
    "caper/2025-10-01..2026-09-30/coc=OK-507",
    "dq/2025-10-01..2026-09-30/coc=OK-500",
    "spm/2025-10-01..2026-09-30/coc=OK-500?trend_years=2",
    "hic_pit/2026-01-28..2026-01-28/coc=OK-500?pit_date=2026-01-28",
)


@dataclass(frozen=True)
class BuiltWarehouse:
    settings: Settings
    result: BuildResult
    hostile: tuple[tuple[str, str, str, int, str], ...] = ()  # planted values: source, file, column, row, value

    def query(self, sql: str, params: list | None = None) -> list[tuple]:
        con = duckdb.connect(str(self.settings.published_db), read_only=True)
        try:
            return con.execute(sql, params or []).fetchall()
        finally:
            con.close()


def synthetic_source(source: str, csv_version: str) -> str:
    return source if csv_version == "fy2026" else f"{source}-{csv_version}"


def ingest_synthetic_tiny(settings: Settings, out_dir: Path) -> None:
    for version in SYNTH_VERSIONS:
        generate(out_dir / version, preset="tiny", seed=42, csv_version=version)
        for delivery in sorted((out_dir / version).glob("*/*.zip")):
            results = ingest_paths(
                [delivery], source=synthetic_source(delivery.parent.name, version), settings=settings
            )
            assert [r.status for r in results] == ["loaded"], results


def rendition_apr(settings: Settings, csv_version: str) -> ReportRequest:
    """The APR over every project of one rendition of the tiny world (recorded before the build)."""
    sources = [synthetic_source(s, csv_version) for s in SYNTH_SOURCES]
    con = duckdb.connect(str(settings.ingest_db), read_only=True)
    try:
        rows = con.execute(
            """SELECT DISTINCT _source_id || ':' || "ProjectID" FROM raw.project
            WHERE _source_id IN (SELECT unnest(?))""",
            [sources],
        ).fetchall()
    finally:
        con.close()
    return ReportRequest("apr", *APR_PERIOD, "projects", tuple(sorted(r[0] for r in rows)))


def record_rendition_reports(settings: Settings) -> None:
    requests = [rendition_apr(settings, version) for version in SYNTH_VERSIONS]
    con = duckdb.connect(str(settings.ingest_db))
    try:
        for request in requests:
            add_request(con, request, requested_by="tests")
    finally:
        con.close()


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory: pytest.TempPathFactory) -> BuiltWarehouse:
    """The small world, the synthetic tiny exports and the hostile world (tests/warehouse/hostile.py), built
    with every dbt test and published once (read-only for tests)."""
    root = tmp_path_factory.mktemp("warehouse_home")
    settings = Settings(home=root / "home").ensure()
    write_raw_layer(settings.ingest_db, small_world_exports())
    ingest_synthetic_tiny(settings, root / "synth")
    hostile = land_hostile_exports(settings, root / "hostile")
    record_rendition_reports(settings)
    plans = [plan_report_build(key) for key in REPORT_KEYS]
    record_requests([r for plan in plans for r in (*plan.supporting, *plan.requests)], settings, "tests")
    return BuiltWarehouse(settings, build_warehouse(settings), tuple(hostile))


def report_requests() -> list[ReportRequest]:
    """The requests of REPORT_KEYS that get artifacts (not the earlier years an SPM trend computes)."""
    return [request for key in REPORT_KEYS for request in plan_report_build(key).requests]


@pytest.fixture
def one_value(built_warehouse: BuiltWarehouse) -> Callable[[str], object]:
    def query(sql: str) -> object:
        rows = built_warehouse.query(sql)
        assert len(rows) == 1 and len(rows[0]) == 1, f"expected one value from {sql!r}, got {rows}"
        return rows[0][0]

    return query


@pytest.fixture
def published_home(built_warehouse: BuiltWarehouse, tmp_path: Path) -> Settings:
    """A private copy of the built home (ingest.duckdb, the published warehouse and the whole build kept for partial
    builds) a test may change."""
    settings = Settings(home=tmp_path / "home").ensure()
    shutil.copyfile(built_warehouse.settings.ingest_db, settings.ingest_db)
    shutil.copyfile(built_warehouse.settings.published_db, settings.published_db)
    full = built_warehouse.settings.build_dir / FULL_DATABASE
    if full.exists():
        shutil.copyfile(full, settings.build_dir / FULL_DATABASE)
    return settings
