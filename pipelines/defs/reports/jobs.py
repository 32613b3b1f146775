"""Report build jobs: each run turns its partition into report build keys, builds the warehouse once and
writes the artifacts (pipelines.reports.build.build_reports). One job per scheduled report family, plus
``report_build`` for any (report, period, scope) key.
"""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import dagster as dg

from pipelines.defs.reports.partitions import (
    count_year_partitions,
    dq_month_partitions,
    fiscal_year_partitions,
    quarter_partitions,
    report_build_partitions,
)
from pipelines.defs.reports.resources import ReportBuildSettings
from pipelines.reports.artifacts import Artifacts
from pipelines.reports.build import build_reports
from pipelines.reports.plans import plan_keys
from pipelines.reports.schedule import build_key
from pipelines.reports.spm import fiscal_year_period
from pipelines.reports.validation import FAILED_LABEL, read_manifest, status_text
from pipelines.warehouse.publish import BuildBusy

SPM_TREND_YEARS = 3
KeysOf = Callable[[dg.OpExecutionContext, ReportBuildSettings], list[str]]


def run_report_builds(context: dg.OpExecutionContext, keys: list[str], config: ReportBuildSettings) -> dg.Output:
    """Plan every key, build once, write the artifacts; keys whose selector matches nothing are skipped."""
    settings = config.settings().ensure()
    requests, supporting = plan_keys(keys, settings, on_skip=context.log.warning)
    if not requests:
        return dg.Output([], metadata={"reports": 0, "keys": ", ".join(keys)})
    try:
        artifacts = build_reports(
            requests, settings, config.requested_by, supporting=supporting, on_line=context.log.debug
        )
    except BuildBusy as err:
        raise dg.RetryRequested(max_retries=6, seconds_to_wait=300) from err
    folders = [str(a.folder) for a in artifacts]
    for artifact in artifacts:
        context.log.info(f"wrote {artifact.folder}")
    validation = hud_validation_metadata(artifacts)
    if validation["failed_hud_validation"]:
        listed = validation["hud_validation"].value
        context.log.warning(f"reports that failed HUD validation (do not upload them to Sage):\n{listed}")
    return dg.Output(
        folders,
        metadata={
            "reports": len(artifacts),
            "keys": ", ".join(keys),
            "folders": dg.MetadataValue.md("\n".join(f"- `{f}`" for f in folders)),
            **validation,
        },
    )


def hud_validation_metadata(artifacts: list[Artifacts]) -> dict[str, Any]:
    """Run metadata naming the reports that failed HUD validation (written, but not to be uploaded)."""
    failed = []
    for artifact in artifacts:
        status = status_text(read_manifest(artifact.manifest_path))
        if status.startswith(FAILED_LABEL.upper()):
            failed.append(f"- `{artifact.folder}`: {status}")
    return {
        "failed_hud_validation": len(failed),
        "hud_validation": dg.MetadataValue.md("\n".join(failed) or "every report passed HUD's rules"),
    }


def _period(context: dg.OpExecutionContext) -> tuple[date, date]:
    """First and last day of a time-window partition (a month or a quarter)."""
    window = context.partition_time_window
    return window.start.date(), window.end.date() - timedelta(days=1)


def report_job(
    name: str, op_name: str, partitions: dg.PartitionsDefinition, description: str, keys: KeysOf
) -> dg.JobDefinition:
    """A report build job: one op in the ``warehouse_build`` pool that builds the ``keys`` of its partition."""

    @dg.op(name=op_name, pool="warehouse_build", description=description)
    def build(context: dg.OpExecutionContext, report_build_settings: ReportBuildSettings):
        return run_report_builds(context, keys(context, report_build_settings), report_build_settings)

    @dg.job(name=name, partitions_def=partitions, description=description)
    def job():
        build()

    return job


def _fiscal_year_keys(context: dg.OpExecutionContext, settings: ReportBuildSettings) -> list[str]:
    start, end = fiscal_year_period(int(context.partition_key))
    return [build_key("spm", start, end, "coc=*", {"trend_years": str(SPM_TREND_YEARS)})]


def _count_night_keys(context: dg.OpExecutionContext, settings: ReportBuildSettings) -> list[str]:
    night = settings.count_night(int(context.partition_key))
    return [build_key("hic_pit", night, night, "coc=*", {"pit_date": night.isoformat()})]


report_build = report_job(
    "report_build",
    "build_report_partition",
    report_build_partitions,
    "Any report build: <report>/<start>..<end>/<scope>.",
    lambda context, _: [context.partition_key],
)
dq_refresh = report_job(
    "dq_refresh",
    "build_dq_month",
    dq_month_partitions,
    "Data quality refresh: warehouse build + DQ report of every CDSA CoC for the month.",
    lambda context, _: [build_key("dq", *_period(context), "coc=*")],
)
quarterly_apr_caper = report_job(
    "quarterly_apr_caper",
    "build_apr_caper_quarter",
    quarter_partitions,
    "Quarterly APR (projects, agencies, CoCs) and CAPER (ESG projects) for every continuum project.",
    lambda context, _: [build_key("apr", *_period(context), "all"), build_key("caper", *_period(context), "project=*")],
)
spm_fiscal_year = report_job(
    "spm_fiscal_year",
    "build_spm_fiscal_year",
    fiscal_year_partitions,
    "System Performance Measures of every CDSA CoC for a fiscal year, with its trend.",
    _fiscal_year_keys,
)
hic_pit_year = report_job(
    "hic_pit_year",
    "build_hic_pit_year",
    count_year_partitions,
    "HIC and sheltered PIT count of every CDSA CoC on the year's count night.",
    _count_night_keys,
)
