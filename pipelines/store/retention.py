"""Which report requests a build still recomputes (docs/decisions.md: "Report request retention").

Every row of ``meta.report_requests`` is recomputed by every warehouse build, so without a rule a year of
scheduled builds makes each build slower. Two rules retire requests (moved, with the date and the reason, to
``meta.report_requests_retired``; their artifacts stay as written under ``reports/``):

- **superseded**: when a request is recorded, an older request for the same report, scope and options from the
  same start with an earlier end (a run-to-date report run again later) is retired;
- **stale**: at each build, a request nobody asked for again (the schedules ask again at every run) for
  ``WAYPOINT_REPORT_RETENTION_DAYS`` days (default 400: longer than the yearly SPM schedule, so what a schedule
  builds stays until its next run; ``never`` keeps everything) is retired.

Asking for a retired request again (`waypoint report`, a schedule) records it afresh.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

import duckdb

from pipelines.errors import WaypointError
from pipelines.reports.model import ReportRequest

DEFAULT_RETENTION_DAYS = 400
RETENTION_ENV = "WAYPOINT_REPORT_RETENTION_DAYS"

RETIRED_DDL = """
CREATE TABLE IF NOT EXISTS meta.report_requests_retired (
    request_id        VARCHAR PRIMARY KEY,
    report            VARCHAR NOT NULL,
    period_start      DATE NOT NULL,
    period_end        DATE NOT NULL,
    scope_type        VARCHAR NOT NULL,
    scope_ids         VARCHAR[] NOT NULL,
    options           MAP(VARCHAR, VARCHAR),
    requested_at      TIMESTAMP NOT NULL,
    requested_by      VARCHAR NOT NULL,
    last_requested_at TIMESTAMP,
    retired_at        TIMESTAMP NOT NULL,
    reason            VARCHAR NOT NULL
);
"""
_COLUMNS = (
    "request_id, report, period_start, period_end, scope_type, scope_ids, options, requested_at, requested_by, "
    "last_requested_at"
)


def retention_days(environ: dict[str, str] | None = None) -> int | None:
    """Days a request is kept without being asked for again; None (``never``) keeps every request."""
    text = (os.environ if environ is None else environ).get(RETENTION_ENV, "").strip().lower()
    if not text:
        return DEFAULT_RETENTION_DAYS
    if text == "never":
        return None
    if not text.isdigit() or int(text) < 1:
        raise WaypointError(f"{RETENTION_ENV}={text!r}: expected a whole number of days (at least 1) or 'never'")
    return int(text)


def _identity(report: str, scope_type: str, scope_ids: Iterable[str], options: dict | None) -> tuple:
    """What a request is a run of, whatever its period: report, scope and options."""
    return report, scope_type, tuple(scope_ids), tuple(sorted((options or {}).items()))


def _retire(con: duckdb.DuckDBPyConnection, reasons: dict[str, str], now: datetime) -> int:
    """Move the requests ``reasons`` names to meta.report_requests_retired, in one transaction."""
    if not reasons:
        return 0
    con.execute("BEGIN TRANSACTION")
    try:
        for request_id, reason in sorted(reasons.items()):
            con.execute("DELETE FROM meta.report_requests_retired WHERE request_id = ?", [request_id])
            con.execute(
                f"INSERT INTO meta.report_requests_retired SELECT {_COLUMNS}, ?, ? FROM meta.report_requests "
                "WHERE request_id = ?",
                [now, reason, request_id],
            )
            con.execute("DELETE FROM meta.report_requests WHERE request_id = ?", [request_id])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(reasons)


def _rows(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(
        "SELECT request_id, report, period_start, period_end, scope_type, scope_ids, options, "
        "coalesce(last_requested_at, requested_at) FROM meta.report_requests"
    ).fetchall()


def retire_superseded(
    con: duckdb.DuckDBPyConnection, recorded: Sequence[ReportRequest], now: datetime | None = None
) -> int:
    """Retire older runs the just ``recorded`` requests supersede (same report, scope, options and start, earlier
    end); requests recorded together never retire each other. Returns how many were retired."""
    batch = {r.request_id for r in recorded}
    latest: dict[tuple, ReportRequest] = {}
    for request in recorded:
        key = (*_identity(request.report, request.scope_type, request.scope_ids, dict(request.options)),
               request.period_start)  # fmt: skip
        if key not in latest or request.period_end > latest[key].period_end:
            latest[key] = request
    reasons = {}
    for request_id, report, start, end, scope_type, scope_ids, options, _ in _rows(con):
        newer = latest.get((*_identity(report, scope_type, scope_ids, options), start))
        if newer and request_id not in batch and end < newer.period_end:
            reasons[request_id] = f"superseded by {newer.request_id}"
    return _retire(con, reasons, now or datetime.now().replace(microsecond=0))


def retire_stale(con: duckdb.DuckDBPyConnection, days: int | None, now: datetime | None = None) -> int:
    """Retire the requests nobody asked for in ``days`` days (None: retire nothing). Returns how many."""
    if days is None:
        return 0
    now = now or datetime.now().replace(microsecond=0)
    cutoff = now - timedelta(days=days)
    reasons = {
        request_id: f"not requested since {last:%Y-%m-%d} (retention {days} days)"
        for request_id, *_, last in _rows(con)
        if last < cutoff
    }
    return _retire(con, reasons, now)
