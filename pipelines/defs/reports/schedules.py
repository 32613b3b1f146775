"""When report builds run by themselves: a nightly DQ refresh, quarterly APR/CAPER, the SPM once the fiscal
year has closed, and the HIC/PIT some days after the count night. Times are the Dagster instance's zone.

Each schedule names its period's report build keys, registers them as partitions of ``report_builds`` and
requests one ``report_build`` run per key, as any other door does (docs/design.md).
"""

from datetime import date, timedelta

import dagster as dg

from pipelines.defs.reports.jobs import report_build
from pipelines.defs.reports.partitions import add_report_keys
from pipelines.defs.reports.resources import ReportBuildSettings
from pipelines.reports.schedule import build_key, last_closed_fiscal_year, last_complete_month, last_complete_quarter
from pipelines.reports.spm import fiscal_year_period

SPM_TREND_YEARS = 3


def _today(context: dg.ScheduleEvaluationContext) -> date:
    return context.scheduled_execution_time.date()


def run_keys(context: dg.ScheduleEvaluationContext, keys: list[str], run_key_suffix: str = "") -> list[dg.RunRequest]:
    """One run of ``report_build`` per key, its partition registered first."""
    add_report_keys(context.instance, keys)
    return [dg.RunRequest(run_key=key + run_key_suffix, partition_key=key) for key in keys]


@dg.schedule(job=report_build, cron_schedule="0 2 * * *", description="Every night: DQ for the last complete month.")
def nightly_dq_refresh(context: dg.ScheduleEvaluationContext):
    key = build_key("dq", *last_complete_month(_today(context)), "coc=*")
    yield from run_keys(context, [key], f"@{_today(context).isoformat()}")  # refreshed every night


@dg.schedule(
    job=report_build, cron_schedule="0 3 2 1,4,7,10 *", description="2nd of Jan/Apr/Jul/Oct: the last quarter."
)
def quarterly_apr_caper_schedule(context: dg.ScheduleEvaluationContext):
    quarter = last_complete_quarter(_today(context))
    yield from run_keys(context, [build_key("apr", *quarter, "all"), build_key("caper", *quarter, "project=*")])


@dg.schedule(job=report_build, cron_schedule="0 4 1 10 *", description="Oct 1: the fiscal year that just closed.")
def spm_after_fiscal_year(context: dg.ScheduleEvaluationContext):
    start, end = fiscal_year_period(last_closed_fiscal_year(_today(context)))
    yield from run_keys(context, [build_key("spm", start, end, "coc=*", {"trend_years": str(SPM_TREND_YEARS)})])


@dg.schedule(
    job=report_build,
    cron_schedule="0 5 * 2,3 *",
    description="Daily in Feb/Mar; builds once, two weeks (the set delay) after the count night.",
)
def hic_pit_after_count_night(context: dg.ScheduleEvaluationContext, report_build_settings: ReportBuildSettings):
    today = _today(context)
    night = report_build_settings.count_night(today.year)
    due = night + timedelta(days=report_build_settings.pit_report_delay_days)
    if today != due:
        yield dg.SkipReason(f"the {today.year} HIC/PIT build is due on {due} (count night {night})")
        return
    yield from run_keys(context, [build_key("hic_pit", night, night, "coc=*", {"pit_date": night.isoformat()})])
