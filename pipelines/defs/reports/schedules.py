"""When report builds run by themselves: a nightly DQ refresh, quarterly APR/CAPER, the SPM once the fiscal
year has closed, and the HIC/PIT some days after the count night. Times are the Dagster instance's zone.
"""

from datetime import date, timedelta

import dagster as dg

from pipelines.defs.reports.jobs import dq_refresh, hic_pit_year, quarterly_apr_caper, spm_fiscal_year
from pipelines.defs.reports.resources import ReportBuildSettings
from pipelines.reports.schedule import last_closed_fiscal_year, last_complete_month, last_complete_quarter


def _today(context: dg.ScheduleEvaluationContext) -> date:
    return context.scheduled_execution_time.date()


@dg.schedule(job=dq_refresh, cron_schedule="0 2 * * *", description="Every night: DQ for the last complete month.")
def nightly_dq_refresh(context: dg.ScheduleEvaluationContext):
    start, _ = last_complete_month(_today(context))
    key = start.isoformat()
    return dg.RunRequest(run_key=f"dq-{key}-{_today(context).isoformat()}", partition_key=key)


@dg.schedule(
    job=quarterly_apr_caper, cron_schedule="0 3 2 1,4,7,10 *", description="2nd of Jan/Apr/Jul/Oct: the last quarter."
)
def quarterly_apr_caper_schedule(context: dg.ScheduleEvaluationContext):
    start, _ = last_complete_quarter(_today(context))
    return dg.RunRequest(run_key=f"apr-caper-{start.isoformat()}", partition_key=start.isoformat())


@dg.schedule(job=spm_fiscal_year, cron_schedule="0 4 1 10 *", description="Oct 1: the fiscal year that just closed.")
def spm_after_fiscal_year(context: dg.ScheduleEvaluationContext):
    fiscal_year = str(last_closed_fiscal_year(_today(context)))
    return dg.RunRequest(run_key=f"spm-{fiscal_year}", partition_key=fiscal_year)


@dg.schedule(
    job=hic_pit_year,
    cron_schedule="0 5 * 2,3 *",
    description="Daily in Feb/Mar; builds once, pit_report_delay_days after the count night.",
)
def hic_pit_after_count_night(context: dg.ScheduleEvaluationContext, report_build_settings: ReportBuildSettings):
    today = _today(context)
    night = report_build_settings.count_night(today.year)
    due = night + timedelta(days=report_build_settings.pit_report_delay_days)
    if today != due:
        return dg.SkipReason(f"the {today.year} HIC/PIT build is due on {due} (count night {night})")
    return dg.RunRequest(run_key=f"hic-pit-{today.year}", partition_key=str(today.year))
