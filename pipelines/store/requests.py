"""Report requests as data (DESIGN: "Report periods are data"): ``meta.report_requests`` in ingest.duckdb.

dbt reads the table as a source, so one `dbt build` computes every requested report set-wise; a report
build adds its request, builds, then writes the artifacts from the published marts.
"""

from __future__ import annotations

from datetime import datetime

import duckdb

from pipelines.reports.model import ReportRequest
from pipelines.store.retention import RETIRED_DDL

DDL = """
CREATE SCHEMA IF NOT EXISTS meta;
CREATE TABLE IF NOT EXISTS meta.report_requests (
    request_id   VARCHAR PRIMARY KEY,
    report       VARCHAR NOT NULL,
    period_start DATE NOT NULL,
    period_end   DATE NOT NULL,
    scope_type   VARCHAR NOT NULL,
    scope_ids    VARCHAR[] NOT NULL,
    options      MAP(VARCHAR, VARCHAR),
    requested_at TIMESTAMP NOT NULL,
    requested_by VARCHAR NOT NULL,
    last_requested_at TIMESTAMP
);
"""


def ensure_table(con: duckdb.DuckDBPyConnection) -> None:
    """meta.report_requests and meta.report_requests_retired (pipelines/store/retention.py), created if missing;
    a table from before retention gains ``last_requested_at`` (when the request was last asked for)."""
    con.execute(DDL)
    has_last = con.execute(
        "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'meta' "
        "AND table_name = 'report_requests' AND column_name = 'last_requested_at'"
    ).fetchone()[0]
    if not has_last:
        con.execute("ALTER TABLE meta.report_requests ADD COLUMN last_requested_at TIMESTAMP")
    con.execute(RETIRED_DDL)


def add_request(
    con: duckdb.DuckDBPyConnection, request: ReportRequest, *, requested_by: str, now: datetime | None = None
) -> str:
    """Record a request and return its id. The same request twice is one row whose ``last_requested_at`` moves on
    (retention counts from it); a retired request asked for again is recorded afresh."""
    ensure_table(con)
    options = dict(request.options)
    now = now or datetime.now().replace(microsecond=0)
    con.execute("DELETE FROM meta.report_requests_retired WHERE request_id = ?", [request.request_id])
    con.execute(
        """
        INSERT INTO meta.report_requests
        SELECT ?, ?, ?, ?, ?, ?, MAP(?::VARCHAR[], ?::VARCHAR[]), ?, ?, ?
        ON CONFLICT (request_id) DO UPDATE SET last_requested_at = excluded.last_requested_at
        """,
        [
            request.request_id,
            request.report,
            request.period_start,
            request.period_end,
            request.scope_type,
            list(request.scope_ids),
            list(options),
            list(options.values()),
            now,
            requested_by,
            now,
        ],
    )
    return request.request_id


def list_requests(con: duckdb.DuckDBPyConnection) -> list[ReportRequest]:
    ensure_table(con)
    rows = con.execute(
        "SELECT report, period_start, period_end, scope_type, scope_ids, options FROM meta.report_requests "
        "ORDER BY requested_at, request_id"
    ).fetchall()
    return [ReportRequest(r[0], r[1], r[2], r[3], tuple(r[4]), tuple(sorted((r[5] or {}).items()))) for r in rows]
