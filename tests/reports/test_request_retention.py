"""Report request retention (pipelines/store/retention.py): superseded and stale requests leave
meta.report_requests (what every build recomputes) for meta.report_requests_retired; nothing is lost."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import duckdb
import pytest

from pipelines.errors import WaypointError
from pipelines.reports.build import record_requests
from pipelines.reports.model import ReportRequest
from pipelines.store.db import connect
from pipelines.store.requests import add_request, ensure_table, list_requests
from pipelines.store.retention import retention_days, retire_stale, retire_superseded
from pipelines.warehouse.build import prepare_ingest_db

NOW = datetime(2026, 12, 1, 3, 0)
P1, P2 = ("ok-500:1001",), ("ok-500:1002",)


def _apr(start: date, end: date, scope: tuple[str, ...] = P1) -> ReportRequest:
    return ReportRequest("apr", start, end, "project", scope)


def _active(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r.request_id for r in list_requests(con)}


def _retired(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("select request_id, reason from meta.report_requests_retired").fetchall())


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    ensure_table(con)
    return con


def test_a_later_run_to_date_supersedes_the_earlier_one_but_not_other_scopes_or_its_own_batch(con) -> None:
    q1 = _apr(date(2025, 10, 1), date(2025, 12, 31))
    q1_other_project = _apr(date(2025, 10, 1), date(2025, 12, 31), P2)
    dq_q1 = ReportRequest("dq", date(2025, 10, 1), date(2025, 12, 31), "project", P1)
    for request in (q1, q1_other_project, dq_q1):
        add_request(con, request, requested_by="t", now=datetime(2026, 1, 2))
    half = _apr(date(2025, 10, 1), date(2026, 3, 31))
    year = _apr(date(2025, 10, 1), date(2026, 9, 30))
    for request in (half, year):  # asked for together: neither retires the other
        add_request(con, request, requested_by="t", now=NOW)
    assert retire_superseded(con, [half, year], now=NOW) == 1

    assert _active(con) == {q1_other_project.request_id, dq_q1.request_id, half.request_id, year.request_id}
    assert _retired(con) == {q1.request_id: f"superseded by {year.request_id}"}
    row = con.execute("select period_end, requested_by, retired_at from meta.report_requests_retired").fetchone()
    assert row == (date(2025, 12, 31), "t", NOW)  # the whole request is kept, with when it was retired


def test_requests_nobody_asked_for_within_the_retention_period_retire(con) -> None:
    old_q1 = _apr(date(2024, 10, 1), date(2024, 12, 31))
    old_other = _apr(date(2024, 10, 1), date(2024, 12, 31), P2)
    asked_again = _apr(date(2023, 10, 1), date(2024, 9, 30))
    recent = _apr(date(2025, 10, 1), date(2025, 12, 31))
    for request in (old_q1, old_other, asked_again):
        add_request(con, request, requested_by="t", now=datetime(2025, 1, 2))
    add_request(con, asked_again, requested_by="t", now=datetime(2026, 11, 30))  # a schedule asks again
    add_request(con, recent, requested_by="t", now=datetime(2026, 1, 2))  # 333 days before NOW

    assert retire_stale(con, None, now=NOW) == 0  # `never`
    assert retire_stale(con, 400, now=NOW) == 2
    assert _active(con) == {asked_again.request_id, recent.request_id}
    assert _retired(con) == {
        old_q1.request_id: "not requested since 2025-01-02 (retention 400 days)",
        old_other.request_id: "not requested since 2025-01-02 (retention 400 days)",
    }
    assert retire_stale(con, 400, now=NOW) == 0  # nothing left to retire
    assert retire_stale(con, 300, now=NOW) == 1  # a shorter period retires the next


def test_a_retired_request_asked_for_again_is_recorded_afresh(con) -> None:
    old, new = _apr(date(2024, 10, 1), date(2024, 12, 31)), _apr(date(2026, 7, 1), date(2026, 9, 30))
    add_request(con, old, requested_by="t", now=datetime(2025, 1, 2))
    add_request(con, new, requested_by="t", now=datetime(2026, 10, 2))
    retire_stale(con, 365, now=NOW)
    assert old.request_id in _retired(con)

    add_request(con, old, requested_by="t", now=NOW)
    assert _active(con) == {old.request_id, new.request_id}
    assert _retired(con) == {}
    last = con.execute("select requested_at, last_requested_at from meta.report_requests where request_id = ?",
                       [old.request_id]).fetchone()  # fmt: skip
    assert last == (NOW, NOW)  # recorded afresh


def test_a_table_from_before_retention_gains_the_column_and_ages_by_requested_at() -> None:
    con = duckdb.connect()
    con.execute("create schema meta")
    con.execute(
        "create table meta.report_requests (request_id varchar primary key, report varchar, period_start date, "
        "period_end date, scope_type varchar, scope_ids varchar[], options map(varchar, varchar), "
        "requested_at timestamp, requested_by varchar)"
    )
    for request in (_apr(date(2023, 10, 1), date(2023, 12, 31)), _apr(date(2024, 1, 1), date(2024, 3, 31))):
        con.execute(
            "insert into meta.report_requests values (?, ?, ?, ?, ?, ?, map(), ?, 't')",
            [request.request_id, "apr", request.period_start, request.period_end, "project", list(P1),
             datetime(2024, 4, 2)],
        )  # fmt: skip
    ensure_table(con)
    assert retire_stale(con, 400, now=NOW) == 2
    assert list_requests(con) == []


def test_retention_days_from_the_environment() -> None:
    assert retention_days({}) == 400
    assert retention_days({"WAYPOINT_REPORT_RETENTION_DAYS": "90"}) == 90
    assert retention_days({"WAYPOINT_REPORT_RETENTION_DAYS": "never"}) is None
    with pytest.raises(WaypointError, match="WAYPOINT_REPORT_RETENTION_DAYS='-3'"):
        retention_days({"WAYPOINT_REPORT_RETENTION_DAYS": "-3"})


def test_the_build_and_a_report_request_apply_the_rules(tmp_path, monkeypatch) -> None:
    """prepare_ingest_db (every build, on every engine) retires stale requests; record_requests (`waypoint report`,
    the Dagster report job) retires superseded ones."""
    from pipelines.config import Settings

    settings = Settings(home=tmp_path / "home").ensure()
    old, latest = _apr(date(2020, 10, 1), date(2020, 12, 31)), _apr(date(2021, 1, 1), date(2021, 3, 31))
    con = connect(settings.ingest_db)
    try:
        add_request(con, old, requested_by="t", now=datetime(2021, 4, 2))
        add_request(con, latest, requested_by="t", now=datetime.now() - timedelta(days=30))
    finally:
        con.close()

    def active() -> set[str]:
        con = connect(settings.ingest_db)
        try:
            return _active(con)
        finally:
            con.close()

    monkeypatch.setenv("WAYPOINT_REPORT_RETENTION_DAYS", "never")
    prepare_ingest_db(settings.ingest_db)
    assert active() == {old.request_id, latest.request_id}
    monkeypatch.setenv("WAYPOINT_REPORT_RETENTION_DAYS", "365")
    prepare_ingest_db(settings.ingest_db)
    assert active() == {latest.request_id}
    later = _apr(date(2021, 1, 1), date(2021, 9, 30))
    record_requests([later], settings, "t")

    assert active() == {later.request_id}
    con = connect(settings.ingest_db)
    try:
        assert set(_retired(con)) == {old.request_id, latest.request_id}
    finally:
        con.close()
