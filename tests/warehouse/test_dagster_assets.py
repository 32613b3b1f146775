"""The Dagster code location shows raw -> dbt models -> checks, and materialising publishes a build."""

from __future__ import annotations

import dagster as dg
import duckdb

from pipelines.config import Settings
from pipelines.defs.warehouse.assets import warehouse_dbt
from pipelines.defs.warehouse.resources import WarehouseHome
from pipelines.warehouse.dbt_cli import dbt_resource

CLIENTS = dg.AssetKey(["staging", "stg_hmis__clients"])
CURRENT_EXPORTS = dg.AssetKey(["staging", "stg_meta__current_exports"])


def test_asset_graph_runs_from_raw_tables_through_staging_to_intermediate():
    from pipelines.definitions import defs

    graph = defs.resolve_asset_graph()
    raw_client = dg.AssetKey(["raw", "client"])
    assert graph.get(raw_client).group_name == "raw"  # ingestion's asset, not a stand-in
    assert {raw_client, CURRENT_EXPORTS} <= graph.get(CLIENTS).parent_keys
    spine = graph.get(dg.AssetKey(["intermediate", "int_enrollments"]))
    assert {CLIENTS, dg.AssetKey(["staging", "stg_hmis__enrollments"])} <= spine.parent_keys
    assert dg.AssetKey(["marts", "dim_project"]) in graph.get_all_asset_keys()
    assert graph.get(CLIENTS).group_name == "staging"
    assert graph.get(dg.AssetKey(["marts", "dim_project"])).group_name == "marts_dimensions"
    assert graph.get(dg.AssetKey(["reference", "destination_classes"])).group_name == "reference"


def test_dbt_tests_are_asset_checks_of_their_models():
    checks = {key.name for key in warehouse_dbt.check_keys if key.asset_key == CLIENTS}
    assert "unique_stg_hmis__clients_personal_key" in checks
    assert any(name.startswith("hmis_codes_in_lists_stg_hmis__clients") for name in checks)


def test_materialising_a_selection_publishes_a_new_build(published_home: Settings):
    before = duckdb.connect(str(published_home.published_db), read_only=True)
    old_build = before.execute("select build_id from meta.build").fetchone()[0]
    before.close()

    result = dg.materialize(
        [warehouse_dbt],
        selection=[CURRENT_EXPORTS, CLIENTS],
        resources={"warehouse_dbt": dbt_resource(), "warehouse_home": WarehouseHome(home=str(published_home.home))},
    )

    assert result.success
    materialized = {event.asset_key for event in result.get_asset_materialization_events()}
    assert materialized == {CURRENT_EXPORTS, CLIENTS}
    evaluations = result.get_asset_check_evaluations()
    assert any(e.asset_key == CLIENTS and e.check_name == "unique_stg_hmis__clients_personal_key" for e in evaluations)
    assert all(e.passed for e in evaluations if e.asset_key == CLIENTS and e.check_name.startswith("unique_"))
    after = duckdb.connect(str(published_home.published_db), read_only=True)
    new_build, models = after.execute("select build_id, models from meta.build").fetchone()
    # Unselected models stay as published: the partial build started from a copy of the warehouse.
    assert after.execute("select count(*) from intermediate.int_enrollments").fetchone()[0] > 0
    after.close()
    assert new_build != old_build and models == 2
