"""HIC and sheltered PIT count of the hand-built OK-507 world (fixtures/spm/hic_world.py), night 2026-01-28,
and HUD's full sheltered PIT tables of the OK-506 world (fixtures/spm/pit_world.py), the same night.

Each expected figure is worked out below from the fixture rows. "On the night" (hic-pit-lsa.md §1):
entry <= night < exit for ES/TH/SH, a bed night dated that night for ES night-by-night, moved in by
the night and not exited for PH. The warehouse is built once for all report tests.
"""

from __future__ import annotations

import duckdb
import pytest
from fixtures.spm.world import HIC_PIT_2026, PIT_TABLES_2026, report_world
from openpyxl import load_workbook

from pipelines.reports.hic_pit import NotACountNight, check_count_night, default_count_night
from pipelines.reports.layout import read_mart_table, report_layout
from pipelines.reports.model import ReportRequest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def con():
    connection = duckdb.connect(str(report_world().warehouse), read_only=True)
    yield connection
    connection.close()


def rows(con, model: str, request: ReportRequest = HIC_PIT_2026) -> dict[str, dict]:
    """The request's rows of a mart by row label, each keyed by HUD column label."""
    frame = read_mart_table(con, model, request.request_id).frame
    return {record[""]: record for record in frame.to_dict("records")}


def pit_rows(con, table: str) -> dict[str, tuple]:
    """An OK-506 sheltered PIT table (hud_hic_pit_sheltered_<table>): (ES, TH, SH, total) by row label."""
    by_label = rows(con, f"hud_hic_pit_sheltered_{table}", PIT_TABLES_2026)
    return {
        label: (row["Emergency"], row["Transitional"], row["Safe Haven"], row["Total"])
        for label, row in by_label.items()
    }


def test_hic_lists_projects_operating_on_the_night_with_inventory_active_that_night(con):
    # On the HIC: HES1, HNBN (ES), HSH, HTH, HPSH, HRRH (RRH with housing), HOPH (other PH) = 7.
    # Not: HRRHSO (RRH services only), HFUT (opens 2026-02-15), HCLOSED (closes on the night), HOTHER
    # (OK-501), and SPM's ES507 (OK-507 but closed 2026-01-15).
    # HES1 inventory active on the night: IV1 10 beds (no children, 2 veteran beds), IV2 12 beds / 4
    # units (with children), IV3 5 seasonal beds (2025-11-01..2026-03-31), IV4 3 overflow beds; not IV5
    # (ends on the night) nor IV6 (starts 2026-02-01). HNBN IV7 8 beds.
    summary = rows(con, "hud_hic_pit_hic_summary")
    es = summary["Emergency Shelter"]
    assert es["Projects"] == 2
    assert es["Beds HH w/o Children"] == 10 + 5 + 3 + 8
    assert (es["Beds HH w/ Children"], es["Units HH w/ Children"]) == (12, 4)
    assert (es["Total Year-Round Beds"], es["Seasonal Beds"], es["Overflow / Voucher Beds"]) == (30, 5, 3)
    assert es["Veteran Beds"] == 2
    # TH: IV8 6 beds / 2 units with children, IV9 4 beds for only children, all youth beds
    th = summary["Transitional Housing"]
    assert (th["Beds HH w/ Children"], th["Beds HH w/ only Children"], th["Youth Beds"]) == (6, 4, 4)
    # PSH IV11: 10 beds; chronic = CH 6 + CH veteran 2 = 8; veteran = 2 + CH veteran 2 = 4
    psh = summary["Permanent Supportive Housing"]
    assert (psh["Total Beds"], psh["Chronic Beds (PSH)"], psh["Veteran Beds"]) == (10, 8, 4)
    total = summary["Total"]
    assert total["Projects"] == 7
    assert total["Total Beds"] == 38 + 5 + 10 + 10 + 8 + 4  # ES, SH, TH, PSH, RRH, OPH


def test_pit_count_per_project_counts_people_present_by_project_type(con):
    # HES1: K1 (entered 01-20), K2 + K3 (exit 01-29, after the night), K6, K7, K8, K14 = 7;
    #       not K4 (exit on the night) nor K5 (entered 01-29)
    # HNBN: K9 (bed night on 01-28) = 1; not K10 (bed nights on 01-27 and 01-29 only)
    # HTH: K11 + K12, K13, K14 = 4 (HTH took part in HMIS from 2025, so its records count)
    # HSH: K15 = 1
    # HPSH: K8 (moved in 01-15), K18 = 2; not K16 (moves in 01-29) nor K17 (exit on the night)
    # HRRH: K19 (moved in 01-20) and child K20 (takes the head's move-in) = 2
    # HOPH is not in HMIS: its Project.PITCount 3
    projects = rows(con, "hud_hic_pit_project_inventory")
    counts = {label.split(" - ", 1)[1]: row["PIT Count"] for label, row in projects.items()}
    assert counts == {
        "Lantern Shelter": 7,
        "Lantern Night Beds": 1,
        "Lantern Bridge": 4,
        "Lantern Haven": 1,
        "Lantern Homes": 2,
        "Lantern Rehousing": 2,
        "Lantern Apartments": 3,
    }
    assert projects["Kiamichi Housing - Lantern Apartments"]["PIT Count From"] == "Project.PITCount"
    # Utilisation = people / beds: ES 8 / 38 = 21.05 %, all 20 / 75 = 26.67 %
    summary = rows(con, "hud_hic_pit_hic_summary")
    assert summary["Emergency Shelter"]["Utilization (PIT Count / Total Beds) %"] == 21.05
    assert (summary["Total"]["PIT Count"], summary["Total"]["Utilization (PIT Count / Total Beds) %"]) == (20, 26.67)


def test_sheltered_pit_counts_each_person_once_by_household_type_and_project_type(con):
    # Sheltered that night (ES/TH/SH), K8 left out (housed in PSH the same night), K14 counted in ES
    # (ES before TH): ES K1 K2 K3 K6 K7 K9 K14 = 7, TH K11 K12 K13 = 3, SH K15 = 1 -> 11 persons;
    # households ES HK1 HK2 HK6 HK7 HK9 HK14a = 6, TH HK11 HK13 = 2, SH HK15 = 1 -> 9.
    summary = rows(con, "hud_hic_pit_sheltered_summary")

    def columns(label: str) -> tuple:
        row = summary[label]
        return row["Emergency"], row["Transitional"], row["Safe Haven"], row["Total"]

    assert columns("Total Number of Households") == (6, 2, 1, 9)
    assert columns("Total Number of Persons") == (7, 3, 1, 11)
    # With children: K2 (30) + K3 (5) in ES, K11 (22) + K12 (2) in TH; only children: K13 (16)
    assert columns("Persons in Households with at least one Adult and one Child") == (2, 2, 0, 4)
    assert columns("Persons in Households without Children") == (5, 0, 1, 6)
    assert columns("Persons in Households with only Children") == (0, 1, 0, 1)
    # K6: disabled, homeless since 2024-06-01 (548 days before entry) -> chronically homeless; a veteran
    assert columns("Chronically Homeless Persons") == (1, 0, 0, 1)
    assert columns("Veterans") == (1, 0, 0, 1)
    # Youth: K7 (19, alone, ES) and K13 (16, alone, TH) unaccompanied; K11 (22) parenting K12
    assert columns("Unaccompanied Youth Households (all members under 25, no children of their own)") == (1, 1, 0, 2)
    assert columns("Parenting Youth Households (all members under 25, with children)") == (0, 1, 0, 1)


def test_sheltered_pit_tables_band_ages_on_the_count_night(con):
    # Without children: K7 19 (18-24), K1 40 (35-44), K9 46 and K15 49 (45-54, ES and SH), K6 60
    # (55-64), K14 70 (over 64)
    without = rows(con, "hud_hic_pit_sheltered_without_children")
    assert without["Number of Persons (45 - 54)"]["Emergency"] == 1
    assert without["Number of Persons (45 - 54)"]["Safe Haven"] == 1
    assert [without[f"Number of Persons ({band})"]["Total"] for band in ("18 - 24", "25 - 34", "35 - 44")] == [1, 0, 1]
    assert without["Number of Persons (over age 64)"]["Total"] == 1
    assert without["Chronically Homeless Households"]["Total"] == 1
    with_children = rows(con, "hud_hic_pit_sheltered_with_children")
    assert with_children["Number of Persons (under age 18)"]["Total"] == 2  # K3, K12
    assert with_children["Number of Persons (18 - 24)"]["Transitional"] == 1  # K11
    # K6 (60, a veteran, alone in ES) is the one veteran household
    veterans_without_children = rows(con, "hud_hic_pit_sheltered_veterans_without_children")
    assert veterans_without_children["Total Number of Veterans"]["Total"] == 1
    assert rows(con, "hud_hic_pit_sheltered_veterans_with_children")["Total Number of Households"]["Total"] == 0


def test_count_night_is_one_of_the_last_ten_nights_of_january():
    assert check_count_night(default_count_night(2026)).isoformat() == "2026-01-28"  # a Wednesday
    assert default_count_night(2025).isoformat() == "2025-01-29"
    with pytest.raises(NotACountNight):
        check_count_night(default_count_night(2026).replace(day=21))


def test_hic_pit_artifacts_carry_every_table_in_hud_order(con):
    # HIC, HIC by project, then the sheltered PIT tables in the order of hic-pit-lsa.md §3.4 (the
    # summary first, the per-project table last), in the zip, the CSVs and the workbook alike.
    artifacts = report_world().artifacts[HIC_PIT_2026.request_id]
    expected = [
        "HIC",
        "HIC-Projects",
        "PIT-Summary",
        "PIT-AC",
        "PIT-CO",
        "PIT-AO",
        "PIT-Additional",
        "PIT-Youth-Unaccompanied",
        "PIT-Youth-Parenting",
        "PIT-Vet-AC",
        "PIT-Vet-AO",
        "PIT-Projects",
        "PIT-Full-Summary",
    ]
    assert [layout.table_id for layout in report_layout(con, "hic_pit")] == expected
    assert [p.stem for p in artifacts.csv_paths] == expected
    assert load_workbook(artifacts.xlsx_path, read_only=True).sheetnames == ["About", *expected]


# --- OK-506: HUD's full tables (fixtures/spm/pit_world.py) ------------------------------------------------
# Counted that night (ES = TES and TNBN, TH = TTH, SH = TSH), each person once:
#   ES 24 persons in 14 households: H01 2, H02 2, H05 3, H06 3, H07 1, H09 3, H10 2, H11 1, H13 1, H14 2,
#      H16 1, H18 1, H19 1, H24 1;  TH 8 in 4: H03 2, H04 3, H08 2, H15 1;  SH 2 in 2: H12, H17.


def test_pit_summary_adds_up_the_household_types_of_the_full_world(con):
    summary = pit_rows(con, "summary")
    assert summary["Total Number of Households"] == (14, 4, 2, 20)
    assert summary["Total Number of Persons"] == (24, 8, 2, 34)
    # with children: ES H01 2 + H05 3 + H06 3 + H09 3 + H14 2 = 13, TH H03 2 + H04 3 = 5
    assert summary["Persons in Households with at least one Adult and one Child"] == (13, 5, 0, 18)
    # without children: ES H02 2 + H10 2 + H11, H13, H16, H18, H19, H24 = 10; TH H15; SH H12, H17
    assert summary["Persons in Households without Children"] == (10, 1, 2, 13)
    assert summary["Persons in Households with only Children"] == (1, 2, 0, 3)  # H07 (ES), H08 (TH)
    # chronically homeless households: H13 (ES, 1 person), H04 (TH, 3), H12 (SH, 1)
    assert summary["Chronically Homeless Persons"] == (1, 3, 1, 5)
    assert summary["Veterans"] == (0, 1, 1, 2)  # T08 (TH), T25 (SH)
    # unaccompanied youth H07, H10, H11 (all ES); parenting youth H09 (ES), H08 (TH)
    assert summary["Unaccompanied Youth Households (all members under 25, no children of their own)"] == (3, 0, 0, 3)
    assert summary["Parenting Youth Households (all members under 25, with children)"] == (1, 1, 0, 2)


def test_pit_household_tables_band_each_persons_age_on_the_night(con):
    with_children = pit_rows(con, "with_children")
    assert with_children["Total Number of Households"] == (5, 2, 0, 7)
    assert with_children["Total Number of Persons"] == (13, 5, 0, 18)
    # ES: under 18 T02 8, T11 10, T14 1, T21 1, T28 9; 18-24 T19 20, T20 19; 25-34 T01 34, T13 27;
    #     35-44 T10 38, T12 41, T27 44; age unknown T15 (no DOB)      -> 5 + 2 + 2 + 3 + 1 = 13
    # TH: under 18 T06 17, T09 3; 25-34 T07 29, T08 31; 45-54 T05 50 -> 2 + 2 + 1 = 5
    expected_ages = {
        "under age 18": (5, 2, 0, 7),
        "18 - 24": (2, 0, 0, 2),
        "25 - 34": (2, 2, 0, 4),
        "35 - 44": (3, 0, 0, 3),
        "45 - 54": (0, 1, 0, 1),
        "55 - 64": (0, 0, 0, 0),
        "over age 64": (0, 0, 0, 0),
        "age unknown": (1, 0, 0, 1),
    }
    assert {band: with_children[f"Number of Persons ({band})"] for band in expected_ages} == expected_ages
    without_children = pit_rows(con, "without_children")
    assert without_children["Total Number of Households"] == (8, 1, 2, 11)
    # ES: 18-24 T04 18, T22 23, T23 20, T24 19; 35-44 T32 36; 45-54 T03 45, T26 52, T38 46; 55-64 T30 58,
    #     T33 61
    # TH: 25-34 T29 33.  SH: 45-54 T31 48; over 64 T25 67
    assert without_children["Number of Persons (18 - 24)"] == (4, 0, 0, 4)
    assert without_children["Number of Persons (25 - 34)"] == (0, 1, 0, 1)
    assert without_children["Number of Persons (45 - 54)"] == (3, 0, 1, 4)
    assert without_children["Number of Persons (55 - 64)"] == (2, 0, 0, 2)
    assert without_children["Number of Persons (over age 64)"] == (0, 0, 1, 1)
    only_children = pit_rows(con, "only_children")
    assert only_children["Number of Persons (under age 18)"] == (1, 2, 0, 3)  # T16 16; T17 17, T18 0


def test_pit_tables_give_each_person_one_race_and_ethnicity_and_one_sex(con):
    with_children = pit_rows(con, "with_children")
    # ES: White alone T01 T12 T13 T14 = 4; White & Hispanic T02; NHPI alone T10, NHPI & Hispanic T11;
    #     Asian & Hispanic T19; MENA & Hispanic T20; Asian + MENA T21 (multi-racial, all other); Black
    #     alone T27 T28; T15 unknown (RaceNone 99).  TH: Asian alone T05 T06; Hispanic alone T07; Black +
    #     White + Hispanic T08 (multi-racial & Hispanic); T09 unknown (RaceNone 8)
    assert with_children["White (only)"] == (4, 0, 0, 4)
    assert with_children["White & Hispanic/Latina/e/o"] == (1, 0, 0, 1)
    assert with_children["Asian or Asian American (only)"] == (0, 2, 0, 2)
    assert with_children["Hispanic/Latina/e/o (only)"] == (0, 1, 0, 1)
    assert with_children["Multi-Racial & Hispanic/Latina/e/o"] == (0, 1, 0, 1)
    assert with_children["Multi-Racial (all other)"] == (1, 0, 0, 1)
    assert with_children["Native Hawaiian or Pacific Islander & Hispanic/Latina/e/o"] == (1, 0, 0, 1)
    unknown_race = "Race and Ethnicity Unknown (Client Doesn't Know, Prefers Not to Answer, Data Not Collected)"
    assert with_children[unknown_race] == (1, 1, 0, 2)
    # ES women T01 T10 T13 T14 T20 T28, men T02 T11 T12 T19 T21 T27, T15 unknown; TH women T05 T07, men
    # T06 T08, T09 unknown
    unknown_sex = "Sex Unknown (Client Doesn't Know, Prefers Not to Answer, Data Not Collected)"
    assert [with_children[label] for label in ("Female", "Male", unknown_sex)] == [
        (6, 2, 0, 8),
        (6, 2, 0, 8),
        (1, 1, 0, 2),
    ]
    # only children: T16 MENA alone (ES); T17 American Indian alone, T18 with Hispanic (TH)
    only_children = pit_rows(con, "only_children")
    assert only_children["Middle Eastern or North African (only)"] == (1, 0, 0, 1)
    assert only_children["American Indian, Alaska Native, or Indigenous (only)"] == (0, 1, 0, 1)
    assert only_children["American Indian, Alaska Native, or Indigenous & Hispanic/Latina/e/o"] == (0, 1, 0, 1)
    # without children: Black alone T03 T04 T23 T33 (ES), T29 (TH); Black & Hispanic T22; White alone T24
    # T30 (ES), T25 T31 (SH); White & Hispanic T26; Asian alone T38; unknown T32 (RaceNone 9, sex 8)
    without_children = pit_rows(con, "without_children")
    assert without_children["Black, African American, or African (only)"] == (4, 1, 0, 5)
    assert without_children["Asian or Asian American (only)"] == (1, 0, 0, 1)
    assert without_children["White (only)"] == (2, 0, 2, 4)
    assert without_children[unknown_race] == (1, 0, 0, 1)
    assert without_children[unknown_sex] == (1, 0, 0, 1)


def test_pit_chronic_homelessness_on_the_night_follows_the_household_rule_and_lets_individuals_age_in(con):
    # H04 (TH): the head T07 is not disabled, but her spouse T08, there from the household's start, was
    #   chronically homeless at entry (disabled, homeless since 2024-09-01, 426 days before 2025-11-01):
    #   the household and its 3 persons are.
    # H05 (ES): T12 was chronically homeless at his own entry, but joined on 01-15, after the household
    #   began (01-02): he cannot make it chronic (glossary §8.4).
    # H13 (ES, T26 alone, disabled): homeless since 2025-02-10, entry 2025-12-01 = 294 days, not chronic
    #   at entry; on the night Feb 2025 .. Jan 2026 = 12 months touched: aged into it.
    # H14 (ES): T27 has the same dates, but is in a family with T28: families do not age in.
    # H12 (SH, T25 alone, disabled): 4 times in 3 years, 8 months (3.917.5 = 108) at entry 2025-09-15;
    #   plus 4 months in the project after the entry month (Oct .. Jan) = 12: aged into it.
    with_children = pit_rows(con, "with_children")
    assert with_children["Chronically Homeless Households"] == (0, 1, 0, 1)  # H04; not H05, H14
    assert with_children["Chronically Homeless Persons"] == (0, 3, 0, 3)
    without_children = pit_rows(con, "without_children")
    assert without_children["Chronically Homeless Households"] == (1, 0, 1, 2)  # H13 (ES), H12 (SH)
    assert without_children["Chronically Homeless Persons"] == (1, 0, 1, 2)
    # T38 (night-by-night, disabled, 4 times, 9 months at entry 2025-10-15): months in the project are the
    # months after the entry month with a bed night, November and January (none in December): 9 + 2 = 11
    people = sheltered(con)
    chronic = [
        "is_chronically_homeless_on_night",
        "has_aged_into_chronic_homelessness",
        "is_chronically_homeless_household",
    ]
    assert {p: [people[p][c] for c in chronic] for p in ("T08", "T12", "T25", "T26", "T27", "T38")} == {
        "T08": [True, False, True],  # chronic at entry, and so his household
        "T12": [True, False, False],  # chronic at his own entry; joined later
        "T25": [True, True, True],
        "T26": [True, True, True],
        "T27": [False, False, False],
        "T38": [False, False, False],
    }


def test_pit_youth_tables_split_unaccompanied_and_parenting_youth(con):
    # Unaccompanied: H07 T16 16 (only children), H10 T22 23 + her sister T23 20 (two people: HUD's notice,
    # not Green River's one-person rule), H11 T24 19 — all ES
    unaccompanied = pit_rows(con, "unaccompanied_youth")
    assert unaccompanied["Total Number of Households"] == (3, 0, 0, 3)
    assert unaccompanied["Total Number of Persons"] == (4, 0, 0, 4)
    assert unaccompanied["Number of Persons (under age 18)"] == (1, 0, 0, 1)
    assert unaccompanied["Number of Persons (18 - 24)"] == (3, 0, 0, 3)
    # Parenting: H09 (ES) head T19 20, spouse T20 19, child T21 1; H08 (TH) T17 17 with T18 0 (a
    # household of only children: a parent under 18 is still a parenting youth)
    parenting = pit_rows(con, "parenting_youth")
    assert parenting["Total Number of Households"] == (1, 1, 0, 2)
    assert parenting["Total Number of Persons"] == (3, 2, 0, 5)
    assert parenting["Number of Parenting Youth (youth parents only)"] == (2, 1, 0, 3)
    assert parenting["Total Children in Parenting Youth Households"] == (1, 1, 0, 2)
    assert parenting["Number of Parenting Youth (under age 18)"] == (0, 1, 0, 1)
    assert parenting["Children in Households with Parenting Youth under age 18"] == (0, 1, 0, 1)
    assert parenting["Number of Parenting Youth (age 18 to 24)"] == (2, 0, 0, 2)
    assert parenting["Children in Households with Parenting Youth age 18 to 24"] == (1, 0, 0, 1)
    # race and sex of the parents only: T19 Asian & Hispanic (man), T20 MENA & Hispanic (woman), T17
    # American Indian alone (woman); the children T21, T18 are not described
    assert parenting["Asian or Asian American & Hispanic/Latina/e/o"] == (1, 0, 0, 1)
    assert parenting["American Indian, Alaska Native, or Indigenous & Hispanic/Latina/e/o"] == (0, 0, 0, 0)
    assert (parenting["Female"], parenting["Male"]) == ((1, 1, 0, 2), (1, 0, 0, 1))


def test_pit_veteran_tables_count_households_with_an_adult_veteran(con):
    # H04 (TH): the veteran is the head's spouse T08 (Black + White + Hispanic, a man), chronically
    # homeless; H12 (SH): T25 alone (White).
    with_children = pit_rows(con, "veterans_with_children")
    assert with_children["Total Number of Households"] == (0, 1, 0, 1)
    assert with_children["Total Number of Persons"] == (0, 3, 0, 3)
    assert with_children["Total Number of Veterans"] == (0, 1, 0, 1)
    assert with_children["Multi-Racial & Hispanic/Latina/e/o"] == (0, 1, 0, 1)  # the veteran's, not T07's
    assert with_children["Hispanic/Latina/e/o (only)"] == (0, 0, 0, 0)
    assert with_children["Chronically Homeless Persons"] == (0, 3, 0, 3)
    without_children = pit_rows(con, "veterans_without_children")
    assert without_children["Total Number of Households"] == (0, 0, 1, 1)
    assert without_children["White (only)"] == (0, 0, 1, 1)
    assert without_children["Chronically Homeless Households"] == (0, 0, 1, 1)


def test_pit_additional_populations_read_the_latest_answers_on_or_before_the_night(con):
    # SMI: T29 (TH, mental health yes, indefinite and impairing); not T30, whose latest answer (01-20) is
    #   no; not T16, a child.  SUD: T01 (alcohol) and T30 (drugs), both ES.
    # HIV/AIDS: T31 (SH); T30's record is dated 2026-02-01, after the night.
    # DV: T29 fleeing; T30 a survivor not fleeing.
    populations = pit_rows(con, "additional_populations")
    assert populations == {
        "Adults with a Serious Mental Illness": (0, 1, 0, 1),
        "Adults with a Substance Use Disorder": (2, 0, 0, 2),
        "Adults with HIV/AIDS": (0, 0, 1, 1),
        "Adult Survivors of Domestic Violence (currently fleeing)": (0, 1, 0, 1),
    }


def test_pit_project_summary_counts_each_person_in_one_project(con):
    # TNBN: H11 (T24) and H24 (T38, whose TES stay is not counted). TES: the other 12 ES households, 22
    # persons; children T02 T11 T14 T16 T21 T28; one chronically homeless person (T26). TTH: 4 households,
    # 8 persons; children T06 T09 T17 T18; veteran T08; H04 chronic (3). TSH: T25 (veteran, chronic), T31.
    projects = rows(con, "hud_hic_pit_sheltered_projects", PIT_TABLES_2026)
    columns = ["Total Number of Households", "Total Number of Persons", "Number of Persons (under age 18)"]
    columns += ["Veterans", "Chronically Homeless Persons"]
    assert {label: [row[c] for c in columns] for label, row in projects.items()} == {
        "Tallgrass Family Services - Tallgrass Night Beds": [2, 2, 0, 0, 0],
        "Tallgrass Family Services - Tallgrass Shelter": [12, 22, 6, 0, 1],
        "Tallgrass Family Services - Tallgrass Bridge": [4, 8, 4, 1, 3],
        "Tallgrass Family Services - Tallgrass Haven": [2, 2, 0, 1, 1],
    }
    assert [row["Project Type"] for row in projects.values()] == ["ES", "ES", "TH", "SH"]


# --- PIT universe rules (hic-pit-lsa.md §1, §3; glossary §6) ------------------------------------------------


def sheltered(con) -> dict[str, dict]:
    """OK-506's sheltered persons by PersonalID, with their household type and age that night."""
    frame = con.execute(
        "select split_part(s.personal_key, ':', 2) as personal_id, s.project_key, s.age_on_night, s.household_type, "
        "s.is_chronically_homeless_on_night, s.has_aged_into_chronic_homelessness, s.is_chronically_homeless_household "
        "from marts.hud_hic_pit_sheltered_persons as s where s.request_id = ?",
        [PIT_TABLES_2026.request_id],
    ).df()
    return {record["personal_id"]: record for record in frame.to_dict("records")}


def test_pit_presence_needs_a_night_in_the_bed_and_ph_only_counts_after_move_in(con):
    # Not counted: T34 left TES on the night (the exit day is not a night), T35 entered the day after,
    # T36 is in TES but housed in RRH that night (move-in 01-25), T37 had NbN bed nights on 01-26 and
    # 01-29 only. Counted: T24 (NbN bed night on the night), T32 (in TES; his RRH move-in on 01-29 comes
    # after the night), T33 (exits TES on 02-10, after the night): T01 .. T33 and T38, 34 persons.
    counted = sheltered(con)
    assert {"T24", "T32", "T33"} <= counted.keys()
    assert not {"T34", "T35", "T36", "T37"} & counted.keys()
    assert sorted(counted) == [f"T{n:02d}" for n in (*range(1, 34), 38)]


def test_pit_counts_a_person_in_two_shelter_stays_once_in_the_latest(con):
    # T38 slept in ES that night under two stays: TES (entry 2025-10-01) and TNBN (entry 2025-10-15, a bed
    # night on the night). Both are ES, so the latest entry wins: one person, counted in TNBN's household.
    people = sheltered(con)
    assert people["T38"]["project_key"] == "ok506-hmis:TNBN"


def test_pit_household_type_takes_each_members_age_on_the_night(con):
    # H02: T04 was 17 at entry (2025-12-15) and turned 18 on 2026-01-20: with T03 (45), two adults that
    #   night, a household without children. H03: T06 turns 18 the day after the night: still a child,
    #   so H03 (with T05, 50) has an adult and a child.
    people = sheltered(con)
    assert (people["T04"]["age_on_night"], people["T04"]["household_type"]) == (18, "without_children")
    assert people["T03"]["household_type"] == "without_children"
    assert (people["T06"]["age_on_night"], people["T06"]["household_type"]) == (17, "with_children_and_adults")
    assert people["T05"]["household_type"] == "with_children_and_adults"
