"""Report builds as Dagster partitions: the period (and, for ad-hoc builds, report and scope) of each run.

Scheduled reports have one job each with a partition per period, so a backfill for any past period is
a partition range in the UI; any other (report, period, scope) is a key of ``report_builds`` (see
pipelines/reports/schedule.py for the key format).
"""

from datetime import date

import dagster as dg

FIRST_YEAR = 2015

# Ad hoc: `<report>/<start>..<end>/<scope>[?options]`, added from the UI, the CLI's keys or a schedule.
report_build_partitions = dg.DynamicPartitionsDefinition(name="report_builds")

# Nightly DQ refresh and DQ backfills: one partition per calendar month.
dq_month_partitions = dg.MonthlyPartitionsDefinition(start_date=f"{FIRST_YEAR}-01-01", end_offset=0)

# APR/CAPER: one partition per calendar quarter (key = its first day).
quarter_partitions = dg.TimeWindowPartitionsDefinition(
    cron_schedule="0 0 1 1,4,7,10 *", start=f"{FIRST_YEAR}-01-01", fmt="%Y-%m-%d", end_offset=0
)

# SPM: one partition per federal fiscal year (FY2026 = 2025-10-01 .. 2026-09-30); HIC/PIT: per January.
fiscal_year_partitions = dg.StaticPartitionsDefinition([str(y) for y in range(FIRST_YEAR + 1, date.today().year + 2)])
count_year_partitions = dg.StaticPartitionsDefinition([str(y) for y in range(FIRST_YEAR + 1, date.today().year + 2)])
