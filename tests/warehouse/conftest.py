"""Shared fixtures: one Waypoint home built once per session.

Its ingest.duckdb holds the small world (hand-written snippets, sources ``ok500-hmis`` and
``ok507-agency``) and the generator's ``tiny`` preset in both CSV versions, ingested for real
(sources ``ok-500``, ``ok-507``, ``kvh-ssvf`` in FY2026 and the same with ``-fy2024`` in FY2024),
and one request of each report (REPORT_KEYS), so the build computes every report mart.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from pipelines.config import Settings
from pipelines.ingest import ingest_paths
from pipelines.reports.build import record_requests
from pipelines.reports.model import ReportRequest
from pipelines.reports.schedule import plan_report_build
from pipelines.synth import generate
from pipelines.warehouse.build import BuildResult, build_warehouse

from .raw_layer import write_raw_layer
from .small_world import small_world_exports

SYNTH_VERSIONS = ("fy2026", "fy2024")
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


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory: pytest.TempPathFactory) -> BuiltWarehouse:
    """The small world and the synthetic tiny exports, built and published once (read-only for tests)."""
    root = tmp_path_factory.mktemp("warehouse_home")
    settings = Settings(home=root / "home").ensure()
    write_raw_layer(settings.ingest_db, small_world_exports())
    ingest_synthetic_tiny(settings, root / "synth")
    plans = [plan_report_build(key) for key in REPORT_KEYS]
    record_requests([r for plan in plans for r in (*plan.supporting, *plan.requests)], settings, "tests")
    return BuiltWarehouse(settings, build_warehouse(settings))


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
    """A private copy of the built home (ingest.duckdb and the published warehouse) a test may change."""
    settings = Settings(home=tmp_path / "home").ensure()
    shutil.copyfile(built_warehouse.settings.ingest_db, settings.ingest_db)
    shutil.copyfile(built_warehouse.settings.published_db, settings.published_db)
    return settings
