"""APR and CAPER universe rules (glossary-and-universes.md, apr-caper.md), one hand-built fixture each.

Every expected cell below is worked out by hand from the households in fixtures/apr/apr_world.py
(the report period is calendar 2025); the comments show the working. The tables come through the
whole path: HMIS CSV zip -> ingestion -> meta.report_requests -> dbt build -> report_tables.
"""

from __future__ import annotations

import pytest
from fixtures.apr.apr_world import rule_request
from fixtures.apr.built_world import BuiltWorld, built_world
from fixtures.apr.cells import DK_PNTA, TOTAL, WITH_CHILDREN_AND_ADULTS, WITHOUT_CHILDREN, cell, row_values

BOTH_REPORTS = pytest.mark.parametrize("report", ["apr", "caper"])
CLIENTS = "Count of Clients"
CLIENTS_FOR_DQ = "Count of Clients for DQ"
LOS = (TOTAL, "Leavers", "Stayers")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> BuiltWorld:
    return built_world(tmp_path_factory)


def tables_for(world: BuiltWorld, rule: str, report: str):
    return world.tables(rule_request(rule, report))


# latest stay per person -----------------------------------------------------------------------------


@BOTH_REPORTS
def test_latest_stay_per_person_is_counted_once(world, report):
    tables = tables_for(world, "latest_stay", report)
    q5a = tables["Q5a"]
    # L1 (ES then TH), L2 (two stays entered the same day), L3 (two ES stays); L4 left in 2024.
    assert cell(q5a, "Total number of persons served", CLIENTS) == 3
    # Latest stays: L1 TH (open), L2 TH (the open stay wins the tie on entry date), L3 ES June-July (left).
    assert cell(q5a, "Number of leavers", CLIENTS) == 1
    assert cell(q5a, "Number of stayers", CLIENTS) == 2
    # Q4a: each person shows under the project of the stay that reports them: ES has L3, TH has L1 and L2.
    q4a = tables["Q4a"].frame.set_index("Project ID")
    assert q4a.loc["LATEST-ES", "Total Active Clients"] == 1
    assert q4a.loc["LATEST-TH", "Total Active Clients"] == 2
    assert q4a.loc["LATEST-TH", "Total Active Households"] == 2


@BOTH_REPORTS
def test_only_the_latest_stays_exit_reaches_the_destination_table(world, report):
    q23c = tables_for(world, "latest_stay", report)["Q23c"]
    # L1's exit to TH (302), L2's exit to rental (410, tie lost) and L3's January exit to the street
    # (116) belong to earlier stays: only L3's July exit to 410 is reported.
    assert cell(q23c, "Total", TOTAL) == 1
    assert cell(q23c, "Rental by client, no ongoing housing subsidy", TOTAL) == 1
    assert cell(q23c, 5, TOTAL) == 0  # homeless subtotal (HUD row 6)
    assert cell(q23c, 22, TOTAL) == 0  # temporary subtotal (HUD row 23)
    # 410 is permanent: positive, nobody excluded: 1 / (1 - 0).
    assert cell(q23c, "Total persons exiting to positive housing destinations", TOTAL) == 1
    assert cell(q23c, "Percentage", TOTAL) == 1


def test_length_of_participation_uses_the_latest_stay(world):
    apr, caper = tables_for(world, "latest_stay", "apr"), tables_for(world, "latest_stay", "caper")
    # L1: 2025-03-01 to the day after the period end (2026-01-01) = 306 days, stayer;
    # L2: 2025-05-01 -> 2026-01-01 = 245 days, stayer; L3: 2025-06-01 -> 2025-07-01 = 30 days, leaver.
    assert row_values(apr["Q22a1"], "30 days or less", LOS) == [1, 1, 0]
    assert row_values(apr["Q22a1"], "181 to 365 days", LOS) == [2, 0, 2]
    assert row_values(caper["Q22a2"], "22 to 30 days", LOS) == [1, 1, 0]
    assert row_values(caper["Q22a2"], "181 to 365 days", LOS) == [2, 0, 2]


# leavers and stayers --------------------------------------------------------------------------------


@BOTH_REPORTS
def test_exits_on_the_period_edges_make_leavers_and_later_exits_stayers(world, report):
    q5a = tables_for(world, "leavers_and_stayers", report)["Q5a"]
    # S1 exits on 2025-12-31 (leaver), S2 on 2026-01-05 (after the end: stayer), S3 on 2025-01-01
    # (active, leaver), S4 on 2024-12-31 (not active), S5 open (stayer): 4 people.
    assert cell(q5a, "Total number of persons served", CLIENTS) == 4
    assert cell(q5a, "Number of leavers", CLIENTS) == 2  # S1, S3
    assert cell(q5a, "Number of adult leavers", CLIENTS) == 2
    assert cell(q5a, "Number of stayers", CLIENTS) == 2  # S2, S5
    assert cell(q5a, "Number of adult stayers", CLIENTS) == 2
    # Stayers 365+ days: S5 2024-02-01 -> 2026-01-01 = 700 days; S2 only 306.
    assert cell(q5a, "Heads of households and adult stayers in the project 365 days or more", CLIENTS) == 1


@BOTH_REPORTS
def test_annual_assessment_is_owed_only_after_a_year(world, report):
    q16 = tables_for(world, "leavers_and_stayers", report)["Q16"]
    aa = "Income at Latest Annual Assessment for Stayers"
    # S5's anniversary (entry 2024-02-01) is 2025-02-01, before the period end: owed, none recorded.
    # S2 entered 2025-03-01: no full year by 2025-12-31, not yet owed.
    assert cell(q16, "Number of adult stayers not yet required to have an annual assessment", aa) == 1
    assert cell(q16, "Number of adult stayers without required annual assessment", aa) == 1
    assert cell(q16, "Total Adults", aa) == 2
    # Nobody has an income record: all 4 adults at start and both leavers at exit are "not collected".
    assert cell(q16, "Data Not Collected", "Income at Start") == 4
    assert cell(q16, "Data Not Collected", "Income at Exit for Leavers") == 2
    # Blank cells stay blank.
    assert cell(q16, "Number of adult stayers not yet required to have an annual assessment", "Income at Start") is None


def test_length_buckets_of_leavers_and_stayers(world):
    q22a1 = tables_for(world, "leavers_and_stayers", "apr")["Q22a1"]
    # S2 306 days (stayer); S1 2024-06-01 -> 2025-12-31 = 578, S3 2024-01-01 -> 2025-01-01 = 366 (leavers);
    # S5 700 (stayer).
    assert row_values(q22a1, "181 to 365 days", LOS) == [1, 0, 1]
    assert row_values(q22a1, "366 to 730 days (1-2 Yrs)", LOS) == [3, 2, 1]
    assert row_values(q22a1, "Total", LOS) == [4, 2, 2]


# household type by each member's age ----------------------------------------------------------------


@BOTH_REPORTS
def test_household_type_comes_from_each_members_own_age(world, report):
    tables = tables_for(world, "household_type", report)
    q7a = tables["Q7a"]
    # Ages at max(own entry, 2025-01-01): H-A 40 + 9 + 0 (newborn joins in August); H-B 18 (17 at entry,
    # 18 on the period start) + 14; H-C 16 + 16; H-D 55 + no DOB (99); H-E 45 + 5 + no DOB (8);
    # H-F 65 + 18 (17 on the head's entry, 18 on her own); H-G 20 + 0.
    # Types: H-A, H-B, H-E, H-G with children and adults; H-F without children (F2 is an adult on
    # her own entry); H-C only children; H-D unknown (adult + unknown age, no child).
    # Adults: A1 B1 E1 G1 (with children) + F1 F2 (without) + D1 (unknown) = 7; E2 = only-children blank.
    assert row_values(q7a, "Adults") == [7, 2, 4, None, 1]
    # Children: A2 A3 B2 E2 G2 (with children and adults) + C1 C2 (only children) = 7; C3 blank.
    assert row_values(q7a, "Children") == [7, None, 5, 2, 0]
    assert row_values(q7a, DK_PNTA) == [1, 0, 1, 0, 0]  # E3: no DOB, quality 8
    assert row_values(q7a, "Data Not Collected") == [1, 0, 0, 0, 1]  # D2: no DOB, quality 99
    assert row_values(q7a, "Total") == [16, 2, 10, 2, 2]
    # Households by their head: A B E G / F / C / D.
    assert row_values(tables["Q8a"], "Total Households") == [7, 1, 4, 1, 1]


@BOTH_REPORTS
def test_age_bands_use_the_later_of_entry_and_period_start(world, report):
    tables = tables_for(world, "household_type", report)
    q11 = tables["Q11"]
    assert row_values(q11, "Under 5") == [2, None, 2, 0, 0]  # A3 0, G2 0
    assert row_values(q11, "5-12") == [2, None, 2, 0, 0]  # A2 9, E2 5
    assert row_values(q11, "13-17") == [3, None, 1, 2, 0]  # B2 14; C1 16, C2 16
    assert row_values(q11, "18-24") == [3, 1, 2, None, 0]  # F2 18; B1 18, G1 20
    assert row_values(q11, "65+") == [1, 1, 0, None, 0]  # F1 65
    assert row_values(q11, "Total") == [16, 2, 10, 2, 2]
    q5a = tables["Q5a"]
    # Youth 12-24 in households without anyone 25+: B1 B2 C1 C2 G1 (F2 lives with a 65-year-old).
    assert cell(q5a, "Number of youth under age 25", CLIENTS) == 5
    # Parenting youth: G1 (20, head) with her baby (relationship 2, under 18).
    assert cell(q5a, "Number of parenting youth under age 25 with children", CLIENTS) == 1
    assert cell(q5a, "Number of child and unknown-age heads of household", CLIENTS) == 1  # C1


# chronic homelessness and household propagation --------------------------------------------------


@BOTH_REPORTS
def test_chronic_homelessness_spreads_to_everyone_present_at_household_start(world, report):
    q5a = tables_for(world, "chronic_household", report)["Q5a"]
    # H-CH1's head is CH (disabled, homeless since 2023-06-01, over a year before entry): the spouse
    # and the child who entered with her are CH too; CH1D joined in May and keeps her own "no".
    # H-CH2's head is not CH (homeless twice in 3 years), H-CH3's doesn't know, H-CH4's is missing.
    assert cell(q5a, "Number of chronically homeless persons", CLIENTS) == 3


def test_households_are_classed_by_their_adults_chronic_status(world):
    q26a = tables_for(world, "chronic_household", "apr")["Q26a"]
    # H-CH1 chronic (with children); H-CH2 not chronic (with children: CH2B is 8); H-CH3 doesn't know
    # (with children); H-CH4 data not collected (single adult).
    assert row_values(q26a, "Chronically Homeless") == [1, 0, 1, 0, 0]
    assert row_values(q26a, "Not Chronically Homeless") == [1, 0, 1, 0, 0]
    assert row_values(q26a, DK_PNTA) == [1, 0, 1, 0, 0]
    assert row_values(q26a, "Data Not Collected") == [1, 1, 0, 0, 0]
    assert row_values(q26a, "Total") == [4, 1, 3, 0, 0]


@BOTH_REPORTS
def test_veterans_split_by_chronic_homelessness(world, report):
    q25a = tables_for(world, "chronic_household", report)["Q25a"]
    columns = (TOTAL, WITHOUT_CHILDREN, WITH_CHILDREN_AND_ADULTS, "Unknown Household Type")
    # Adults: CH1A veteran + CH; CH2A veteran, not CH; CH1B, CH1D not veterans; CH3A doesn't know (8);
    # CH4A not collected (99, alone).
    assert row_values(q25a, "Chronically Homeless Veteran", columns) == [1, 0, 1, 0]
    assert row_values(q25a, "Non-Chronically Homeless Veteran", columns) == [1, 0, 1, 0]
    assert row_values(q25a, "Not a Veteran", columns) == [2, 0, 2, 0]
    assert row_values(q25a, DK_PNTA, columns) == [1, 0, 1, 0]
    assert row_values(q25a, "Data Not Collected", columns) == [1, 1, 0, 0]
    assert row_values(q25a, "Total", columns) == [6, 1, 5, 0]


def test_children_follow_the_adults_chronic_status(world):
    con = world.connect()
    try:
        status = dict(
            con.execute(
                "select personal_id, chronic_status from intermediate.int_report_clients where request_id = ?",
                [rule_request("chronic_household", "apr").request_id],
            ).fetchall()
        )
    finally:
        con.close()
    # CH2B (own: missing) follows the head's "no"; CH3B (own: missing) takes the head's "don't know".
    assert status["CH2B"] == "no"
    assert status["CH3B"] == "dk_pnta"
    assert status["CH1C"] == "yes" and status["CH1D"] == "no"


# move-in ----------------------------------------------------------------------------------------------


@BOTH_REPORTS
def test_move_in_is_inherited_from_the_head_and_ignored_when_invalid_or_late(world, report):
    tables = tables_for(world, "move_in", report)
    # Moved in: M1A (2025-03-15), M1B (entered with her: her date), M1C (joined after: own entry),
    # M5A (2024-12-15). Not: M1D (left 2025-03-01, before the head moved in), M2A (move-in before
    # entry: invalid), M3A (2026-02-01: after the period end), M4A (never).
    assert row_values(tables["Q7a"], 6) == [4, 1, 3, 0, 0]
    # Households moved in: H-M1 (with children) and H-M5.
    assert row_values(tables["Q8a"], 2) == [2, 1, 1, 0, 0]


@BOTH_REPORTS
def test_time_to_move_in_counts_households_moving_in_during_the_period(world, report):
    q22c = tables_for(world, "move_in", report)["Q22c"]
    # H-M1 moved in during 2025: M1A and M1B 2025-02-01 -> 2025-03-15 = 42 days, M1C 0 days.
    # H-M5 moved in before the period: not in this table. Leavers who never moved in: M1D, M4A.
    assert row_values(q22c, "7 days or less") == [1, 0, 1, 0, 0]
    assert row_values(q22c, "31 to 60 days") == [2, 0, 2, 0, 0]
    assert row_values(q22c, "Total (persons moved into housing)") == [3, 0, 3, 0, 0]
    assert row_values(q22c, "Average length of time to housing") == [28, 0, 28, 0, 0]  # (42 + 42 + 0) / 3
    assert row_values(q22c, "Persons who were exited without move-in") == [2, 1, 1, 0, 0]
    assert row_values(q22c, "Total persons") == [5, 1, 4, 0, 0]


@BOTH_REPORTS
def test_time_prior_to_housing_starts_from_the_heads_date_for_children(world, report):
    q22e = tables_for(world, "move_in", report)["Q22e"]
    # M1A homeless since 2024-12-01, housed 2025-03-15: 104 days; M1B entered with her: her date, 104.
    # M5A 2024-10-01 -> 2024-12-15 = 75 days. M1C moved in without a start date: not collected.
    # Not yet moved in: M1D, M2A, M3A, M4A.
    assert row_values(q22e, "61 to 90 days") == [1, 1, 0, 0, 0]
    assert row_values(q22e, "91 to 180 days") == [2, 0, 2, 0, 0]
    assert row_values(q22e, "Total (persons moved into housing)") == [3, 1, 2, 0, 0]
    assert row_values(q22e, "Not yet moved into housing") == [4, 3, 1, 0, 0]
    assert row_values(q22e, "Data not collected") == [1, 0, 1, 0, 0]
    assert row_values(q22e, "Total persons") == [8, 4, 4, 0, 0]


@BOTH_REPORTS
def test_housing_projects_count_people_on_a_pit_night_only_after_move_in(world, report):
    tables = tables_for(world, "move_in", report)
    # Last Wednesdays 2025: Jan 29, Apr 30, Jul 30, Oct 29. Jan: M5A (moved in 2024-12-15).
    # Apr: M1A, M1B (moved in 3/15) + M5A. Jul and Oct: + M1C (moved in on entry, 5/1).
    assert row_values(tables["Q7b"], "January") == [1, 1, 0, 0, 0]
    assert row_values(tables["Q7b"], "April") == [3, 1, 2, 0, 0]
    assert row_values(tables["Q7b"], "July") == [4, 1, 3, 0, 0]
    assert row_values(tables["Q7b"], "October") == [4, 1, 3, 0, 0]
    assert row_values(tables["Q8b"], "January") == [1, 1, 0, 0, 0]
    assert row_values(tables["Q8b"], "July") == [2, 1, 1, 0, 0]


# night-by-night shelter -----------------------------------------------------------------------------


@BOTH_REPORTS
def test_night_by_night_stays_need_a_bed_night_or_an_exit_in_the_period(world, report):
    q5a = tables_for(world, "bed_nights", report)["Q5a"]
    # N1 (nights in January), N3 (exit in March), N4 (exit in January, no nights), N5, N6 are active;
    # N2's nights all fall in 2024 and she has not left: not active.
    assert cell(q5a, "Total number of persons served", CLIENTS) == 5
    assert cell(q5a, "Number of leavers", CLIENTS) == 2  # N3, N4


def test_night_by_night_length_is_the_number_of_bed_nights(world):
    apr, caper = tables_for(world, "bed_nights", "apr"), tables_for(world, "bed_nights", "caper")
    # Bed nights from entry to the period end, before exit, each night once: N1 6, N3 4 (not the exit
    # night), N4 0, N5 3 (one night recorded twice; the 2026 night is after the end), N6 3.
    # By calendar days N1 would be 377 days: the table would show her in "366 to 730".
    assert row_values(apr["Q22a1"], "30 days or less", LOS) == [5, 2, 3]
    assert row_values(caper["Q22a2"], "0 to 7 days", LOS) == [5, 2, 3]


@BOTH_REPORTS
def test_inactive_night_by_night_stayers_have_no_bed_night_in_the_last_90_days(world, report):
    tables = tables_for(world, "bed_nights", report)
    q6f = tables["Q6f"]
    columns = ("# of Records", "# of Inactive Records", "% of Inactive Records")
    # Stayers who entered by 2025-10-02 (90 days before the end): N1, N5, N6. Last bed night: N1
    # 2025-01-29, N5 2025-06-03 (inactive), N6 2025-12-03 (active): 2 of 3.
    assert row_values(q6f, "Bed Night (All clients in ES-NbN)", columns) == [3, 2, 0.6667]
    # Only N1 slept there on the last Wednesday of January.
    assert row_values(tables["Q7b"], "January") == [1, 1, 0, 0, 0]
    assert row_values(tables["Q7b"], "April") == [0, 0, 0, 0, 0]


# street outreach engagement ---------------------------------------------------------------------------


@BOTH_REPORTS
def test_data_quality_universe_keeps_only_engaged_outreach_clients(world, report):
    q5a = tables_for(world, "outreach_engagement", report)["Q5a"]
    # Engaged by 2025-12-31: O1, O4. O2 never; O3's engagement (2026-01-15) is after the period end.
    assert cell(q5a, "Total number of persons served", CLIENTS) == 4
    assert cell(q5a, "Total number of persons served", CLIENTS_FOR_DQ) == 2


@BOTH_REPORTS
def test_contacts_are_counted_up_to_engagement(world, report):
    tables = tables_for(world, "outreach_engagement", report)
    columns = (
        "All Persons Contacted",
        "First contact – NOT staying on the Streets, ES, or SH",
        "First contact – WAS staying on Streets, ES, or SH",
        "First contact – Worker unable to determine",
    )
    # Contacts: O1 3 (Feb 1, 5, 10 on the street; later ones are after her engagement), O2 2 (shelter),
    # O3 1 (rental), O4 1 (her engagement day, no record: "worker unable to determine").
    q9a = tables["Q9a"]
    assert row_values(q9a, "Once", columns) == [2, 1, 0, 1]
    assert row_values(q9a, "2-5 Times", columns) == [2, 0, 2, 0]
    assert row_values(q9a, "Total Persons Contacted", columns) == [4, 1, 2, 1]
    # Engaged in 2025: O1 (3 contacts, street) and O4 (1, unable to determine).
    q9b = tables["Q9b"]
    assert row_values(q9b, "Once", columns) == [1, 0, 0, 1]
    assert row_values(q9b, "2-5 Contacts", columns) == [1, 0, 1, 0]
    assert row_values(q9b, "Total Persons Engaged", columns) == [2, 0, 1, 1]
    assert row_values(q9b, "Rate of Engagement", columns) == [0.5, 0, 0.5, 1]  # 2/4, 0/1, 1/2, 1/1


@BOTH_REPORTS
def test_inactive_outreach_clients_have_no_contact_in_the_last_90_days(world, report):
    q6f = tables_for(world, "outreach_engagement", report)["Q6f"]
    columns = ("# of Records", "# of Inactive Records", "% of Inactive Records")
    row = "Contact (Adults and Heads of Household in Street Outreach or PATH-funded SSO)"
    # Engaged stayers who entered by 2025-10-02: O1 (contact 2025-11-15: active), O4 (none: inactive).
    assert row_values(q6f, row, columns) == [2, 1, 0.5]


# data after the period end ------------------------------------------------------------------------


@BOTH_REPORTS
def test_data_after_the_period_end_is_ignored(world, report):
    tables = tables_for(world, "after_period_end", report)
    q5a = tables["Q5a"]
    # T1 leaves 2026-02-01 (stayer); T2 enters 2026-01-10 (not served); T3 leaves 2025-08-01.
    assert cell(q5a, "Total number of persons served", CLIENTS) == 2
    assert cell(q5a, "Number of stayers", CLIENTS) == 1
    # Only T3's destination (116) is reported; T1's 410 is not known yet.
    q23c = tables["Q23c"]
    assert cell(q23c, "Total", TOTAL) == 1
    assert cell(q23c, "Rental by client, no ongoing housing subsidy", TOTAL) == 0
    assert cell(q23c, "Percentage", TOTAL) == 0
    # Income: T1 $500 earned at start; her 2026 exit record does not exist for the report. T3 none.
    q16 = tables["Q16"]
    assert cell(q16, "$251 - $500", "Income at Start") == 1
    assert cell(q16, "No Income", "Income at Start") == 1
    assert cell(q16, "No Income", "Income at Exit for Leavers") == 1
    assert cell(q16, "Total Adults", "Income at Exit for Leavers") == 1
    assert cell(q16, "$501 - $1,000", "Income at Exit for Leavers") == 0


@BOTH_REPORTS
def test_pit_counts_respect_entry_and_exit_nights(world, report):
    q7b = tables_for(world, "after_period_end", report)["Q7b"]
    # T1 in TH from 2025-03-01 (leaves 2026); T3 2025-05-01 to 2025-08-01.
    assert [cell(q7b, month, TOTAL) for month in ("January", "April", "July", "October")] == [0, 1, 2, 1]
