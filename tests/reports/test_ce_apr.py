"""CE APR (HUD's Coordinated Entry APR, FY2026; ce-apr.md), from the CE households of
fixtures/apr/ce_households.py in the shared APR world (calendar 2025). Each expected cell is worked out by hand
in the comments; the tables come through the whole path (zip -> ingestion -> request -> dbt build -> layout).
"""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from fixtures.apr.apr_world import PERIOD_END, PERIOD_START, SOURCE
from fixtures.apr.built_world import BuiltWorld, built_world
from fixtures.apr.ce_households import ce_request
from fixtures.apr.cells import TOTAL, cell, row_values

from pipelines.reports.artifacts import write_artifacts
from pipelines.reports.schedule import partition_key, plan_report_build

CE_TABLES = ["Q4a", "Q5a", "Q6a", "Q7a", "Q8a", "Q9a", "Q9b", "Q9c", "Q9d", "Q10"]
CLIENTS, CLIENTS_FOR_DQ = "Count of Clients", "Count of Clients for DQ"
Q10_COLUMNS = (
    "Total Occurrences", "Successful Referral", "Unsuccessful Referral: client rejected",
    "Unsuccessful Referral: provider rejected", "Re-housed in safe alternative", "Enrolled in aftercare",
)  # fmt: skip


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> BuiltWorld:
    return built_world(tmp_path_factory)


@pytest.fixture(scope="module")
def tables(world):
    return world.tables(ce_request(SOURCE, PERIOD_START, PERIOD_END))


def test_the_ce_apr_has_hud_tables_in_order(tables):
    assert list(tables) == CE_TABLES


def test_people_come_from_each_households_latest_assessment(tables):
    q5a = tables["Q5a"]
    # CA1 + CA2, CB1, CC1, CF1 + CF2 (CF3 joined after the assessment; CE1's assessment is after CE-ENDED
    # stopped taking part; CM1 is outside the scoped projects).
    assert cell(q5a, "Total number of persons served", CLIENTS) == 6
    assert cell(q5a, "Number of adults (age 18 or over)", CLIENTS) == 4  # CA1 CB1 CC1 CF1
    assert cell(q5a, "Number of children (under age 18)", CLIENTS) == 2  # CA2 CF2
    # CF1 (22) lives with a 2-year-old: a youth household; nobody else is 12-24.
    assert cell(q5a, "Number of youth under age 25", CLIENTS) == 1
    assert cell(q5a, "Number of adult heads of household", CLIENTS) == 4
    # CC1 was never engaged by street outreach: out of the data-quality column only.
    assert cell(q5a, "Total number of persons served", CLIENTS_FOR_DQ) == 5
    assert cell(q5a, "Number of adult heads of household", CLIENTS_FOR_DQ) == 3
    # Leavers, stayers, chronic, parenting youth and 365 days are intentionally blank.
    assert cell(q5a, "Number of leavers", CLIENTS) is None
    assert cell(q5a, "Number of chronically homeless persons", CLIENTS_FOR_DQ) is None


def test_persons_and_households_by_household_type(tables):
    # CA and CF are with children and adults, CB and CC without children.
    assert row_values(tables["Q7a"], "Adults") == [4, 2, 2, None, 0]
    assert row_values(tables["Q7a"], "Children") == [2, None, 2, 0, 0]
    assert row_values(tables["Q7a"], "Total") == [6, 2, 4, 0, 0]
    assert row_values(tables["Q8a"], "Total Households") == [4, 2, 2, 0, 0]
    assert row_values(tables["Q8a"], 2) == [0, 0, 0, 0, 0]  # no move-in row in the CE APR


def test_personal_information_quality_over_the_dq_universe(tables):
    q6a = tables["Q6a"]
    columns = ("Information Missing", "Total", "% of Issue Rate")
    # The fixture leaves every SSN "not collected" (99): the 5 people of Q5a B2 miss it.
    assert row_values(q6a, "Social Security Number (3.02)", columns) == [5, 5, 1]
    assert row_values(q6a, "Name (3.01)", columns) == [0, 0, 0]


def test_project_identifiers_list_projects_with_kept_records(tables):
    q4a = tables["Q4a"].frame.set_index("Project ID")
    # CE-ENDED keeps no record (its assessment came after its participation ended).
    assert sorted(q4a.index) == ["CE-AP", "CE-ES", "CE-SO"]
    assert q4a.loc["CE-AP", "Total Active Clients"] == 5  # CA1 CA2 CB1 CF1 CF2
    assert q4a.loc["CE-AP", "Total Active Households"] == 3
    assert q4a.loc["CE-SO", "Total Active Clients"] == 1
    assert q4a.loc["CE-ES", "Total Active Clients"] == 0  # CF1's event there; she is reported at CE-AP
    assert q4a.loc["CE-ES", "Coordinated Entry Access Point"] == 0
    assert q4a.loc["CE-AP", "Coordinated Entry Access Point"] == 1


def test_assessment_type_and_prioritization_of_the_latest_assessment(tables):
    assert row_values(tables["Q9a"], "Phone") == [1, 1, 0, 0, 0]  # CC (CA's phone assessment is not its latest)
    assert row_values(tables["Q9a"], "Virtual") == [1, 1, 0, 0, 0]  # CB
    assert row_values(tables["Q9a"], "In-person") == [2, 0, 2, 0, 0]  # CA (June), CF
    assert row_values(tables["Q9a"], "Total Households Assessed") == [4, 2, 2, 0, 0]
    q9b = tables["Q9b"]
    assert row_values(q9b, "Placed on Prioritization List (Prioritized)") == [3, 1, 2, 0, 0]  # CA CC CF
    assert row_values(q9b, "Not Placed on Prioritization List") == [1, 1, 0, 0, 0]  # CB, no answer
    assert row_values(q9b, "Percent of Assessed Prioritized") == [0.75, 0.5, 1, 0, 0]


def test_each_household_has_one_event_searched_from_its_latest_assessment(tables):
    q9c = tables["Q9c"]
    # CB's May diversion (safe alternative); his February 2026 referral falls after his January
    # reassessment (the cut-off). CA's April diversion came before CA's June assessment.
    assert row_values(q9c, "Problem Solving/Diversion/Rapid Resolution intervention or service") == [1, 1, 0, 0, 0]
    assert row_values(q9c, "Total") == [1, 1, 0, 0, 0]
    assert row_values(q9c, "Result: Client housed/Re-Housed in a safe alternative") == [1, 1, 0, 0, 0]
    assert row_values(q9c, 7) == [1, 1, 0, 0, 0]
    q9d = tables["Q9d"]
    assert row_values(q9d, "PSH project resource opening") == [1, 0, 1, 0, 0]  # CA, accepted
    # CF: the CE-AP referral to outreach wins over the later CE-ES shelter bed (same project as the assessment).
    assert row_values(q9d, "Street Outreach project or services") == [1, 0, 1, 0, 0]
    assert row_values(q9d, "Emergency Shelter bed opening") == [0, 0, 0, 0, 0]
    assert row_values(q9d, "Total") == [2, 0, 2, 0, 0]
    # Prioritized: CA, CC, CF; referred: CA, CF.
    assert row_values(q9d, 16) == [pytest.approx(0.6667), 0, 1, 0, 0]
    assert row_values(q9d, "Result: Successful referral: client accepted") == [1, 0, 1, 0, 0]
    assert row_values(q9d, "No result recorded") == [0, 0, 0, 0, 0]
    assert row_values(q9d, "Percent of successful referrals to residential projects") == [1, 0, 1, 0, 0]


def test_activity_counts_records_in_the_period(tables):
    q10 = tables["Q10"]
    # Kept assessments in 2025: CA March (crisis) and June (housing), CB May (crisis), CC July (crisis),
    # CF September (housing); CF's CE-ES assessment and CE1's are not kept, CB's January 2026 one is later.
    assert row_values(q10, "Crisis Needs Assessment", Q10_COLUMNS) == [3, None, None, None, None, None]
    assert row_values(q10, "Housing Needs Assessment", Q10_COLUMNS)[0] == 2
    # Events in 2025: CA's and CB's diversions (CB's housed him), CA's PSH referral, CF's two referrals.
    diversion = "Problem Solving/Diversion/Rapid Resolution intervention or service"
    assert row_values(q10, diversion, Q10_COLUMNS) == [2, None, None, None, 1, None]
    assert row_values(q10, "Referral to PSH project resource opening", Q10_COLUMNS) == [1, 1, 0, 0, None, None]
    assert row_values(q10, "Referral to Emergency Shelter bed opening", Q10_COLUMNS)[0] == 1
    assert row_values(q10, "Referral to RRH project resource opening", Q10_COLUMNS)[0] == 0


def test_a_coc_report_keeps_records_of_its_own_coc(world):
    # CE-MULTI is in both CoCs; CM1's EnrollmentCoC (OK-507) decides: only OK-507 reports him. (The CoC
    # reports also hold the generated sources' CE data: look at the fixture's people only.)
    con = world.connect()
    try:
        people = {
            coc: sorted(row[0] for row in con.execute(
                "select personal_id from intermediate.int_ce_apr_clients where request_id = ? and personal_key like ?",
                [ce_request(SOURCE, PERIOD_START, PERIOD_END, coc=coc).request_id, f"{SOURCE}%"],
            ).fetchall())
            for coc in ("OK-500", "OK-507")
        }  # fmt: skip
    finally:
        con.close()
    assert people == {"OK-500": ["CA1", "CA2", "CB1", "CC1", "CF1", "CF2"], "OK-507": ["CM1"]}
    ok507 = world.tables(ce_request(SOURCE, PERIOD_START, PERIOD_END, coc="OK-507"))
    assert "CE-MULTI" in set(ok507["Q4a"].frame["Project ID"])
    assert cell(ok507["Q7a"], "Total", TOTAL) == cell(ok507["Q5a"], "Total number of persons served", CLIENTS) > 1


def test_the_sage_zip_holds_one_csv_per_table(tables, tmp_path):
    request = ce_request(SOURCE, PERIOD_START, PERIOD_END)
    out = write_artifacts(tmp_path, request, list(tables.values()), inputs={})
    with zipfile.ZipFile(out.zip_path) as archive:
        assert archive.namelist() == [f"{table_id}.csv" for table_id in CE_TABLES]
        q9b = list(csv.reader(io.StringIO(archive.read("Q9b.csv").decode("utf-8"))))
    assert q9b[0] == ["", TOTAL, "Without Children", "With Children and Adults", "With Only Children",
                      "Unknown Household Type"]  # fmt: skip
    assert q9b[3][:2] == ["Percent of Assessed Prioritized", "0.75"]


def test_a_ce_apr_key_plans_one_request_per_coc():
    plan = plan_report_build("ce_apr/2024-10-01..2025-09-30/coc=OK-500,OK-507")
    assert [(r.report, r.scope_type, r.scope_ids) for r in plan.requests] == [
        ("ce_apr", "coc", ("OK-500",)),
        ("ce_apr", "coc", ("OK-507",)),
    ]
    assert partition_key(plan.requests[0]) == "ce_apr/2024-10-01..2025-09-30/coc=OK-500"
