"""The Dagster path (sensor -> run -> raw assets) and the CLI path give the same raw tables; twice is a no-op."""

from __future__ import annotations

import csv
import io
import os
import shutil
import zipfile
from pathlib import Path

import dagster as dg
import pytest
from click.testing import CliRunner

from pipelines.cli.main import cli
from pipelines.config import Settings
from pipelines.definitions import defs
from pipelines.defs.ingest.assets import validation_from_checks
from pipelines.defs.ingest.resources import IngestHome
from pipelines.defs.ingest.sensors import landing_sensor

from . import corpus as c
from .helpers import query, raw_snapshot


@pytest.fixture(scope="module")
def generated_exports(tmp_path_factory) -> Path:
    """The generator's tiny exports (one zip per source, with its planted defects), or builder exports for two sources
    without it. Tiny, not demo: the two paths are compared table by table, and demo's ten times the rows cost CI
    minutes without a case tiny lacks (docs/testing.md)."""
    out = tmp_path_factory.mktemp("generated")
    try:
        from pipelines.synth import generate
    except ImportError:
        from .exports import build_files, export_bytes, write_zip

        for source, rows in (("ok-500", 4), ("ok-507", 5)):
            write_zip(out / source / f"{source}.zip", export_bytes(build_files("fy2026", rows=rows)))
        return out
    generate(out, preset="tiny", seed=42)
    _plant_defects(next(out.glob("ok-500/*.zip")))
    return out


def _plant_defects(delivery: Path) -> None:
    """Two value errors in Client.csv and a header in the wrong case in Funder.csv (a warning): both paths must
    load the rows, flag them and say so alike."""
    with zipfile.ZipFile(delivery) as zin:
        entries = [(info, zin.read(info)) for info in zin.infolist()]
    with zipfile.ZipFile(delivery, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in entries:
            if info.filename.endswith("Client.csv"):
                rows = list(csv.reader(io.StringIO(data.decode())))
                rows[1][rows[0].index("VeteranStatus")] = "7"
                rows[2][rows[0].index("DOB")] = "not a date"
                text = io.StringIO()
                csv.writer(text, lineterminator="\r\n").writerows(rows)
                data = text.getvalue().encode()
            elif info.filename.endswith("Funder.csv"):
                data = data.replace(b"GrantID", b"grantid", 1)
            zout.writestr(info, data)


def _land(exports: Path, home: Path) -> list[Path]:
    landed = []
    for zip_path in sorted(exports.glob("*/*.zip")):
        target = home / "landing" / zip_path.parent.name / zip_path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(zip_path, target)
        old = os.stat(target).st_mtime - 3600
        os.utime(target, (old, old))
        landed.append(target)
    return landed


def _run_job(home: Path, **config) -> dg.ExecuteInProcessResult:
    job = defs.resolve_job_def("ingest_landing")
    return job.execute_in_process(
        run_config={"ops": {"raw_hmis_tables": {"config": {"expectations": False, **config}}}},
        instance=dg.DagsterInstance.ephemeral(),
        resources={"ingest_home": IngestHome(home=str(home))},
    )


@pytest.mark.slow
def test_dagster_and_cli_ingest_the_generated_exports_into_identical_raw_tables(
    generated_exports, tmp_path, monkeypatch
):
    dagster_home, cli_home = Settings(tmp_path / "dagster"), Settings(tmp_path / "cli")
    _land(generated_exports, dagster_home.home)
    cli_landed = _land(generated_exports, cli_home.home)

    first = _run_job(dagster_home.home)
    monkeypatch.setenv("WAYPOINT_HOME", str(cli_home.home))
    cli_run = CliRunner().invoke(cli, ["ingest", *map(str, cli_landed), "--no-expectations"], catch_exceptions=False)

    assert first.success and cli_run.exit_code == 0, cli_run.output
    # Dagster's checks and the ingest summary agree, on the findings the planted defects made
    checks = {e.asset_key.path[-1]: e for e in first.get_asset_check_evaluations()}
    assert not checks["client"].passed and checks["client"].severity == dg.AssetCheckSeverity.ERROR
    assert not checks["funder"].passed and checks["funder"].severity == dg.AssetCheckSeverity.WARN
    assert sum(not e.passed for e in checks.values()) == 2
    summary = validation_from_checks(checks.values()).summary()
    assert summary == "validation failed: 2 errors, 1 warning; file checks: 1 failed, 1 warned, 22 passed"
    assert summary.capitalize() in cli_run.output
    snapshot = raw_snapshot(dagster_home)
    assert snapshot == raw_snapshot(cli_home)
    assert sum(len(rows) for rows in snapshot.values()) > 0

    second = _run_job(dagster_home.home)
    assert second.success and raw_snapshot(dagster_home) == snapshot
    materialized = second.asset_materializations_for_node("raw_hmis_tables")
    assert all(m.metadata["rows_loaded"].value == 0 for m in materialized)
    assert query(dagster_home, "SELECT count(*) FROM meta.export_registry") == [
        (len(list(generated_exports.glob("*/*.zip"))),)
    ]


def test_sensor_launches_one_run_per_new_delivery_and_remembers_it(base_files, tmp_path):
    home = tmp_path / "home"
    delivery = c.zipped(base_files, home / "landing" / "ok-500")
    old = os.stat(delivery).st_mtime - 60
    os.utime(delivery, (old, old))
    resources = {"ingest_home": IngestHome(home=str(home), settle_seconds=1)}

    with dg.build_sensor_context(resources=resources) as context:
        requests = list(landing_sensor(context))
        cursor = context.cursor
    assert len(requests) == 1 and isinstance(requests[0], dg.RunRequest)
    config = requests[0].run_config["ops"]["raw_hmis_tables"]["config"]
    assert config == {"paths": [str(delivery)], "source": "ok-500"}

    with dg.build_sensor_context(resources=resources, cursor=cursor) as context:
        assert isinstance(landing_sensor(context), dg.SkipReason)

    result = _run_job(home, **config)
    assert result.success
    assert query(Settings(home), "SELECT source_id, status FROM meta.export_registry") == [("ok-500", "loaded")]


def test_sensor_waits_for_a_file_still_being_written(base_files, tmp_path):
    home = tmp_path / "home"
    c.zipped(base_files, home / "landing" / "ok-500")
    with dg.build_sensor_context(resources={"ingest_home": IngestHome(home=str(home), settle_seconds=300)}) as context:
        assert isinstance(landing_sensor(context), dg.SkipReason)


def test_export_unzipped_straight_into_its_source_folder_keeps_the_source_id(base_files, tmp_path):
    home = tmp_path / "home"
    source_folder = home / "landing" / "kvh-ssvf"
    source_folder.mkdir(parents=True)
    for name, data in c.export_bytes(base_files).items():
        (source_folder / f"{name}.csv").write_bytes(data)
        os.utime(source_folder / f"{name}.csv", (1e9, 1e9))

    with dg.build_sensor_context(resources={"ingest_home": IngestHome(home=str(home), settle_seconds=1)}) as context:
        [request] = list(landing_sensor(context))

    assert request.run_config["ops"]["raw_hmis_tables"]["config"]["source"] == "kvh-ssvf"
