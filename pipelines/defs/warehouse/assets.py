"""The dbt project as Dagster assets: raw/<file> -> staging -> intermediate -> marts, tests as checks.

Partitioned by report build key (pipelines/defs/reports/partitions.py): a run of the ``report_build`` job
materialises these assets for its key, after recording the key's requests (``meta/report_requests``, which dbt
reads) and before writing their artifacts; key ``warehouse`` is a build with no report of its own.

One materialisation is one warehouse build: dbt writes a new DuckDB file, and only a build whose
models and structural tests pass is published (atomically) over the warehouse the dashboards read;
HUD's report rules warn and mark the report requests that fail them (pipelines/warehouse/hud_validation.py). A
partial selection starts from a copy of the published warehouse, so unselected models stay as they
were published.
"""

import dagster as dg
from dagster_dbt import DbtCliResource, dbt_assets

from pipelines.config import Settings
from pipelines.defs.home import WaypointHome
from pipelines.defs.reports.partitions import report_build_partitions
from pipelines.warehouse.build import finish_build, new_build, read_outcome
from pipelines.warehouse.dbt_cli import build_environment
from pipelines.warehouse.manifest import dagster_manifest
from pipelines.warehouse.publish import BuildBusy
from pipelines.warehouse.translator import WaypointDbtTranslator


@dbt_assets(
    manifest=dagster_manifest(),
    dagster_dbt_translator=WaypointDbtTranslator(),
    name="warehouse_dbt",
    partitions_def=report_build_partitions,
    pool="warehouse_build",  # limit it to 1 in the instance settings: builds queue instead of retrying
)
def warehouse_dbt(context: dg.AssetExecutionContext, warehouse_dbt: DbtCliResource, waypoint_home: WaypointHome):
    try:
        yield from _build_and_publish(context, warehouse_dbt, waypoint_home.settings().ensure())
    except BuildBusy as err:  # raised before dbt starts: another build holds the lock, so try again later
        raise dg.RetryRequested(max_retries=6, seconds_to_wait=300) from err


def _build_and_publish(context: dg.AssetExecutionContext, dbt: DbtCliResource, settings: Settings):
    with new_build(settings, partial=context.is_subset) as files:
        with build_environment(files.database, settings.ingest_db, settings.build_dir):
            excluded = ["--exclude", dbt.exclude] if getattr(dbt, "exclude", "") else []
            invocation = dbt.cli(
                ["build", *excluded], context=context, raise_on_error=False, target_path=files.dbt_target
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
