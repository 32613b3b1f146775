"""APR/CAPER question tables HUD added or asks for a sub-population (Q13a2-Q27m), from hand-built fixtures.

Every expected cell is worked out by hand from the households in fixtures/apr/question_households.py
and apr_world.py (the report period is calendar 2025); the comments show the working. The tables
come through the whole path (HMIS CSV zip -> ingestion -> dbt build -> report_tables) of
the one warehouse the APR tests share.
"""

from __future__ import annotations

import pytest
from fixtures.apr.apr_world import rule_request
from fixtures.apr.built_world import BuiltWorld, built_world
from fixtures.apr.cells import DK_PNTA, RACES, TOTAL, WITH_CHILDREN_AND_ADULTS, WITHOUT_CHILDREN, cell, row_values

BOTH_REPORTS = pytest.mark.parametrize("report", ["apr", "caper"])
# Q13's columns B-G, Q25's B-E, the income columns, the ten race and ethnicity groups
SPLIT = (
    "Total Persons", "Without Children", "Adults in HH with Children & Adults",
    "Children in HH with Children & Adults", "With Only Children", "Unknown Household Type",
)  # fmt: skip
NO_CHILD_ONLY = (TOTAL, WITHOUT_CHILDREN, WITH_CHILDREN_AND_ADULTS, "Unknown Household Type")
BENEFITS = ("Benefit at Start", "Benefit at Latest Annual Assessment for Stayers", "Benefit at Exit for Leavers")
INCOME = ("Income at Start", "Income at Latest Annual Assessment for Stayers", "Income at Exit for Leavers")
LEAVERS_STAYERS = ("Leavers", "Stayers")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> BuiltWorld:
    return built_world(tmp_path_factory)


def tables_for(world: BuiltWorld, rule: str, report: str):
    return world.tables(rule_request(rule, report))


# conditions, domestic violence, income at exit (HEALTH-TH) ------------------------------------------


def test_number_of_conditions_at_start_exit_and_for_stayers(world):
    tables = tables_for(world, "health_and_income", "apr")
    # HL1, HL2, HL4 live alone (without children); HL3 and her child HL3C are a family.
    # At start: HL1 mental health + alcohol and drug use (counts 2) = 3; HL2 none recorded, answered no;
    # HL3 none recorded but disabled: condition unknown; HL3C not collected (99); HL4 doesn't know (8).
    q13a2 = tables["Q13a2"]
    assert row_values(q13a2, "None", SPLIT) == [1, 1, 0, 0, 0, 0]
    assert row_values(q13a2, "1 Condition", SPLIT) == [0, 0, 0, 0, 0, 0]
    assert row_values(q13a2, "3+ Conditions", SPLIT) == [1, 1, 0, 0, 0, 0]
    assert row_values(q13a2, "Condition Unknown", SPLIT) == [1, 0, 1, 0, 0, 0]
    assert row_values(q13a2, DK_PNTA, SPLIT) == [1, 1, 0, 0, 0, 0]
    assert row_values(q13a2, "Data Not Collected", SPLIT) == [1, 0, 0, 1, 0, 0]
    assert row_values(q13a2, "Total", SPLIT) == [5, 3, 1, 1, 0, 0]
    # Leavers HL1 (mental health at exit: 1) and HL2 (no exit record, not disabled: none).
    q13b2 = tables["Q13b2"]
    assert row_values(q13b2, "None", SPLIT) == [1, 1, 0, 0, 0, 0]
    assert row_values(q13b2, "1 Condition", SPLIT) == [1, 1, 0, 0, 0, 0]
    assert row_values(q13b2, "Total", SPLIT) == [2, 2, 0, 0, 0, 0]
    # Stayers: HL3's latest record (a June update) has a chronic health condition; HL3C and HL4 none.
    q13c2 = tables["Q13c2"]
    assert row_values(q13c2, "1 Condition", SPLIT) == [1, 0, 1, 0, 0, 0]
    assert row_values(q13c2, "Condition Unknown", SPLIT) == [0, 0, 0, 0, 0, 0]
    assert row_values(q13c2, DK_PNTA, SPLIT) == [1, 1, 0, 0, 0, 0]
    assert row_values(q13c2, "Data Not Collected", SPLIT) == [1, 0, 0, 1, 0, 0]
    assert row_values(q13c2, "Total", SPLIT) == [3, 1, 1, 1, 0, 0]


@BOTH_REPORTS
def test_domestic_violence_of_adults_and_heads_from_the_latest_record(world, report):
    tables = tables_for(world, "health_and_income", report)
    # Adults and heads: HL1, HL2, HL4 (alone), HL3 (family); the child HL3C is not asked.
    # HL1 yes (her 2026 record does not exist yet), HL3 yes, HL2 no, HL4 no record.
    q14a = tables["Q14a"]
    assert row_values(q14a, "Yes") == [2, 1, 1, 0, 0]
    assert row_values(q14a, "No") == [1, 1, 0, 0, 0]
    assert row_values(q14a, "Data Not Collected") == [1, 1, 0, 0, 0]
    assert row_values(q14a, "Total") == [4, 3, 1, 0, 0]
    # The survivors: HL1 within the past three months (not the 2026 "three to six months"), HL3 a year ago or more.
    q14b = tables["Q14b"]
    assert row_values(q14b, "Within the past three months") == [1, 1, 0, 0, 0]
    assert row_values(q14b, "Three to six months ago") == [0, 0, 0, 0, 0]
    assert row_values(q14b, "One year ago, or more") == [1, 0, 1, 0, 0]
    assert row_values(q14b, "Total") == [2, 1, 1, 0, 0]


@BOTH_REPORTS
def test_disabling_condition_and_income_at_exit(world, report):
    q19b = tables_for(world, "health_and_income", report)["Q19b"]
    ao = ("AO: Adult with Disabling Condition", "AO: Adult without Disabling Condition", "AO: Total Adults",
          "AO: % with Disabling Condition by Source")  # fmt: skip
    # Adult leavers who answered 3.08 and income at exit: HL1 (disabled; earned $800 + SSDI $300) and HL2
    # (not disabled; no income). Both live alone: AO.
    assert row_values(q19b, "Earned Income", ao) == [1, 0, 1, 1]
    assert row_values(q19b, "Social Security Disability Insurance (SSDI)", ao) == [1, 0, 1, 1]
    assert row_values(q19b, "Supplemental Security Income (SSI)", ao) == [0, 0, 0, 0]
    assert row_values(q19b, "No Sources", ao) == [0, 1, 1, 0]
    # The unduplicated total leaves the share blank.
    assert row_values(q19b, "Unduplicated Total Adults", ao) == [1, 1, 2, None]
    assert cell(q19b, "Unduplicated Total Adults", "AC: Total Adults") == 0


def test_number_of_non_cash_benefit_sources(world):
    q20b = tables_for(world, "health_and_income", "apr")["Q20b"]
    # At start: HL1 SNAP (1+), HL2 answered no, HL3 doesn't know (8), HL4 no record.
    # Annual assessment: stayers HL3 and HL4 entered in 2025: none owed yet -> not collected.
    # At exit: heads HL1 (answered no) and HL2 (benefits not answered).
    assert row_values(q20b, "No Sources", BENEFITS) == [1, 0, 1]
    assert row_values(q20b, "1 + Source(s)", BENEFITS) == [1, 0, 0]
    assert row_values(q20b, DK_PNTA, BENEFITS) == [1, 0, 0]
    assert row_values(q20b, "Data Not Collected/Not stayed long enough for Annual Assessment", BENEFITS) == [1, 2, 1]
    assert row_values(q20b, "Total", BENEFITS) == [4, 2, 2]


# destinations, subsidies, race groups, lengths (EXITS-TH) ------------------------------------------


@BOTH_REPORTS
def test_exits_to_rental_with_a_subsidy_by_subsidy_type(world, report):
    tables = tables_for(world, "exits", report)
    # 435 leavers: X1 VASH, X2 HCV, X3 no subsidy type, X5 PSH; all single adults (without children).
    assert cell(tables["Q23c"], "Rental by client, with ongoing housing subsidy", TOTAL) == 4
    q23d = tables["Q23d"]
    assert row_values(q23d, "VASH housing subsidy") == [1, 1, 0, 0, 0]
    assert row_values(q23d, "HCV voucher (tenant or project based) (not dedicated)") == [1, 1, 0, 0, 0]
    assert row_values(q23d, "Permanent Supportive Housing") == [1, 1, 0, 0, 0]
    assert row_values(q23d, "RRH or equivalent subsidy") == [0, 0, 0, 0, 0]
    # The total counts the valid subsidy types only: X3 is left out (4 - 1).
    assert row_values(q23d, "Total") == [3, 3, 0, 0, 0]


@BOTH_REPORTS
def test_destination_classes_by_race_and_ethnicity(world, report):
    q23e = tables_for(world, "exits", report)["Q23e"]
    columns = (TOTAL, *RACES)
    # X4 (Hispanic/Latina/e/o only) left to the street; X1, X3 (White), X2 (Black and Asian: multi-racial
    # without Hispanic), X5 (prefers not to answer: unknown) to rental with a subsidy.
    assert row_values(q23e, "Homeless Situations", columns) == [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]
    assert row_values(q23e, "Permanent Situations", columns) == [4, 0, 0, 0, 0, 0, 0, 2, 0, 1, 1]
    assert row_values(q23e, "Other Situations", columns) == [0] * 11
    assert row_values(q23e, "Total", columns) == [5, 0, 0, 0, 1, 0, 0, 2, 0, 1, 1]


def test_veteran_and_youth_exits(world):
    tables = tables_for(world, "exits", "apr")
    # Veteran leavers: X1 only, to 435 with VASH: positive (permanent), nobody excluded: 1 / (1 - 0).
    q25i = tables["Q25i"]
    assert row_values(q25i, "Rental by client, with ongoing housing subsidy") == [1, 1, 0, 0, 0]
    assert row_values(q25i, "Total") == [1, 1, 0, 0, 0]
    assert row_values(q25i, "Percentage") == [1, 1, 0, 0, 0]
    assert row_values(tables["Q25j"], "VASH housing subsidy", NO_CHILD_ONLY) == [1, 1, 0, 0]
    assert row_values(tables["Q25j"], "Total", NO_CHILD_ONLY) == [1, 1, 0, 0]
    # Youth leavers (12-24, nobody 25+ with them): X4 (20) to the street, X5 (22) to 435 with PSH:
    # 1 positive of 2, nobody excluded: 0.5.
    q27f1 = tables["Q27f1"]
    assert row_values(q27f1, 2) == [1, 1, 0, 0, 0]  # 116, place not meant for habitation (HUD row 3)
    assert row_values(q27f1, "Rental by client, with ongoing housing subsidy") == [1, 1, 0, 0, 0]
    assert cell(q27f1, "Total", TOTAL) == 2
    assert cell(q27f1, "Total persons exiting to positive housing destinations", TOTAL) == 1
    assert cell(q27f1, "Percentage", TOTAL) == 0.5
    assert row_values(tables["Q27f2"], "Permanent Supportive Housing") == [1, 1, 0, 0, 0]
    assert row_values(tables["Q27f2"], "Total") == [1, 1, 0, 0, 0]


def test_average_and_median_length_of_participation(world):
    tables = tables_for(world, "exits", "apr")
    # Leavers' days: X1 10, X2 30 (Feb 1 -> Mar 3), X3 100, X4 20, X5 30: average 190 / 5 = 38, median 30.
    # Stayer X6: 2025-12-01 -> the day after the period end = 31.
    assert row_values(tables["Q22b"], "Average Length", LEAVERS_STAYERS) == [38, 31]
    assert row_values(tables["Q22b"], "Median Length", LEAVERS_STAYERS) == [30, 31]
    # Youth: X4 20 and X5 30 days: average and median 25; no youth stayer: 0.
    assert row_values(tables["Q27j"], "Average Length", LEAVERS_STAYERS) == [25, 0]
    assert row_values(tables["Q27j"], "Median Length", LEAVERS_STAYERS) == [25, 0]
    assert row_values(tables["Q27e"], "30 days or less", (TOTAL, *LEAVERS_STAYERS)) == [2, 2, 0]


def test_length_of_participation_by_household_type(world):
    q22d = tables_for(world, "exits", "caper")["Q22d"]
    # X1 10 days (8-14); X4 20 (15-21); X2, X5 30 (22-30); X6 31 (31-60); X3 100 (91-180). All alone.
    assert row_values(q22d, "8 to 14 days") == [1, 1, 0, 0, 0]
    assert row_values(q22d, "15 to 21 days") == [1, 1, 0, 0, 0]
    assert row_values(q22d, "22 to 30 days") == [2, 2, 0, 0, 0]
    assert row_values(q22d, "31 to 60 days") == [1, 1, 0, 0, 0]
    assert row_values(q22d, "91 to 180 days") == [1, 1, 0, 0, 0]
    assert row_values(q22d, "Total") == [6, 6, 0, 0, 0]


# move-in by race, moving on assistance (MOVEIN-PSH / MOVEIN-RRH) ------------------------------------


@BOTH_REPORTS
def test_time_to_move_in_by_race_and_ethnicity(world, report):
    q22f = tables_for(world, "move_in", report)["Q22f"]
    white, asian = RACES.index("White"), RACES.index("Asian or Asian American")
    hispanic_and_more = RACES.index("At Least 1 Race and Hispanic/Latina/e/o")
    # Q22c's people: moved in M1A, M1B (White, 42 days each) and M1C (Asian, 0 days); left without moving
    # in M1D (White) and M4A (Black and Hispanic/Latina/e/o).
    moved_in = row_values(q22f, "Persons Moved into housing", RACES)
    assert (moved_in[white], moved_in[asian], sum(moved_in)) == (2, 1, 3)
    exited = row_values(q22f, "Persons who were exited without move-in", RACES)
    assert (exited[white], exited[hispanic_and_more], sum(exited)) == (1, 1, 2)
    assert row_values(q22f, "Average time to Move-In", RACES)[white] == 42
    assert row_values(q22f, "Median time to Move-In", RACES)[asian] == 0


@BOTH_REPORTS
def test_time_prior_to_housing_by_race_and_ethnicity(world, report):
    q22g = tables_for(world, "move_in", report)["Q22g"]
    white = RACES.index("White")
    # Q22e's people with a usable homelessness start: M1A and M1B (her child, the head's date) 104 days to
    # move-in, M5A 75 days; all White. The others have no start date and are left out.
    moved_in = row_values(q22g, "Persons Moved into housing", RACES)
    assert (moved_in[white], sum(moved_in)) == (3, 3)
    assert sum(row_values(q22g, "Persons not yet moved into housing", RACES)) == 0
    assert row_values(q22g, "Average time to Move-In", RACES)[white] == pytest.approx(94.3333)  # 283 / 3
    assert row_values(q22g, "Median time to Move-In", RACES)[white] == 104


def test_moving_on_assistance_counts_psh_heads(world):
    q24b = tables_for(world, "move_in", "apr")["Q24b"]
    # PSH heads: M1A (family) had financial help twice and a referral; M2A (alone) an application.
    # M1B's non-financial help does not count (not the head), nor does M4A's (RRH, not PSH).
    assert row_values(q24b, "Subsidized housing application assistance") == [1, 1, 0, 0, 0]
    assert row_values(q24b, "Financial assistance for Moving On (e.g., security deposit, moving expenses)") == [
        1, 0, 1, 0, 0,
    ]  # fmt: skip
    assert row_values(
        q24b, "Non-financial assistance for Moving On (e.g., housing navigation, transition support)"
    ) == [0, 0, 0, 0, 0]
    assert row_values(q24b, "Housing referral/placement") == [1, 0, 1, 0, 0]


# veterans and chronic homelessness (CH-ES) --------------------------------------------------------


def test_veteran_households_and_ages(world):
    tables = tables_for(world, "chronic_household", "apr")
    # H-CH1 has a chronically homeless veteran (CH1A); H-CH2 a veteran who is not (CH2A); H-CH3's only adult
    # doesn't know (8); H-CH4's was not asked (99). H-CH1-3 have children; H-CH4 is one adult.
    q25b = tables["Q25b"]
    assert row_values(q25b, "Chronically Homeless Veteran", NO_CHILD_ONLY) == [1, 0, 1, 0]
    assert row_values(q25b, "Non-Chronically Homeless Veteran", NO_CHILD_ONLY) == [1, 0, 1, 0]
    assert row_values(q25b, "Not a Veteran", NO_CHILD_ONLY) == [0, 0, 0, 0]
    assert row_values(q25b, DK_PNTA, NO_CHILD_ONLY) == [1, 0, 1, 0]
    assert row_values(q25b, "Data Not Collected", NO_CHILD_ONLY) == [1, 1, 0, 0]
    assert row_values(q25b, "Total", NO_CHILD_ONLY) == [4, 1, 3, 0]
    # Veterans' ages at entry: CH1A 49 (1975-05-05 -> 2025-02-01), CH2A 44 (1980-10-10 -> 2025-03-01).
    q25d = tables["Q25d"]
    assert row_values(q25d, "35-44", NO_CHILD_ONLY) == [1, 0, 1, 0]
    assert row_values(q25d, "45-54", NO_CHILD_ONLY) == [1, 0, 1, 0]
    assert row_values(q25d, "Total", NO_CHILD_ONLY) == [2, 0, 2, 0]


@BOTH_REPORTS
def test_chronically_homeless_persons(world, report):
    q26b = tables_for(world, "chronic_household", report)["Q26b"]
    # CH: CH1A and the spouse and child who entered with her (CH1B, CH1C). Not: CH1D (joined later), CH2A,
    # CH2B (follows her head). Don't know: CH3A, CH3B. Not collected: CH4A (alone).
    assert row_values(q26b, "Chronically Homeless") == [3, 0, 3, 0, 0]
    assert row_values(q26b, "Not Chronically Homeless") == [3, 0, 3, 0, 0]
    assert row_values(q26b, DK_PNTA) == [2, 0, 2, 0, 0]
    assert row_values(q26b, "Data Not Collected") == [1, 1, 0, 0, 0]
    assert row_values(q26b, "Total") == [9, 1, 8, 0, 0]


def test_chronically_homeless_persons_by_age_and_condition(world):
    tables = tables_for(world, "chronic_household", "apr")
    # Ages: CH1A 49, CH1B 46 (1978-08-08 -> 2025-02-01), CH1C 6. Blank: children without children,
    # adults in child-only households.
    q26d = tables["Q26d"]
    assert row_values(q26d, "0 - 17") == [1, None, 1, 0, 0]
    assert row_values(q26d, "45-54") == [2, 0, 2, None, 0]
    assert row_values(q26d, "Total") == [3, 0, 3, 0, 0]
    # CH1A's mental health disorder at start is also her latest answer (she stays); nobody left.
    columns = ("Conditions At Start", "Conditions at Latest Assessment for Stayers", "Conditions at Exit for Leavers")
    assert row_values(tables["Q26e"], "Mental Health Disorder", columns) == [1, 1, 0]
    assert row_values(tables["Q26e"], "Chronic Health Condition", columns) == [0, 0, 0]


# youth (YOUTH-TH) --------------------------------------------------------------------------------------


def test_youth_ages_and_parenting_youth(world):
    tables = tables_for(world, "youth", "apr")
    # Youth: Y1 19 (with her baby: with children and adults), Y3 17 (alone: only children), Y4 16 (with her
    # baby: only children). The babies are not youth (under 12).
    q27a = tables["Q27a"]
    assert row_values(q27a, "12-17") == [2, None, 0, 2, 0]
    assert row_values(q27a, "18-24") == [1, 0, 1, None, 0]
    assert row_values(q27a, "Total") == [3, 0, 1, 2, 0]
    # Parenting youth heads: Y4 (16) and Y1 (19), each with one child: 2 people, 1 household per row.
    columns = ("Total parenting youth", "Total children of parenting youth", "Total persons", "Total Households")
    assert row_values(tables["Q27b"], "Parent youth < 18", columns) == [1, 1, 2, 1]
    assert row_values(tables["Q27b"], "Parent youth 18 to 24", columns) == [1, 1, 2, 1]


def test_youth_heads_prior_living_situation(world):
    q27d = tables_for(world, "youth", "apr")["Q27d"]
    # Youth heads: Y1 from the street (116), Y3 from foster care (215), Y4 not collected.
    assert cell(q27d, 2, TOTAL) == 1 and cell(q27d, 2, WITH_CHILDREN_AND_ADULTS) == 1  # 116 (HUD row 3)
    assert cell(q27d, 7, TOTAL) == 1 and cell(q27d, 7, "With Only Children") == 1  # 215 (HUD row 8)
    assert row_values(q27d, 29) == [1, 0, 0, 1, 0]  # Data Not Collected (HUD row 30)
    assert row_values(q27d, "Total") == [3, 0, 1, 2, 0]


def test_youth_income(world):
    tables = tables_for(world, "youth", "apr")
    # Youth adults and heads: Y1 earned $400 at start, $600 at exit; Y3 (a head of 17) no income at start or
    # exit; Y4 (16, head) no record, and no annual assessment owed yet.
    q27g = tables["Q27g"]
    assert row_values(q27g, "Earned Income", INCOME) == [1, 0, 1]
    # Answered at start and exit: Y1 (yes, yes) and Y3 (no, no).
    assert row_values(q27g, "Youth with Income Information at Start and Annual Assessment/Exit", INCOME) == [None, 0, 2]
    q27h = tables["Q27h"]
    columns = ("Number of Youth at Start", "Number of Youth at Annual Assessment (Stayers)",
               "Number of Youth at Exit (Leavers)")  # fmt: skip
    assert row_values(q27h, "Youth with Only Earned Income (i.e., Employment Income)", columns) == [1, 0, 1]
    assert row_values(q27h, "Youth with No Income", columns) == [1, 0, 1]
    assert row_values(q27h, "Youth with Missing Income Information", columns) == [1, 0, 0]
    assert row_values(q27h, "Number of youth stayers not yet required to have an annual assessment", columns) == [
        None, 1, None,
    ]  # fmt: skip
    assert row_values(q27h, "Total Youth", columns) == [3, 1, 2]
    # At exit: Y1 (with children and adults, not disabled, earned), Y3 (only children, disabled, no income).
    q27i = tables["Q27i"]
    ac = ("AC: Youth with Disabling Condition", "AC: Youth without Disabling Condition", "AC: Total Youths",
          "AC: % with Disabling Condition by Source")  # fmt: skip
    co = ("CO: Youth with Disabling Condition", "CO: Youth without Disabling Condition", "CO: Total Youths",
          "CO: % with Disabling Condition by Source")  # fmt: skip
    assert row_values(q27i, "Earned Income", ac) == [0, 1, 1, 0]
    assert row_values(q27i, "No Sources", co) == [1, 0, 1, 1]
    assert row_values(q27i, "Unduplicated Total Youth", ac + co) == [0, 1, 1, None, 1, 0, 1, None]


def test_youth_lengths(world):
    q27j = tables_for(world, "youth", "apr")["Q27j"]
    # Leavers Y1 214 days (Mar 1 -> Oct 1), Y3 61 (May 1 -> Jul 1): average and median 137.5; stayer Y4 214.
    assert row_values(q27j, "Average Length", LEAVERS_STAYERS) == [137.5, 214]
    assert row_values(q27j, "Median Length", LEAVERS_STAYERS) == [137.5, 214]


def test_youth_education_status_of_yhdp_leavers(world):
    q27m = tables_for(world, "youth", "apr")["Q27m"]
    columns = ("At Project Start", "At Project Exit")
    # Youth heads who left this YHDP project: Y1 and Y3. Y1: not enrolled, dropped out of K12 at start;
    # enrolled and attending, pursuing a high school diploma or GED at exit. Y3 has no record: not collected.
    assert row_values(q27m, 1, columns) == [1, 0]  # not currently enrolled
    assert row_values(q27m, 3, columns) == [0, 1]  # enrolled and attending regularly
    assert row_values(q27m, 5, columns) == [1, 1]  # data not collected (Y3)
    assert row_values(q27m, 6, columns) == [None, None]  # header: for those not enrolled
    assert row_values(q27m, 9, columns) == [1, 0]  # K12: dropped out
    assert row_values(q27m, 18, columns) == [0, 1]  # pursuing a high school diploma or GED
    assert row_values(q27m, "Total", columns) == [2, 2]


# homelessness prevention (HP, CAPER) -------------------------------------------------------------------


def test_prevention_housing_assessment_at_exit(world):
    tables = tables_for(world, "prevention", "caper")
    q24a = tables["Q24a"]
    # Leavers: PV1 kept her housing with the subsidy she had; PV2 moved, subsidy not answered (not
    # collected); PV3 no assessment (not collected); PV4 doesn't know. PV5 still enrolled. All alone.
    with_subsidy = "Able to maintain the housing they had at project start--With the subsidy they had at project start"
    assert row_values(q24a, with_subsidy) == [1, 1, 0, 0, 0]
    assert row_values(q24a, "Moved to new housing unit--With on-going subsidy") == [0, 0, 0, 0, 0]
    assert row_values(q24a, DK_PNTA) == [1, 1, 0, 0, 0]
    assert row_values(q24a, "Data not collected (no exit interview completed)") == [2, 2, 0, 0, 0]
    assert row_values(q24a, "Total") == [4, 4, 0, 0, 0]
    # PV1 left to rental with an HCV, but prevention is not reported in Q23d.
    assert cell(tables["Q23c"], "Rental by client, with ongoing housing subsidy", TOTAL) == 1
    assert cell(tables["Q23d"], "Total", TOTAL) == 0
