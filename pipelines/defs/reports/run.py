"""Run the ``report_build`` job for one key in this process: how the dashboards (and tests) start a build through
the same door as a schedule or the UI, leaving the same materialisations in the instance's asset graph."""

from dataclasses import dataclass

import dagster as dg

from pipelines.config import Settings
from pipelines.defs.home import WaypointHome
from pipelines.defs.reports.assets import REPORT_ARTIFACTS, report_artifacts, report_requests
from pipelines.defs.reports.jobs import report_build
from pipelines.defs.reports.partitions import add_report_keys
from pipelines.defs.warehouse.assets import warehouse_dbt
from pipelines.defs.warehouse.resources import dbt_resource


@dataclass(frozen=True)
class ReportBuildRun:
    run_id: str
    success: bool
    folders: tuple[str, ...]  # the artifact folders written (none when the run failed)
    result: dg.ExecuteInProcessResult


def report_build_definitions(settings: Settings, requested_by: str, exclude: str = "") -> dg.Definitions:
    """The report build's assets and job with their resources pointing at ``settings.home`` (``exclude``: dbt nodes
    its build leaves out, as ``waypoint build --exclude``)."""
    home = str(settings.home)
    return dg.Definitions(
        assets=[report_requests, warehouse_dbt, report_artifacts],
        jobs=[report_build],
        resources={
            "waypoint_home": WaypointHome(home=home, requested_by=requested_by),
            "warehouse_dbt": dbt_resource(exclude),
        },
    )


def run_report_build(
    key: str, settings: Settings, requested_by: str, instance: dg.DagsterInstance, *, exclude: str = ""
) -> ReportBuildRun:
    """Register ``key`` as a partition and materialise it (requests → dbt build and publish → artifacts)."""
    add_report_keys(instance, [key])
    job = report_build_definitions(settings, requested_by, exclude).resolve_job_def(report_build.name)
    result = job.execute_in_process(partition_key=key, instance=instance, raise_on_error=False)
    folders = tuple(result.asset_value(REPORT_ARTIFACTS)) if result.success else ()
    return ReportBuildRun(result.run_id, result.success, folders, result)
