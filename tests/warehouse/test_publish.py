"""Atomic publish (DESIGN: "Readers never block or see half a build"): a failed build leaves the published
warehouse as it was.

The successful side (a new build replaces the file while open readers keep their snapshot) is in
test_dagster_assets.py; both rebuild a small selection, which goes through the same build, check
and publish steps as a full build.
"""

from __future__ import annotations

import hashlib
import json

import duckdb
import pytest
from click.testing import CliRunner

from benchmarks.model_time import model_times, report_model_time
from pipelines.cli.main import cli
from pipelines.config import Settings
from pipelines.warehouse.build import build_warehouse
from pipelines.warehouse.publish import (
    PUBLISHED_RUN_RESULTS,
    SHARED_PARSE_STATE,
    BuildBusy,
    build_lock,
    prune_builds,
)

SELECTION = "stg_meta__current_exports stg_hmis__clients"


def _sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_failed_build_leaves_the_published_warehouse_byte_identical(
    published_home: Settings, monkeypatch: pytest.MonkeyPatch
):
    published = published_home.published_db
    before = _sha256(published)
    reader = duckdb.connect(str(published), read_only=True)
    con = duckdb.connect(str(published_home.ingest_db))
    con.execute("update meta.export_registry set csv_version = 'fy2019' where ingest_id = 'ing-002'")
    con.close()
    monkeypatch.setenv("WAYPOINT_HOME", str(published_home.home))

    outcome = CliRunner().invoke(cli, ["build", "--select", SELECTION])

    assert outcome.exit_code == 2
    (message,) = outcome.output.strip().splitlines()  # one plain line, no stack trace
    assert message.startswith("error: warehouse build warehouse-")
    assert "accepted_values_stg_meta__current_exports_csv_version" in message
    assert "The published warehouse was left as it was" in message
    assert _sha256(published) == before
    assert reader.execute("select count(*) from staging.stg_hmis__clients").fetchone()[0] > 0
    reader.close()
    (leftover,) = published_home.build_dir.glob("warehouse-*.duckdb")
    assert leftover.stem in message  # kept for inspection, with its dbt log


def test_waypoint_build_without_ingested_data_is_a_one_line_error(tmp_path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("WAYPOINT_HOME", str(tmp_path / "empty"))
    outcome = CliRunner().invoke(cli, ["build"])
    assert outcome.exit_code == 2
    assert outcome.output.strip().startswith("error: no ingest database at")
    assert len(outcome.output.strip().splitlines()) == 1


def test_only_one_build_runs_at_a_time(published_home: Settings):
    with build_lock(published_home), pytest.raises(BuildBusy, match="another warehouse build is running"):
        build_warehouse(published_home)


def test_old_leftover_builds_are_pruned(tmp_path):
    settings = Settings(home=tmp_path).ensure()
    names = [f"warehouse-2025010{day}T000000000000" for day in range(1, 7)]
    for name in names:
        (settings.build_dir / f"{name}.duckdb").write_bytes(b"x")
        (settings.build_dir / f"{name}.dbt").mkdir()
    prune_builds(settings, keep=3)
    kept = sorted(p.name for p in settings.build_dir.iterdir() if not p.name.startswith("."))
    assert kept == sorted(f"{n}{suffix}" for n in names[-3:] for suffix in (".dbt", ".duckdb"))


def _full_parses(lines: list[str]) -> list[str]:
    return [line for line in lines if "Unable to do partial parsing" in line]


def test_each_build_starts_from_the_last_parse_of_the_project_even_in_a_new_home(published_home: Settings):
    """The profile's paths are relative to builds/ (dbt_cli.dbt_env), so a parse saved in any home fits every home:
    a new home's first build starts from the checkout's last one, later builds from the home's own."""
    assert not (published_home.build_dir / "partial_parse.msgpack").exists()  # a new home (the session's copied)
    assert SHARED_PARSE_STATE.exists()  # the session's warehouse build saved it
    first: list[str] = []
    build_warehouse(published_home, select=SELECTION, on_line=first.append)
    assert not _full_parses(first), _full_parses(first)
    assert (published_home.build_dir / "partial_parse.msgpack").exists()
    second: list[str] = []
    build_warehouse(published_home, select=SELECTION, on_line=second.append)
    assert not _full_parses(second), _full_parses(second)
    assert not (published_home.build_dir / "building.duckdb").exists()  # published: moved over the old file
    assert not list(published_home.build_dir.glob("warehouse-*.duckdb"))
    # dbt's timings of the published build stay (benchmarks/model_time.py: a report's model time, docs/lsa.md)
    run_results = json.loads((published_home.build_dir / PUBLISHED_RUN_RESULTS).read_text())
    assert set(model_times(run_results)) == {"stg_meta__current_exports", "stg_hmis__clients"}
    assert report_model_time(run_results, ("stg_hmis__",)).models == 1
