"""SPM rules where HUD's FY2026 specification settles a difference with HUD's Data Lab code (issue 18),
on the OK-504 world (fixtures/spm/spm_agree_world.py): FY2026, report period 2025-10-01 .. 2026-09-30,
lookback stop date 2018-10-01. Each expected figure is worked out below from the fixture rows; the
step named is spm-programming-specifications-fy2026.md's. The warehouse is the one built for every
report test (fixtures/spm/world.py).
"""

from __future__ import annotations

import duckdb
import pytest
from fixtures.spm.world import SPM_AGREE_FY2026, report_world

from pipelines.reports.layout import read_mart_table
from pipelines.reports.marts import plain_value

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def con():
    connection = duckdb.connect(str(report_world().warehouse), read_only=True)
    yield connection
    connection.close()


def current_fy(con, model: str) -> list:
    """The OK-504 request's "Current FY" column of a mart, row by row (None where HUD leaves it blank)."""
    table = read_mart_table(con, model, SPM_AGREE_FY2026.request_id).frame
    return [plain_value(value) for value in table["Current FY"]]


def m1_rows(con, model: str) -> list[tuple]:
    table = read_mart_table(con, model, SPM_AGREE_FY2026.request_id).frame
    columns = ["Current FY Universe (Persons)", "Current FY Average LOT Homeless", "Current FY Median LOT Homeless"]
    return [tuple(plain_value(row[c]) for c in columns) for _, row in table.iterrows()]


def m1_clients(con, variant: str) -> dict[str, tuple]:
    """Measure 1 per person (PersonalID): (client end date, nights homeless) in one variant."""
    found = con.execute(
        "select split_part(e.personal_key, ':', 2), cast(c.client_end_date as varchar), c.days_homeless "
        "from intermediate.int_spm_m1_clients as c "
        "inner join (select distinct request_id, client_id, personal_key from intermediate.int_spm_enrollments) as e "
        "using (request_id, client_id) where c.request_id = ? and c.variant = ?",
        [SPM_AGREE_FY2026.request_id, variant],
    ).fetchall()
    return {person: (end, nights) for person, end, nights in found}


def test_m1a_median_of_an_even_number_of_persons_averages_the_two_middle_values(con):
    # Step 9c, "Median LOT Homeless": with an even count, the average of the values at positions n/2 and
    # n/2 + 1. 1a.1 and 1a.2 (no TH here): W06 ES 02-01 .. 02-06 = 5; W04 ES 10-20 .. 10-30 = 10 (its
    # RRH housed it 10-01 .. 10-19, a break); W03 ES 01-01 .. 01-12 = 11; W10 ES 04-01 .. 05-01 = 30.
    # 4 persons: 5 10 11 30 -> mean 56 / 4 = 14, median (10 + 11) / 2 = 10.5
    assert m1_rows(con, "hud_spm_m1a_length_of_time_homeless") == [(4, 14, 10.5), (4, 14, 10.5)]


def test_m1b_selects_persons_by_bed_nights_and_adds_self_reported_time_up_to_the_client_end(con):
    # Steps 1 and 2d select persons with a bed night in the period; 3.917.3 time comes in step 5, for
    # persons already selected, and moves neither the client start nor the client end (step 3):
    #   W01 ES entered and left 2026-03-01: no bed night; homeless since 02-01 adds nothing -> not in 1b
    #   W02 RRH entered and moved in 2026-04-01: no night before move-in; 03-01 .. 03-31 self-reported
    #       -> not in 1b
    #   W14, W15 (no head of household, so no CoC) -> not in any measure
    #   W03 client end 2026-01-11 (last ES night); 2025-12-22 .. 2026-01-11 = 10 + 11 = 21; the same-day
    #       stay of 2026-05-01 (homeless since 04-20) lies after the client end: not counted
    #   W04 RRH moved in on the report start (move-in >= report start: step 1c selects the stay): its
    #       nights before move-in 2025-08-01 .. 09-30 = 61 are in the window (client end 10-29, start
    #       2024-10-29) with the ES nights 10-20 .. 10-29 = 10 -> 71
    #   W10 RRH 03-01 .. 05-01 without move-in (left in the period, step 1c) -> 03-01 .. 04-30 = 61
    #       (its ES nights 04-01 .. 04-30 inside); W06 5
    expected = {
        "W03": ("2026-01-11", 21),
        "W04": ("2025-10-29", 71),
        "W06": ("2026-02-05", 5),
        "W10": ("2026-04-30", 61),
    }
    assert m1_clients(con, "1b.1") == expected
    assert m1_clients(con, "1b.2") == expected
    # 4 persons: 5 21 61 71 -> mean 158 / 4 = 39.5, median (21 + 61) / 2 = 41
    assert m1_rows(con, "hud_spm_m1b_length_of_time_homeless") == [(4, 39.5, 41), (4, 39.5, 41)]


def test_m2_takes_the_lowest_enrollment_id_among_permanent_exits_on_one_date(con):
    # Step 2: W11 left ES (EW11A, entered 2024-02-15) and SO (EW11B, entered 2024-01-01) to a rental on
    # 2024-03-01: the lowest EnrollmentID, EW11A, puts W11 in the ES row (the earlier entry would put
    # him in SO). No return. W14 and W15 left ES together to a rental on 2024-02-01 in a household with
    # no head (no CoC, general instruction 7a), so neither they nor their "return" of 2026-01-05 (704
    # days) is here: counting them would give ES 3 exits and 2 returns in 366-730, the issue's "2 more
    # exits from ES and 2 more returns" on the demo export (HUD's code leaves such households out too).
    # Rows SO, ES, TH, SH, PH, total.
    table = read_mart_table(con, "hud_spm_m2_returns", SPM_AGREE_FY2026.request_id).frame
    exited = "Total # of Persons who Exited to a Permanent Housing Destination (2 Years Prior)"
    assert [plain_value(v) for v in table[exited]] == [0, 1, 0, 0, 0, 1]
    assert [plain_value(v) for v in table["# of Returns in 2 Years"]] == [0, 0, 0, 0, 0, 0]


def test_m3_uses_each_project_types_active_client_method(con):
    # Step 1a, "the active client method appropriate for the project type" (Glossary):
    #   Method 1 (ES entry/exit): exit >= report start, so W08 (exit 2025-10-01, the first day) counts;
    #       so do W01 (a same-day stay in March), W03, W04, W06, W10
    #   Method 2 (night-by-night): an exit in the period counts whatever the bed nights' dates: W09
    #       (bed nights in September 2025, exit 2025-10-03)
    #   W19 (night-by-night, exit 2025-10-05) has no bed night at all: the FY2026 Glossary's Method 2
    #       requires "enrollments to have one associated service record within the enrollment period"
    #       (revision history), so the exit date alone does not make him active (HUD's code counts him)
    #   W14, W15 have no CoC (no head of household); W11's stays ended in 2024
    # Total 7; ES 7, SH 0, TH 0
    assert current_fy(con, "hud_spm_m3_annual_count") == [7, 7, 0, 0]


def test_m4_stayer_start_income_is_the_project_start_record_whatever_its_date(con):
    # Step 2g: the earlier data point is the stay's "Income and Sources at project start" (stage 1) when
    # no valid annual assessment precedes the later one. W12 (PSH since 2024-06-01, CoC-funded): start
    # record dated 2024-06-05, earned 300; annual assessment 2026-06-01 (on the anniversary), earned 500.
    # 4.1 earned and 4.3 total increased; 4.2 other income 0 -> 0 did not.
    assert current_fy(con, "hud_spm_m4_1_stayer_earned_income") == [1, 1, 100]
    assert current_fy(con, "hud_spm_m4_2_stayer_other_income") == [1, 0, 0]
    assert current_fy(con, "hud_spm_m4_3_stayer_total_income") == [1, 1, 100]


def test_m7b1_takes_the_lowest_enrollment_id_among_exits_on_one_date(con):
    # Step 2: W10 left RRH (EW10A, to 410) and ES (EW10B, to 116) on 2026-05-01: EW10A is the lowest
    # EnrollmentID, a permanent destination. Leavers: W01 W03 W04 W06 W08 (exit on the report start)
    # W09 (116), W10, W19 (116; 7b.1 asks for an exit, not bed nights), and W18, who left PH with services
    # to a rental without a move-in (hers, 2026-01-20, precedes her entry 02-01: "disregarded entirely",
    # glossary, Handling Housing Move-In Dates; HUD's code gives her the entry date as a move-in and
    # reports her in 7b.2) -> 9, to permanent housing W10 and W18: 2 (22.22 %). W17's latest exit is EW17A
    # (lowest EnrollmentID), after a move-in: in 7b.2 (step 3). W02 (RRH), W12 (PSH) and W16 (PH) are
    # still there; W14, W15 have no CoC.
    assert current_fy(con, "hud_spm_m7b1_exits_to_permanent_housing") == [9, 2, 22.22]


def test_m7b2_reads_the_latest_started_stay_of_stayers_and_the_latest_exit_of_leavers(con):
    # Stayers, step 3: "if the stay with the latest project start date has no [housing move-in date] ...
    # exclude the client": W12 (PSH since 2024-06-01, moved in 06-10) stays in. W16 is still in her PH
    # stay of 2025-01-01 (moved in), but her latest-started stay (2026-03-01 .. 04-01) had no move-in:
    # out (Waypoint took the open stay before).
    # Leavers, step 4: "the latest project exit": W17 left EW17A (moved in 2025-11-05) and EW17B (no
    # move-in) on 2026-06-01; with no tie-break in 7b.2, the lowest EnrollmentID as in 7b.1 step 2: EW17A,
    # moved in -> in, to the street (not a success). (Waypoint took the later entry, EW17B, before: W17
    # was in neither 7b.1 nor 7b.2.) W18 had no valid move-in: in 7b.1.
    # Universe W12 W17 = 2; W12 remained: 1 (50 %).
    assert current_fy(con, "hud_spm_m7b2_permanent_housing_retention") == [2, 1, 50]


def test_a_household_without_a_head_belongs_to_no_coc_and_is_a_data_quality_finding(con):
    # General instruction 7a: Enrollment CoC is recorded on the head of household and propagated to the
    # members. HW14 has no head (W14, W15 both RelationshipToHoH 2, EnrollmentCoC blank): it belongs to
    # no CoC and is in none of OK-504's measures (above), though its shelter is in OK-504 only.
    in_spm = con.execute(
        "select count(*) from intermediate.int_spm_enrollments where request_id = ? and personal_key like '%:W1_'"
        " and split_part(personal_key, ':', 2) in ('W14', 'W15')",
        [SPM_AGREE_FY2026.request_id],
    ).fetchone()[0]
    assert in_spm == 0
    finding = con.execute(
        "select coc_code, detected_value, what_to_fix from marts.dq_record_issues "
        "where check_id = 'hh_no_head' and record_id = 'HW14'"
    ).fetchall()
    assert len(finding) == 1
    coc_code, detected, what_to_fix = finding[0]
    assert (coc_code, detected) == ("OK-504", "2 members, no head of household")
    assert "left out of the System Performance Measures" in what_to_fix
