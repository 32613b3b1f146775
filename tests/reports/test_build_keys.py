"""Report builds named as (report, period, scope): keys, their requests, and the periods schedules pick."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.reports.model import ReportRequest
from pipelines.reports.schedule import (
    BadReportBuild,
    Catalogue,
    build_key,
    last_closed_fiscal_year,
    last_complete_month,
    last_complete_quarter,
    parse_key,
    partition_key,
    plan_report_build,
)

CATALOGUE = Catalogue(
    cocs=("OK-500", "OK-507"),
    projects=("ok-500:P1", "ok-500:P2", "ok-507:P9"),
    agencies=("ok-500:O1", "ok-507:O9"),
    esg_projects=("ok-500:P2",),
)


def test_an_explicit_request_round_trips_through_its_partition_key():
    request = ReportRequest("apr", date(2026, 7, 1), date(2026, 9, 30), "projects", ("ok-500:P1", "ok-500:P2"))
    key = partition_key(request)
    assert key == "apr/2026-07-01..2026-09-30/projects=ok-500:P1,ok-500:P2"
    assert plan_report_build(key).requests == (request,)


def test_spm_key_names_a_fiscal_year_per_coc_and_adds_earlier_years_for_the_trend():
    plan = plan_report_build("spm/2025-10-01..2026-09-30/coc=OK-500,OK-507?trend_years=3")
    assert [(r.scope_ids, r.period_start) for r in plan.requests] == [
        (("OK-500",), date(2025, 10, 1)),
        (("OK-507",), date(2025, 10, 1)),
    ]
    # FY2024 and FY2025 of each CoC are computed in the same build (no artifacts of their own)
    assert sorted((r.scope_ids[0], r.period_end.year) for r in plan.supporting) == [
        ("OK-500", 2024),
        ("OK-500", 2025),
        ("OK-507", 2024),
        ("OK-507", 2025),
    ]
    assert all(r.options == () for r in plan.all_requests)


def test_spm_periods_must_be_federal_fiscal_years():
    with pytest.raises(BadReportBuild, match="fiscal years"):
        plan_report_build("spm/2026-01-01..2026-12-31/coc=OK-500")


def test_hic_pit_key_carries_the_count_night_and_refuses_nights_outside_late_january():
    (request,) = plan_report_build("hic_pit/2026-01-28..2026-01-28/coc=OK-507").requests
    assert (request.period_start, request.period_end, request.option("pit_date")) == (
        date(2026, 1, 28),
        date(2026, 1, 28),
        "2026-01-28",
    )
    with pytest.raises(BadReportBuild):
        plan_report_build("hic_pit/2026-02-03..2026-02-03/coc=OK-507")
    with pytest.raises(BadReportBuild, match="per CoC"):
        plan_report_build("hic_pit/2026-01-28..2026-01-28/project=ok-500:P1")


def test_selectors_expand_to_every_project_agency_and_coc_and_caper_to_esg_projects():
    apr = plan_report_build("apr/2026-07-01..2026-09-30/all", CATALOGUE).requests
    assert [(r.scope_type, r.scope_ids[0]) for r in apr] == [
        ("project", "ok-500:P1"),
        ("project", "ok-500:P2"),
        ("project", "ok-507:P9"),
        ("agency", "ok-500:O1"),
        ("agency", "ok-507:O9"),
        ("coc", "OK-500"),
        ("coc", "OK-507"),
    ]
    caper = plan_report_build("caper/2026-07-01..2026-09-30/project=*", CATALOGUE).requests
    assert [r.scope_ids for r in caper] == [("ok-500:P2",)]
    with pytest.raises(BadReportBuild, match="needs the published warehouse"):
        plan_report_build("dq/2026-09-01..2026-09-30/coc=*")


def test_malformed_keys_are_refused_in_plain_words():
    for key in ("apr/2026-07-01/coc=OK-500", "xyz/2026-07-01..2026-09-30/coc=OK-500", "apr/2026-07-01..x/coc=1"):
        with pytest.raises(BadReportBuild):
            parse_key(key)
    with pytest.raises(BadReportBuild, match="before it starts"):
        plan_report_build(build_key("apr", date(2026, 9, 30), date(2026, 7, 1), "coc=OK-500"))


def test_schedules_pick_the_last_complete_month_quarter_and_fiscal_year():
    assert last_complete_month(date(2026, 3, 1)) == (date(2026, 2, 1), date(2026, 2, 28))
    assert last_complete_quarter(date(2026, 1, 2)) == (date(2025, 10, 1), date(2025, 12, 31))
    assert last_complete_quarter(date(2026, 8, 15)) == (date(2026, 4, 1), date(2026, 6, 30))
    assert last_closed_fiscal_year(date(2026, 10, 1)) == 2026
    assert last_closed_fiscal_year(date(2026, 9, 30)) == 2025
