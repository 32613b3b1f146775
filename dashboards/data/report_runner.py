"""Runs one report build started from the dashboards: ``python -m dashboards.data.report_runner KEY BY`` runs the
Dagster ``report_build`` job for the report build key in this process (pipelines/defs/reports/run.py), recorded in
the instance under ``<WAYPOINT_HOME>/dagster``: the same door as the schedules and the Dagster UI."""

from __future__ import annotations

import sys

from pipelines.errors import WaypointError


def main(argv: list[str]) -> int:
    key, requested_by = argv
    from pipelines.config import get_settings
    from pipelines.defs.reports.run import run_report_build
    from pipelines.orchestrate import dagster_instance
    from pipelines.reports.schedule import parse_key

    try:
        parse_key(key)  # a bad key says so in one line
        settings = get_settings().ensure()
        print(f"building {key}", flush=True)
        run = run_report_build(key, settings, requested_by, dagster_instance(settings))
    except WaypointError as err:
        print(f"report build failed: {err}", flush=True)
        return 2
    if not run.success:
        print(f"report build failed: {_failure(run)}", flush=True)
        return 2
    for folder in run.folders:
        print(f"wrote {folder}", flush=True)
    return 0


def _failure(run) -> str:
    """The first step failure's message (e.g. the build's BuildFailed), else the run's id."""
    for event in run.result.all_events:
        if event.is_step_failure and event.step_failure_data and event.step_failure_data.error:
            error = event.step_failure_data.error
            while error.cause is not None:  # the step's error wraps what the build raised
                error = error.cause
            return error.message.strip().splitlines()[-1].split(": ", 1)[-1]
    return f"Dagster run {run.run_id} did not succeed"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
