"""The dbt project as Dagster assets: raw/<file> -> staging -> intermediate -> marts, tests as checks.

One materialisation is one warehouse build: dbt writes a new DuckDB file, and only a build whose
models and structural tests pass is published (atomically) over the warehouse the dashboards read;
HUD's report rules warn and mark the report requests that fail them (pipelines/warehouse/hud_validation.py). A
partial selection starts from a copy of the published warehouse, so unselected models stay as they
were published.
"""

import dagster as dg
from dagster_dbt import DbtCliResource, dbt_assets

from pipelines.defs.warehouse.resources import WarehouseHome
from pipelines.warehouse.build import finish_build, new_build, read_outcome
from pipelines.warehouse.dbt_cli import build_environment
from pipelines.warehouse.manifest import dagster_manifest
from pipelines.warehouse.translator import WaypointDbtTranslator


@dbt_assets(manifest=dagster_manifest(), dagster_dbt_translator=WaypointDbtTranslator(), name="warehouse_dbt")
def warehouse_dbt(context: dg.AssetExecutionContext, warehouse_dbt: DbtCliResource, warehouse_home: WarehouseHome):
    settings = warehouse_home.settings().ensure()
    with new_build(settings, partial=context.is_subset) as files:
        with build_environment(files.database, settings.ingest_db):
            invocation = warehouse_dbt.cli(
                ["build"], context=context, raise_on_error=False, target_path=files.dbt_target
            )
        yield from invocation.stream()
        result = finish_build(files, settings, read_outcome(files))
    context.log.info(
        f"published {result.published_path} (build {result.build_id}: {result.models} models, "
        f"{result.tests} tests, {result.warnings} warnings)"
    )
    for failure in result.hud_failures:  # also each rule's asset check, failed with severity WARN
        who = failure.request_id or f"every {'/'.join(failure.reports)} request"
        context.log.warning(f"failed HUD validation: {who}: {failure.rule} ({failure.failing_rows} rows)")
