"""Build cost as report history grows: a warehouse build with 10 report requests, then with 1,000 (the same 10
plus 990 past ones, asked for once long ago as a schedule would have), in one run.

The retention rule (pipelines/store/retention.py, docs/decisions.md) retires the past requests nobody asked for
again, so the second build should cost what the first did: the ratio printed is that figure (1.0 = flat).
``--without-retention`` also times the 1,000-request build with retention off (WAYPOINT_REPORT_RETENTION_DAYS=never):
what every build would cost without the rule (heavy on large presets). Works in its own home
(``$WAYPOINT_HOME/bench/history-<preset>``, a copy of the ingested preset). Figures, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date, datetime, timedelta

from benchmarks.common import bench_preset, home_with_ingest
from pipelines.config import Settings
from pipelines.reports.model import ReportRequest
from pipelines.reports.spm import spm_request
from pipelines.security import databases
from pipelines.store.requests import add_request, ensure_table
from pipelines.store.retention import RETENTION_ENV, retention_days

CURRENT, TOTAL = 10, 1_000


def _catalogue(settings: Settings) -> tuple[date, list[str]]:
    """The last day the exports cover and every continuum project (``source:id``)."""
    con = databases.connect(settings.ingest_db, read_only=True, home=settings.home)
    try:
        (latest,) = con.execute("select max(try_cast(export_end as date)) from meta.export_registry").fetchone()
        rows = con.execute(
            'select distinct _source_id, "ProjectID" from raw.project where "ContinuumProject" = \'1\' order by 1, 2'
        ).fetchall()
    finally:
        con.close()
    return latest or date.today(), [f"{source}:{project}" for source, project in rows]


def _month_start(day: date, back: int) -> date:
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def _current(latest: date, projects: list[str]) -> list[ReportRequest]:
    """APR of the last closed fiscal year for 8 projects and SPM for both CoCs: what this year's users ask for."""
    from pipelines.reports.schedule import last_closed_fiscal_year

    fiscal_year = last_closed_fiscal_year(latest + timedelta(days=1))
    spm = [spm_request(coc, fiscal_year) for coc in ("OK-500", "OK-507")]
    start, end = spm[0].period_start, spm[0].period_end
    return [ReportRequest("apr", start, end, "project", (p,)) for p in projects[: CURRENT - 2]] + spm


def _past(latest: date, projects: list[str], count: int, skip: set[str]) -> list[tuple[ReportRequest, datetime]]:
    """``count`` past requests, each with when it was asked for (two days after its period): monthly DQ and
    quarterly APR per project, going back from more than the retention period ago."""
    days = retention_days() or 400
    newest_end = min(latest, date.today() - timedelta(days=days + 3))
    past: list[tuple[ReportRequest, datetime]] = []
    back = 0
    while len(past) < count and back < 240:
        start = _month_start(newest_end, back + 1)
        month_end = _month_start(newest_end, back) - timedelta(days=1)
        kinds = [("dq", start, month_end)]
        if start.month in (1, 4, 7, 10):
            quarter_end = _month_start(start, -3) - timedelta(days=1)
            kinds.append(("apr", start, quarter_end))
        for report, period_start, period_end in kinds:
            for project in projects:
                request = ReportRequest(report, period_start, period_end, "project", (project,))
                if request.request_id not in skip and len(past) < count:
                    asked = datetime.combine(period_end + timedelta(days=2), datetime.min.time())
                    past.append((request, asked))
        back += 1
    return past


def _reset(settings: Settings, current: list[ReportRequest], past: list[tuple[ReportRequest, datetime]]) -> None:
    """meta.report_requests holds exactly ``current`` (asked for now) and ``past`` (asked for long ago)."""
    con = databases.connect(settings.ingest_db, home=settings.home)
    try:
        ensure_table(con)
        con.execute("delete from meta.report_requests")
        con.execute("delete from meta.report_requests_retired")
        for request in current:
            add_request(con, request, requested_by="benchmark")
        for request, asked in past:
            add_request(con, request, requested_by="schedule", now=asked)
    finally:
        con.close()


def _count(settings: Settings, table: str) -> int:
    con = databases.connect(settings.ingest_db, read_only=True, home=settings.home)
    try:
        return con.execute(f"select count(*) from meta.{table}").fetchone()[0]
    finally:
        con.close()


def _build(settings: Settings, retention: str | None) -> float:
    from pipelines.warehouse.build import build_warehouse

    saved = os.environ.get(RETENTION_ENV)
    if retention is not None:
        os.environ[RETENTION_ENV] = retention
    try:
        started = time.perf_counter()
        build_warehouse(settings)
        return time.perf_counter() - started
    finally:
        if saved is None:
            os.environ.pop(RETENTION_ENV, None)
        else:
            os.environ[RETENTION_ENV] = saved


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="history_bench", description=__doc__)
    parser.add_argument("--preset", default=None, help="default: WAYPOINT_BENCH_PRESET, else state")
    parser.add_argument("--without-retention", action="store_true", help="also time 1,000 requests, none retired")
    args = parser.parse_args(argv or [])
    preset = args.preset or bench_preset()
    settings = home_with_ingest("history", preset)
    latest, projects = _catalogue(settings)
    current = _current(latest, projects)
    past = _past(latest, projects, TOTAL - len(current), {r.request_id for r in current})
    print(f"input    {preset} preset; {len(current)} current requests; {len(past)} past ones "
          f"(monthly DQ and quarterly APR per project, asked for {past[-1][1]:%Y-%m}..{past[0][1]:%Y-%m})")  # fmt: skip

    _reset(settings, current, [])
    ten = _build(settings, None)
    print(f"build    {len(current)} requests: {ten:.1f} s wall")
    if args.without_retention:
        _reset(settings, current, past)
        everything = _build(settings, "never")
        print(f"build    {len(current) + len(past)} requests, retention off: {everything:.1f} s wall "
              f"({everything / ten:.2f}x the 10-request build)")  # fmt: skip
    _reset(settings, current, past)
    thousand = _build(settings, None)
    kept, retired = _count(settings, "report_requests"), _count(settings, "report_requests_retired")
    print(f"build    {len(current) + len(past)} requests with retention ({retention_days()} days): {thousand:.1f} s "
          f"wall; {retired} retired, {kept} recomputed")  # fmt: skip
    print(f"ratio    1,000 past requests / 10: {thousand / ten:.2f}x (1.0 = flat)")


if __name__ == "__main__":
    main(sys.argv[1:])
