"""The Dagster code location shows raw -> dbt models -> checks; materialising publishes a new build
atomically while readers of the old warehouse keep their snapshot."""

from __future__ import annotations

import os

import dagster as dg
import duckdb
import pytest

from pipelines.config import Settings
from pipelines.defs.home import WaypointHome
from pipelines.defs.reports.partitions import WAREHOUSE_ONLY, add_report_keys
from pipelines.defs.warehouse.assets import warehouse_dbt
from pipelines.defs.warehouse.resources import dbt_resource

from .raw_layer import Export, write_raw_layer

CLIENTS = dg.AssetKey(["staging", "stg_hmis__clients"])
CURRENT_EXPORTS = dg.AssetKey(["staging", "stg_meta__current_exports"])

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


def test_asset_graph_runs_from_raw_tables_through_staging_to_intermediate():
    from pipelines.definitions import defs

    graph = defs.resolve_asset_graph()
    raw_client = dg.AssetKey(["raw", "client"])
    assert graph.get(raw_client).group_name == "raw"  # ingestion's asset, not a stand-in
    assert {raw_client, CURRENT_EXPORTS} <= graph.get(CLIENTS).parent_keys
    spine = graph.get(dg.AssetKey(["intermediate", "int_enrollments"]))
    assert {CLIENTS, dg.AssetKey(["staging", "stg_hmis__enrollments"])} <= spine.parent_keys
    assert graph.get(CLIENTS).group_name == "staging"
    assert graph.get(dg.AssetKey(["marts", "dim_project"])).group_name == "marts_dimensions"
    assert graph.get(dg.AssetKey(["reference", "destination_classes"])).group_name == "reference"


def test_dbt_tests_are_asset_checks_of_their_models():
    checks = {key.name for key in warehouse_dbt.check_keys if key.asset_key == CLIENTS}
    assert "unique_stg_hmis__clients_personal_key" in checks
    assert any(name.startswith("hmis_codes_in_lists_stg_hmis__clients") for name in checks)


def _build_id(con: duckdb.DuckDBPyConnection) -> str:
    return con.execute("select build_id from meta.build").fetchone()[0]


def test_materialising_publishes_a_new_build_while_open_readers_keep_their_snapshot(
    published_home: Settings, capsys: pytest.CaptureFixture[str]
):
    published = published_home.published_db
    reader = duckdb.connect(str(published), read_only=True)
    old_build, old_inode = _build_id(reader), os.stat(published).st_ino
    write_raw_layer(published_home.ingest_db, [NEW_CLIENT_DELTA])

    with dg.instance_for_test() as instance:
        add_report_keys(instance, [WAREHOUSE_ONLY])  # a build with no report of its own
        result = dg.materialize(
            [warehouse_dbt],
            selection=[CURRENT_EXPORTS, CLIENTS],
            partition_key=WAREHOUSE_ONLY,
            instance=instance,
            resources={"warehouse_dbt": dbt_resource(), "waypoint_home": WaypointHome(home=str(published_home.home))},
        )

    assert result.success
    # dbt started from the parse the CLI's builds saved: Dagster's dbt renders the same profile (dbt_cli.dbt_env)
    said = capsys.readouterr().out
    assert "Unable to do partial parsing" not in said and "Starting full parse" not in said, said[-3000:]
    assert {event.asset_key for event in result.get_asset_materialization_events()} == {CURRENT_EXPORTS, CLIENTS}
    checks = {e.check_name: e.passed for e in result.get_asset_check_evaluations() if e.asset_key == CLIENTS}
    assert checks["unique_stg_hmis__clients_personal_key"] is True
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
    # Unselected models stay as published: the partial build started from a copy of the warehouse.
    assert fresh.execute("select count(*) from intermediate.int_enrollments").fetchone()[0] > 0
    fresh.close()
    assert not list(published_home.build_dir.glob("warehouse-*")), "a published build leaves nothing behind"
