"""Atomic publish (DESIGN): readers never see half a build; a failed build leaves the warehouse as it was.

Each test works on a private copy of the session's home and rebuilds a small selection, which goes
through the same build, check and publish steps as a full build.
"""

from __future__ import annotations

import hashlib
import os

import duckdb
import pytest
from click.testing import CliRunner

from pipelines.cli.main import cli
from pipelines.config import Settings
from pipelines.warehouse.build import BuildFailed, build_warehouse
from pipelines.warehouse.publish import BuildBusy, build_lock, prune_builds

from .raw_layer import Export, write_raw_layer

SELECTION = "stg_meta__current_exports stg_hmis__clients"

NEW_CLIENT_DELTA = Export(
    "ing-006",
    "ok500-hmis",
    "2025-07-31",
    {
        "Client": """
            PersonalID,FirstName,LastName,DOB,DOBDataQuality,DateCreated,DateUpdated,UserID
            C6,Morgan,Newcomer,1999-09-09,1,2025-07-30 00:00:00,2025-07-30 00:00:00,U1
        """
    },
    directive=1,
)


def _sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _build_id(con: duckdb.DuckDBPyConnection) -> str:
    return con.execute("select build_id from meta.build").fetchone()[0]


def test_failed_build_leaves_the_published_warehouse_byte_identical(published_home: Settings):
    published = published_home.published_db
    before = _sha256(published)
    reader = duckdb.connect(str(published), read_only=True)
    con = duckdb.connect(str(published_home.ingest_db))
    con.execute("update meta.export_registry set csv_version = 'fy2022' where ingest_id = 'ing-002'")
    con.close()

    with pytest.raises(BuildFailed, match="accepted_values_stg_meta__current_exports_csv_version") as failure:
        build_warehouse(published_home, select=SELECTION)

    assert _sha256(published) == before
    assert reader.execute("select count(*) from staging.stg_hmis__clients").fetchone()[0] > 0
    reader.close()
    leftovers = list(published_home.build_dir.glob("warehouse-*.duckdb"))
    assert len(leftovers) == 1 and leftovers[0].name in str(failure.value)  # kept for inspection


def test_published_build_replaces_the_file_while_open_readers_keep_their_snapshot(
    published_home: Settings, monkeypatch: pytest.MonkeyPatch
):
    published = published_home.published_db
    reader = duckdb.connect(str(published), read_only=True)
    old_build, old_inode = _build_id(reader), os.stat(published).st_ino
    write_raw_layer(published_home.ingest_db, [NEW_CLIENT_DELTA])
    monkeypatch.setenv("WAYPOINT_HOME", str(published_home.home))

    outcome = CliRunner().invoke(cli, ["build", "--select", SELECTION])

    assert outcome.exit_code == 0, outcome.output
    assert f"published {published}" in outcome.output
    assert "models and" in outcome.output and "tests" in outcome.output
    assert os.stat(published).st_ino != old_inode
    # The reader opened before the build still sees the old warehouse, untouched.
    assert _build_id(reader) == old_build
    assert reader.execute("select count(*) from staging.stg_hmis__clients where personal_id = 'C6'").fetchone() == (0,)
    reader.close()
    fresh = duckdb.connect(str(published), read_only=True)
    assert _build_id(fresh) != old_build
    assert fresh.execute("select last_name from staging.stg_hmis__clients where personal_id = 'C6'").fetchall() == [
        ("Newcomer",)
    ]
    fresh.close()
    assert not list(published_home.build_dir.glob("warehouse-*")), "a published build leaves nothing behind"


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
