"""Runs one report build started from the dashboards: ``python -m dashboards.data.report_runner KEY BY`` plans the
report build key as `waypoint report key` and the Dagster report jobs do (pipelines/reports/plans.py), records the
requests, builds the warehouse and writes the artifacts (pipelines.reports.build)."""

from __future__ import annotations

import sys

from pipelines.errors import WaypointError


def main(argv: list[str]) -> int:
    key, requested_by = argv
    from pipelines.config import get_settings
    from pipelines.reports.build import build_reports
    from pipelines.reports.plans import plan_keys

    try:
        settings = get_settings()
        requests, supporting = plan_keys([key], settings, on_skip=print)
        for artifacts in build_reports(requests, settings, requested_by, supporting=supporting, on_line=print):
            print(f"wrote {artifacts.folder}", flush=True)
    except WaypointError as err:
        print(f"report build failed: {err}", flush=True)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
