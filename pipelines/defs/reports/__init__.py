"""Dagster definitions of report builds: partitions naming (report, period, scope), jobs, schedules, backfills."""
