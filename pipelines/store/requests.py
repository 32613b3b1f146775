"""Report requests as data (DESIGN: "Report periods are data"): ``meta.report_requests`` in ingest.duckdb.

dbt reads the table as a source, so one `dbt build` computes every requested report set-wise; a report
build adds its request, builds, then writes the artifacts from the published marts.
"""

from __future__ import annotations

from datetime import datetime

import duckdb

from pipelines.reports.model import ReportRequest

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
    requested_by VARCHAR NOT NULL
);
"""


def ensure_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(DDL)


def add_request(con: duckdb.DuckDBPyConnection, request: ReportRequest, *, requested_by: str) -> str:
    """Record a request (idempotent: the same request twice is one row) and return its id."""
    ensure_table(con)
    options = dict(request.options)
    con.execute(
        """
        INSERT INTO meta.report_requests
        SELECT ?, ?, ?, ?, ?, ?, MAP(?::VARCHAR[], ?::VARCHAR[]), ?, ?
        ON CONFLICT (request_id) DO NOTHING
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
            datetime.now().replace(microsecond=0),
            requested_by,
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
