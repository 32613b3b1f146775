"""Report build jobs: each run turns its partition into report build keys, builds the warehouse once and
writes the artifacts (pipelines.reports.build.build_reports). One job per scheduled report family, plus
``report_build`` for any (report, period, scope) key.
"""

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


@dg.op(pool="warehouse_build", description="Build the report of this partition's key.")
def build_report_partition(context: dg.OpExecutionContext, report_build_settings: ReportBuildSettings):
    return run_report_builds(context, [context.partition_key], report_build_settings)


@dg.job(partitions_def=report_build_partitions, description="Any report build: <report>/<start>..<end>/<scope>.")
def report_build():
    build_report_partition()


@dg.op(pool="warehouse_build", description="DQ report of every CDSA CoC for the partition's month.")
def build_dq_month(context: dg.OpExecutionContext, report_build_settings: ReportBuildSettings):
    start, end = _period(context)
    return run_report_builds(context, [build_key("dq", start, end, "coc=*")], report_build_settings)


@dg.job(partitions_def=dq_month_partitions, description="Data quality refresh: warehouse build + DQ report per CoC.")
def dq_refresh():
    build_dq_month()


@dg.op(pool="warehouse_build", description="APR (projects, agencies, CoCs) and CAPER (ESG projects) for the quarter.")
def build_apr_caper_quarter(context: dg.OpExecutionContext, report_build_settings: ReportBuildSettings):
    start, end = _period(context)
    keys = [build_key("apr", start, end, "all"), build_key("caper", start, end, "project=*")]
    return run_report_builds(context, keys, report_build_settings)


@dg.job(partitions_def=quarter_partitions, description="Quarterly APR and CAPER for every continuum project.")
def quarterly_apr_caper():
    build_apr_caper_quarter()


@dg.op(pool="warehouse_build", description="SPM of every CDSA CoC for the fiscal year, with its trend.")
def build_spm_fiscal_year(context: dg.OpExecutionContext, report_build_settings: ReportBuildSettings):
    start, end = fiscal_year_period(int(context.partition_key))
    key = build_key("spm", start, end, "coc=*", {"trend_years": str(SPM_TREND_YEARS)})
    return run_report_builds(context, [key], report_build_settings)


@dg.job(partitions_def=fiscal_year_partitions, description="System Performance Measures per CoC for a fiscal year.")
def spm_fiscal_year():
    build_spm_fiscal_year()


@dg.op(pool="warehouse_build", description="HIC and sheltered PIT of every CDSA CoC on the year's count night.")
def build_hic_pit_year(context: dg.OpExecutionContext, report_build_settings: ReportBuildSettings):
    night = report_build_settings.count_night(int(context.partition_key))
    key = build_key("hic_pit", night, night, "coc=*", {"pit_date": night.isoformat()})
    return run_report_builds(context, [key], report_build_settings)


@dg.job(partitions_def=count_year_partitions, description="HIC and sheltered PIT count per CoC for a January count.")
def hic_pit_year():
    build_hic_pit_year()
