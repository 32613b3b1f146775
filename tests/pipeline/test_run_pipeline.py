"""`waypoint run` drives the real Dagster sensor and ingest job: landed exports load once, never twice."""

import os
import shutil

import duckdb
import pytest

from pipelines.config import Settings
from pipelines.orchestrate import run_pipeline
from pipelines.synth import generate


@pytest.fixture(scope="module")
def landed(tmp_path_factory) -> Settings:
    exports = tmp_path_factory.mktemp("exports")
    generate(exports, preset="tiny", seed=42)
    settings = Settings(home=tmp_path_factory.mktemp("home"))
    for zip_path in sorted(exports.glob("*/*.zip")):
        target = settings.landing / zip_path.parent.name / zip_path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(zip_path, target)
        old = os.stat(target).st_mtime - 3600
        os.utime(target, (old, old))
    return settings


def _loaded(settings: Settings) -> list[tuple]:
    con = duckdb.connect(str(settings.ingest_db), read_only=True)
    try:
        return con.execute("SELECT source_id, status FROM meta.export_registry ORDER BY source_id").fetchall()
    finally:
        con.close()


def test_one_pass_ingests_every_landed_export_through_dagster_runs(landed):
    lines: list[str] = []
    report = run_pipeline(landed, build=False, expectations=False, echo=lines.append)
    assert len(report.ingest_runs) == 3
    # each run's line gives the verdict of its Dagster asset checks (pipelines.store.validation)
    assert len(lines) == 3 and all(
        "ok: " in line and "; validation passed: no findings; file checks:" in line for line in lines
    )
    assert _loaded(landed) == [("kvh-ssvf", "loaded"), ("ok-500", "loaded"), ("ok-507", "loaded")]
    runs = list((landed.home / "dagster").rglob("*"))
    assert runs, "runs are recorded in the persistent Dagster instance"


def test_a_second_pass_finds_nothing_new(landed):
    report = run_pipeline(landed, build=False, expectations=False, echo=lambda _: None)
    assert report.ingest_runs == []
    assert len(_loaded(landed)) == 3


def test_dagster_usage_reporting_is_off_in_the_instance_waypoint_makes(tmp_path):
    import dagster as dg

    from pipelines.orchestrate import ensure_dagster_home

    settings = Settings(home=tmp_path)
    (tmp_path / "dagster").mkdir()
    (tmp_path / "dagster" / "dagster.yaml").write_text("retention:\n  schedule:\n    purge_after_days: 30\n")
    home = ensure_dagster_home(settings)
    assert "purge_after_days: 30" in (home / "dagster.yaml").read_text()  # the operator's settings stay
    instance = dg.DagsterInstance.from_config(str(home))
    assert instance.telemetry_enabled is False
    ensure_dagster_home(settings)  # idempotent
    assert (home / "dagster.yaml").read_text().count("telemetry:") == 1
