"""APR/CAPER reports as HUD receives them: the tables of each report in HUD's order and layout, Sage CSV
zips whose CSVs parse and XLSX workbooks that open, for both CoCs of the generated `tiny` data."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date

import pytest
from fixtures.apr.apr_world import rule_request
from fixtures.apr.built_world import BuiltWorld, built_world, generated_requests
from fixtures.apr.cells import HOUSEHOLD_TYPES, TOTAL, cell
from openpyxl import load_workbook

from pipelines.reports.artifacts import write_artifacts
from pipelines.reports.marts import ReportNotBuilt
from pipelines.reports.model import ReportRequest
from pipelines.reports.registry import report_tables

# The FY2026 tables of each report (apr-caper.md "Tables in each report"), in HUD's order.
APR_TABLES = [
    "Q4a", "Q5a", "Q6a", "Q6b", "Q6c", "Q6d", "Q6e", "Q6f", "Q7a", "Q7b", "Q8a", "Q8b", "Q9a", "Q9b", "Q11",
    "Q12", "Q13a1", "Q13b1", "Q13c1", "Q13a2", "Q13b2", "Q13c2", "Q14a", "Q14b", "Q15", "Q16", "Q17", "Q18",
    "Q19a1", "Q19a2", "Q19b", "Q20a", "Q20b", "Q21", "Q22a1", "Q22b", "Q22c", "Q22e", "Q22f", "Q22g", "Q23c",
    "Q23d", "Q23e", "Q24b", "Q24e", "Q25a", "Q25b", "Q25d", "Q25i", "Q25j", "Q26a", "Q26b", "Q26d", "Q26e",
    "Q27a", "Q27b", "Q27d", "Q27e", "Q27f1", "Q27f2", "Q27g", "Q27h", "Q27i", "Q27j", "Q27k", "Q27l", "Q27m",
]  # fmt: skip
CAPER_TABLES = [
    "Q4a", "Q5a", "Q6a", "Q6b", "Q6c", "Q6d", "Q6e", "Q6f", "Q7a", "Q7b", "Q8a", "Q8b", "Q9a", "Q9b", "Q11",
    "Q12", "Q13a1", "Q13b1", "Q13c1", "Q14a", "Q14b", "Q15", "Q16", "Q17", "Q19b", "Q20a", "Q21", "Q22a2",
    "Q22c", "Q22d", "Q22e", "Q22f", "Q22g", "Q23c", "Q23d", "Q23e", "Q24a", "Q24e", "Q25a", "Q26b",
]  # fmt: skip


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> BuiltWorld:
    return built_world(tmp_path_factory)


def test_each_report_has_hud_tables_in_hud_order(world):
    assert list(world.tables(rule_request("latest_stay", "apr"))) == APR_TABLES
    assert list(world.tables(rule_request("latest_stay", "caper"))) == CAPER_TABLES


def test_tables_carry_hud_column_labels_and_row_labels(world):
    tables = world.tables(rule_request("latest_stay", "apr"))
    assert list(tables["Q5a"].frame.columns) == ["", "Count of Clients for DQ", "Count of Clients"]
    assert list(tables["Q7a"].frame.columns) == ["", *HOUSEHOLD_TYPES]
    assert tables["Q5a"].frame.iloc[0, 0] == "Total number of persons served"
    # Q4a has one row per project: Organization Name, then columns B-Q.
    q4a = tables["Q4a"].frame
    assert len(q4a) == 2 and q4a.shape[1] == 17
    assert list(q4a["Project ID"]) == ["LATEST-ES", "LATEST-TH"]
    assert list(q4a["Report Start Date"]) == ["2025-01-01", "2025-01-01"]


def test_intentionally_blank_cells_are_empty_in_the_sage_csv(world, tmp_path):
    request = rule_request("household_type", "apr")
    tables = list(world.tables(request).values())
    out = write_artifacts(tmp_path, request, tables, inputs={})
    with zipfile.ZipFile(out.zip_path) as archive:
        q7a = list(csv.reader(io.StringIO(archive.read("Q7a.csv").decode("utf-8"))))
    assert q7a[0] == ["", *HOUSEHOLD_TYPES]
    # Q7a E2 (adults in child-only households) and C3 (children in adult-only households) are blank.
    assert q7a[1][0] == "Adults" and q7a[1][4] == ""
    assert q7a[2][0] == "Children" and q7a[2][2] == ""


@pytest.mark.parametrize("request_", generated_requests(), ids=lambda r: r.request_id)
def test_generated_reports_build_for_both_cocs_and_their_artifacts_open(world, tmp_path, request_):
    tables = world.tables(request_)
    assert list(tables) == (APR_TABLES if request_.report == "apr" else CAPER_TABLES)
    persons = cell(tables["Q5a"], "Total number of persons served", "Count of Clients")
    assert persons > 0, f"{request_.scope_ids[0]} has nobody in its report"
    # The build already ran the cross-table consistency tests; the written tables agree too.
    assert cell(tables["Q7a"], "Total", TOTAL) == persons
    assert cell(tables["Q23c"], "Total", TOTAL) == cell(tables["Q5a"], "Number of leavers", "Count of Clients")

    out = write_artifacts(tmp_path, request_, list(tables.values()), inputs={"build_id": world.build.build_id})
    with zipfile.ZipFile(out.zip_path) as archive:
        assert archive.namelist() == [f"{table_id}.csv" for table_id in tables]
        for table_id, table in tables.items():
            rows = list(csv.reader(io.StringIO(archive.read(f"{table_id}.csv").decode("utf-8"))))
            assert len(rows) == len(table.frame) + 1, table_id
            assert all(len(row) == table.frame.shape[1] for row in rows), table_id
    workbook = load_workbook(out.xlsx_path, read_only=True)
    assert workbook.sheetnames == ["About", *tables]


def test_data_quality_requests_get_the_report_validation_and_data_quality_tables(world):
    con = world.connect()
    try:
        request_id = rule_request("outreach_engagement", "dq").request_id
        q5a = con.execute(
            "select count_of_clients_for_dq, count_of_clients from marts.hud_apr_q05a_report_validations "
            "where request_id = ? and row_order = 1",
            [request_id],
        ).fetchall()
        q6_rows = con.execute(
            "select count(*) from marts.hud_apr_q06f_dq_inactive_records where request_id = ?", [request_id]
        ).fetchone()
        q7a_rows = con.execute(
            "select count(*) from marts.hud_apr_q07a_persons_served where request_id = ?", [request_id]
        ).fetchone()
    finally:
        con.close()
    # Same people as the outreach APR: 4 served, 2 of them engaged (the data-quality universe).
    assert q5a == [(2, 4)]
    assert q6_rows == (2,)
    assert q7a_rows == (0,)  # not a DQ report table


def test_a_request_missing_from_the_warehouse_is_reported_in_plain_words(world):
    con = world.connect()
    try:
        with pytest.raises(ReportNotBuilt, match="added after the last warehouse build"):
            report_tables(ReportRequest("apr", date(2019, 1, 1), date(2019, 12, 31), "coc", ("OK-500",)), con)
        assert report_tables(rule_request("latest_stay", "caper"), con)
    finally:
        con.close()
