"""APR and CAPER rules where HUD's FY2026 specification settles a difference with HUD's Data Lab code
(issue 18; issue 11 item 4), one hand-built household each (fixtures/apr/agreement_households.py,
calendar 2025). Every expected cell is worked out in the comments; the words quoted are the
specification's (apr-caper-programming-specifications-fy2026.md, reporting-glossary-fy2026.md).
"""

from __future__ import annotations

import pytest
from fixtures.apr.apr_world import rule_request
from fixtures.apr.built_world import BuiltWorld, built_world
from fixtures.apr.cells import RACES, TOTAL, cell, row_values

BOTH_REPORTS = pytest.mark.parametrize("report", ["apr", "caper"])
CLIENTS = "Count of Clients"
CLIENTS_FOR_DQ = "Count of Clients for DQ"
PERCENTAGE = "Percentage"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> BuiltWorld:
    return built_world(tmp_path_factory)


def tables_for(world: BuiltWorld, rule: str, report: str):
    return world.tables(rule_request(rule, report))


@BOTH_REPORTS
def test_q23c_percentage_divides_by_the_leavers_left_after_the_excluded(world, report):
    # Q23c instruction 6: row 43 = [positive] / ([total exiting] - [total excluded]). AGREE-ES (ES-EE):
    # AG1 to 410 (positive), AG2 to 206 (hospital: excluded for ES-EE, Appendix A), AG3 to 116.
    # 1 / (3 - 1) = 0.5; never negative (1 / 3 - 1 = -0.6667 would be a mis-bracketed formula).
    q23c = tables_for(world, "agree_exits", report)["Q23c"]
    assert cell(q23c, "Total", TOTAL) == 3
    assert cell(q23c, "Total persons exiting to positive housing destinations", TOTAL) == 1
    assert cell(q23c, "Total persons whose destinations excluded them from the calculation", TOTAL) == 1
    assert cell(q23c, PERCENTAGE, TOTAL) == 0.5


def test_q25i_percentage_of_veterans_follows_the_same_formula(world):
    # Q25i is Q23c for veterans: AG1 (410) and AG2 (206, excluded): 1 / (2 - 1) = 1.
    q25i = tables_for(world, "agree_exits", "apr")["Q25i"]
    assert cell(q25i, "Total", TOTAL) == 2
    assert cell(q25i, PERCENTAGE, TOTAL) == 1


def test_q19a2_money_averages_are_exact_and_round_half_up(world):
    # Leavers with income at start and exit: AG1 earned 100.00 -> 987.66 (+887.66, retained and
    # increased), AG2 none -> 887.67 (+887.67, gained); AG3 has no income records. The mean change is
    # exactly 887.665: rounded half up, 887.67 (a float average of the same values rounds to 887.66).
    q19a2 = tables_for(world, "agree_exits", "apr")["Q19a2"]  # a CoC APR table
    total_adults = "Total Adults (including those with No Income)"
    gained = "Performance Measure: Adults who Gained or Increased Income from Start to Exit, Average Gain"
    assert cell(q19a2, "Number of Adults with Any Income (i.e., Total Income)", total_adults) == 2
    assert cell(q19a2, "Average Change in Overall Income", total_adults) == 887.67
    assert cell(q19a2, "Average Change in Overall Income", gained) == 887.67
    assert cell(q19a2, "Average Change in Earned Income", gained) == 887.67
    assert cell(q19a2, "Average Change in Earned Income", total_adults) is None  # HUD greys it out


@BOTH_REPORTS
def test_data_quality_universe_filters_unengaged_outreach_stays_before_taking_the_latest(world, report):
    # Glossary, Data Quality, "Project Stays to Include": outreach stays where the client is not engaged
    # "should be completely removed from the universe of data (i.e., apply this filter before
    # determining each client's latest stay". AS1's latest stay (June, open) is not engaged; the
    # engaged January stay (left 2025-03-01) is then his latest: column B counts him, as a leaver.
    # Column C takes his latest stay of all: a stayer. (HUD's Data Lab code filters after: 0 in B.)
    q5a = tables_for(world, "agree_outreach", report)["Q5a"]
    assert cell(q5a, "Total number of persons served", CLIENTS_FOR_DQ) == 1
    assert cell(q5a, "Total number of persons served", CLIENTS) == 1
    assert cell(q5a, "Number of leavers", CLIENTS_FOR_DQ) == 1
    assert cell(q5a, "Number of stayers", CLIENTS) == 1


@BOTH_REPORTS
def test_annual_assessment_rows_count_time_in_night_by_night_shelter_not_bed_nights(world, report):
    # Glossary, Annual Assessment step 3: "This calculation is time-based, not service-based, so a client
    # ... active for a year or longer in a night-by-night emergency shelter would require an Annual
    # Assessment, regardless of how many bed-night dates were recorded." AN1 entered 2024-06-01 (two bed
    # nights): anniversary 2025-06-01, no annual assessment. Q5a row 17 (Q6c row 4's denominator) uses
    # the same time: 1 stayer of 365 days or more; Q6c row 4 information missing 1, rate 1 / 1.
    tables = tables_for(world, "agree_night_by_night", report)
    row_17 = "Heads of households and adult stayers in the project 365 days or more"
    assert cell(tables["Q5a"], row_17, CLIENTS_FOR_DQ) == 1
    annual = "Income and Sources (4.02) at Annual Assessment"
    assert cell(tables["Q6c"], annual, "Information Missing") == 1
    assert cell(tables["Q6c"], annual, "% of Issue Rate") == 1


@BOTH_REPORTS
def test_time_prior_to_housing_runs_to_the_move_in_and_children_joining_later_are_not_collected(world, report):
    # Q22e instruction 6: the start of homelessness is unusable when missing "or if that date occurs after
    # the person has moved into housing" (PSH: the move-in date, instruction 3). AP1 entered 2025-02-01,
    # homeless since 02-10, moved in 03-01: 19 days (15 to 21). Instruction 2c: "Children who enter after
    # the HoH would be counted on row 14 (data not collected)": AP2 (5, joins 2025-04-01, housed on
    # entry) is not collected, though a date of his own is recorded.
    q22e = tables_for(world, "agree_housing", report)["Q22e"]
    # AP3 (alone) has not moved in: "Not yet moved into housing" (instruction 3c).
    assert row_values(q22e, "15 to 21 days") == [1, 0, 1, 0, 0]
    assert row_values(q22e, "Total (persons moved into housing)") == [1, 0, 1, 0, 0]
    assert row_values(q22e, "Not yet moved into housing") == [1, 1, 0, 0, 0]
    assert row_values(q22e, "Data not collected") == [1, 0, 1, 0, 0]
    assert row_values(q22e, "Total persons") == [3, 1, 2, 0, 0]


@BOTH_REPORTS
def test_q22g_counts_people_not_yet_moved_in_whose_start_date_is_known(world, report):
    # Q22g instruction 5 excludes a person whose start date is missing "or if that date occurs after the
    # person has moved into housing"; row 3 reports those "active in a PH/PSH/RRH project but ... have not
    # moved into housing" (instruction 9). AP3 (homeless since 05-10, after her 05-01 entry, not moved in)
    # is in row 3; AP1 (19 days) in row 2; AP2 (no date) is left out. All White (the fixture default).
    q22g = tables_for(world, "agree_housing", report)["Q22g"]
    assert sum(row_values(q22g, "Persons Moved into housing", RACES)) == 1
    assert sum(row_values(q22g, "Persons not yet moved into housing", RACES)) == 1
    assert row_values(q22g, "Average time to Move-In", RACES)[RACES.index("White")] == 19


@BOTH_REPORTS
def test_homelessness_prevention_counts_everyone_enrolled_on_the_last_wednesdays(world, report):
    # Q7b instruction 5, "For all other project types: Report the total count of all persons in the project
    # on the LAST WEDNESDAY" (no move-in needed outside PSH/RRH; HUD's Data Lab code counts none in HP).
    # HP (fixtures/apr/question_households.py): PV1-PV5 entered 2025-02-01; PV1 left 05-01, PV2 06-01,
    # PV3 07-01, PV4 08-01, PV5 stays. Jan 29: 0; Apr 30: 5; Jul 30: PV4, PV5; Oct 29: PV5. All alone.
    tables = tables_for(world, "prevention", report)
    months = ("January", "April", "July", "October")
    assert [cell(tables["Q7b"], month, TOTAL) for month in months] == [0, 5, 2, 1]
    assert [cell(tables["Q8b"], month, TOTAL) for month in months] == [0, 5, 2, 1]


@BOTH_REPORTS
def test_night_by_night_shelter_is_not_in_q6f_contact_row(world, report):
    # FY2026 "Removed NbN shelters from, and added PATH-funded SSO to, row 2 of Q6f" (HUD's Data Lab code
    # still counts them there). NBN-ES's stayers are in the bed-night row only.
    q6f = tables_for(world, "bed_nights", report)["Q6f"]
    columns = ("# of Records", "# of Inactive Records")
    contact = "Contact (Adults and Heads of Household in Street Outreach or PATH-funded SSO)"
    assert row_values(q6f, contact, columns) == [0, 0]
    assert row_values(q6f, "Bed Night (All clients in ES-NbN)", columns) == [3, 2]
