"""One pass of the whole pipeline through Dagster, in-process: landing sensor → ingest runs → warehouse build.

`make demo` and `waypoint run` use it, so the demo exercises the same sensor, jobs and assets that
`dagster dev` schedules. Runs are recorded in the Dagster instance under ``<WAYPOINT_HOME>/dagster``
(open `dagster dev` with DAGSTER_HOME pointing there to browse them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg

from pipelines.config import Settings
from pipelines.errors import WaypointError


class PipelineFailed(WaypointError):
    """A Dagster run of the pipeline did not succeed."""


@dataclass
class PipelineReport:
    ingest_runs: list[str] = field(default_factory=list)
    build_run: str | None = None


# Dagster's usage reporting is off in every instance Waypoint makes (`dagster dev` on it too).
DAGSTER_YAML = (
    "# Written by Waypoint (pipelines/orchestrate.py): no usage statistics leave this machine.\n"
    "telemetry:\n  enabled: false\n"
)


def ensure_dagster_home(settings: Settings) -> Path:
    """``<home>/dagster`` with a dagster.yaml that turns telemetry off (an existing file keeps its other settings)."""
    home = settings.home / "dagster"
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    text = config.read_text() if config.exists() else ""
    if not re.search(r"^telemetry:", text, flags=re.MULTILINE):
        config.write_text(DAGSTER_YAML + ("\n" + text if text.strip() else ""))
    return home


def dagster_instance(settings: Settings) -> dg.DagsterInstance:
    """A persistent instance in ``<home>/dagster`` (created on first use, telemetry off)."""
    return dg.DagsterInstance.from_config(str(ensure_dagster_home(settings)))  # DAGSTER_HOME left as it is


def run_pipeline(settings: Settings, *, build: bool = True, expectations: bool = True, echo=print) -> PipelineReport:
    """Evaluate the landing sensor once, run every ingest it requests, then build and publish the warehouse."""
    from pipelines.definitions import defs
    from pipelines.defs.ingest.assets import validation_from_checks
    from pipelines.defs.ingest.resources import IngestHome
    from pipelines.defs.warehouse.resources import WarehouseHome

    settings = settings.ensure()
    instance = dagster_instance(settings)
    report = PipelineReport()
    ingest_home = IngestHome(home=str(settings.home), settle_seconds=0)
    sensor = defs.resolve_sensor_def("landing_sensor")
    cursor_key = "waypoint/landing_sensor_cursor"
    cursor = instance.run_storage.get_cursor_values({cursor_key}).get(cursor_key)
    with dg.build_sensor_context(instance=instance, cursor=cursor, resources={"ingest_home": ingest_home}) as ctx:
        result = sensor.evaluate_tick(ctx)
    job = defs.resolve_job_def("ingest_landing")
    for request in result.run_requests or []:
        run_config = request.run_config
        run_config["ops"]["raw_hmis_tables"]["config"]["expectations"] = expectations
        run = job.execute_in_process(
            run_config=run_config, instance=instance, tags=request.tags, resources={"ingest_home": ingest_home}
        )
        if not run.success:
            raise PipelineFailed(f"ingest run {run.run_id} failed; see its log in {instance.root_directory}")
        report.ingest_runs.append(run.run_id)
        tags = request.tags or {}
        validation = validation_from_checks(run.get_asset_check_evaluations())
        delivery = f"{tags.get('waypoint/source')}/{tags.get('waypoint/delivery')}"
        echo(f"ingest run {run.run_id[:8]} ok: {delivery}; {validation.summary()}")
    # The cursor moves only once every requested run succeeded, so a failed delivery is retried next time.
    instance.run_storage.set_cursor_values({cursor_key: result.cursor or ""})
    if not report.ingest_runs:
        echo("no new deliveries in landing/")
    if build:
        from pipelines.defs.reports.partitions import WAREHOUSE_ONLY, add_report_keys
        from pipelines.defs.warehouse.assets import warehouse_dbt
        from pipelines.defs.warehouse.resources import dbt_resource

        add_report_keys(instance, [WAREHOUSE_ONLY])  # a build with no report of its own
        run = dg.materialize(
            [warehouse_dbt],
            instance=instance,
            partition_key=WAREHOUSE_ONLY,
            resources={"warehouse_home": WarehouseHome(home=str(settings.home)), "warehouse_dbt": dbt_resource()},
            raise_on_error=False,
        )
        if not run.success:
            raise PipelineFailed(f"warehouse build run {run.run_id} failed; see the Dagster run log")
        report.build_run = run.run_id
        echo(f"warehouse build run {run.run_id[:8]} ok: published {settings.published_db}")
    return report
