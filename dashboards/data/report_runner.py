"""Runs one report build started from the dashboards: ``python -m dashboards.data.report_runner REPORT START END
SCOPE_TYPE IDS BY`` records the request, builds the warehouse and writes the artifacts (pipelines.reports.build)."""

from __future__ import annotations

import sys
from datetime import date

from pipelines.errors import WaypointError
from pipelines.reports.model import ReportRequest


def main(argv: list[str]) -> int:
    report, start, end, scope_type, ids, requested_by = argv
    from pipelines.reports.build import build_reports

    request = ReportRequest(
        report, date.fromisoformat(start), date.fromisoformat(end), scope_type, tuple(ids.split(","))
    )
    try:
        for artifacts in build_reports([request], requested_by=requested_by, on_line=print):
            print(f"wrote {artifacts.folder}", flush=True)
    except WaypointError as err:
        print(f"report build failed: {err}", flush=True)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
