"""APR and CAPER rules where HUD's FY2026 specification settles a difference with HUD's Data Lab code
(issue 18; issue 11 item 4), one hand-built household each (fixtures/apr/agreement_households.py,
calendar 2025). Every expected cell is worked out in the comments; the words quoted are the
specification's (apr-caper-programming-specifications-fy2026.md, reporting-glossary-fy2026.md).
"""

from __future__ import annotations

import pytest
from fixtures.apr.apr_world import rule_request
from fixtures.apr.built_world import BuiltWorld, built_world
from fixtures.apr.cells import HOUSEHOLD_TYPES, RACES, TOTAL, cell, row_values

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


def test_q27b_counts_everyone_present_with_the_head_on_her_latest_stay(world):
    # Q27b instruction 1: "Use data attached to each head of household's latest project stay ... Include all
    # other clients present with the head of household on that project stay who are also active in the date
    # range ... even though one or more of the household members may have another later project stay ... with
    # a different head of household". PY1 (19) heads H-PY1 with her partner PY3 (16) and her baby PY2, who
    # left on 08-01 to live with his grandmother PY4 (his latest stay). B: heads and adults 18-24 (PY1; PY3 is
    # neither), C: PY2, D: all three, E: 1. PY5 (20) heads a household of unknown type (PY7's age unknown)
    # with her baby PY6: the row follows the head's age, 18-24 (instruction 5a), whatever the household type.
    # PY8's age is unknown: not a youth, so her household (with her son PY9, 16) is not a parenting youth
    # household ("Of the youth clients, determine the heads of household", step 3).
    # (HUD's Data Lab code reads members' latest stays only, so H-PY1 has no child there and is left out,
    # and it files households not "with children and adults", H-PY5 and H-PY8, under "< 18".)
    q27b = tables_for(world, "agree_youth", "apr")["Q27b"]
    columns = ("Total parenting youth", "Total children of parenting youth", "Total persons", "Total Households")
    assert row_values(q27b, "Parent youth 18 to 24", columns) == [2, 2, 6, 2]
    assert row_values(q27b, "Parent youth < 18", columns) == [0, 0, 0, 0]


@BOTH_REPORTS
def test_q5a_row_14_counts_youth_with_a_child_of_the_head_active_in_their_household(world, report):
    # Glossary Q1 row 14: "refers to the definition of 'youth' as described above, further limited to those
    # with child household members (age < 18 and [relationship to head of household] = 2) also active in the
    # report date range". Youth 12-24 in households without anyone 25 or older: PY1, PY3 (16, partner) and
    # PY5; PY2 counts for H-PY1 through his earlier stay there, though his latest stay is with PY4 (50). PY9
    # (16, child of PY8 whose age is unknown: unknown ages do not decide a youth household) is a youth and is
    # himself a child household member: counted too, as in HUD's Data Lab code (heads and adults only gave 2).
    q5a = tables_for(world, "agree_youth", report)["Q5a"]
    assert cell(q5a, "Number of youth under age 25", CLIENTS) == 4
    assert cell(q5a, "Number of parenting youth under age 25 with children", CLIENTS) == 4


@BOTH_REPORTS
def test_length_of_stay_in_night_by_night_shelter_counts_bed_nights_before_exit_up_to_the_period_end(world, report):
    # Q22a2 instruction 2 / Q22d: length of stay per the glossary, night-by-night shelter by Method 2 without
    # the report start: distinct bed nights ">= [project start date] and < [project exit date] ... and <=
    # [report end date]" ("while the [project exit date] is used for determining active clients, it
    # shouldn't be counted as a bed-night"). AL1: 7 nights (03-02 recorded twice; the night of his 03-20
    # exit does not count): 0 to 7 days (calendar time, 19 days, would be 15 to 21; the exit night 8 to 14).
    # AL2: 12 nights in 2024 and 9 in 2025 = 21 (the 2026 night is after the period): 15 to 21 days.
    tables = tables_for(world, "agree_nbn_length", report)
    if report == "caper":
        columns = ("Total", "Leavers", "Stayers")
        assert row_values(tables["Q22a2"], "0 to 7 days", columns) == [1, 1, 0]
        assert row_values(tables["Q22a2"], "8 to 14 days", columns) == [0, 0, 0]
        assert row_values(tables["Q22a2"], "15 to 21 days", columns) == [1, 0, 1]
        assert row_values(tables["Q22a2"], "22 to 30 days", columns) == [0, 0, 0]
        assert row_values(tables["Q22d"], "7 days or less") == [1, 1, 0, 0, 0]
        assert row_values(tables["Q22d"], "15 to 21 days") == [1, 1, 0, 0, 0]
    else:
        assert row_values(tables["Q22a1"], "30 days or less", ("Total", "Leavers", "Stayers")) == [2, 1, 1]
        assert row_values(tables["Q22b"], "Average Length", ("Leavers", "Stayers")) == [7, 21]


@BOTH_REPORTS
def test_a_member_who_left_before_the_household_moved_in_exited_without_move_in(world, report):
    # Glossary "Handling Housing Move-In Dates": "If the household member exited before the household moved
    # into housing, they do not inherit this [housing move-in date]." AGREE-RRH: AR1 (head) entered 02-01 and
    # moved in 04-01: 59 days (31 to 60); her partner AR2 left on 03-15: a leaver who never moved in, Q22c
    # row 13 (instruction 4), and not in Q7a row 7. (HUD's Data Lab code gives AR2 the head's move-in: 31 to
    # 60 twice and none exited without move-in.)
    tables = tables_for(world, "agree_move_in", report)
    q22c = tables["Q22c"]
    assert row_values(q22c, "31 to 60 days") == [1, 1, 0, 0, 0]
    assert row_values(q22c, "Total (persons moved into housing)") == [1, 1, 0, 0, 0]
    assert row_values(q22c, "Average length of time to housing") == [59, 59, 0, 0, 0]
    assert row_values(q22c, "Persons who were exited without move-in") == [1, 1, 0, 0, 0]
    assert row_values(q22c, "Total persons") == [2, 2, 0, 0, 0]
    moved_in = "For PSH & RRH – the total persons served who moved into housing"
    assert row_values(tables["Q7a"], moved_in) == [1, 1, 0, 0, 0]


@BOTH_REPORTS
def test_q8b_counts_a_services_only_head_once_by_her_latest_household_type(world, report):
    # AGREE-SSO (project type 6): SV1 and her son SV2 (H-SV1A, 2025-01-10) leave on 2025-04-30, the last
    # Wednesday of April; SV1 enrolls again alone that day (H-SV1B, open). A non-residential stay counts
    # on its exit date (Q7b instruction 7), so on April 30 both households are there, with one head.
    # Q8b counts heads ("a distinct count of [personal IDs] of all heads of households", glossary,
    # Unduplicated Household Counts) "according to the household type from their latest project stay –
    # even if that is not the household makeup present on the point in time" (Q8b instruction 4): SV1's
    # latest stay is H-SV1B, without children, in every month she is there (January too, when she was
    # with her son). H-SV3: SV4 (16) enrolled 2025-04-20, his father SV3, the head, on 05-05; on April 30
    # the household is there through SV4 ("at least one client active in the household", instruction 5)
    # and counts under its head, with children and adults. Columns Total, Without Children, With Children
    # and Adults, With Only Children, Unknown Household Type; rows January, April, July, October.
    tables = tables_for(world, "agree_services_only", report)
    months = ("January", "April", "July", "October")
    assert [row_values(tables["Q8b"], month, HOUSEHOLD_TYPES) for month in months] == [
        [1, 1, 0, 0, 0],
        [2, 1, 1, 0, 0],
        [2, 1, 1, 0, 0],
        [2, 1, 1, 0, 0],
    ]
    # Q7b counts persons, each by their own latest stay: SV2's is with his mother (with children and
    # adults). January SV1 SV2; April SV1 SV2 SV4; July and October SV1 SV3 SV4.
    assert [row_values(tables["Q7b"], month, HOUSEHOLD_TYPES) for month in months] == [
        [2, 1, 1, 0, 0],
        [3, 1, 2, 0, 0],
        [3, 1, 2, 0, 0],
        [3, 1, 2, 0, 0],
    ]
