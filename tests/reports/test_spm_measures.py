"""System Performance Measures on the hand-built OK-500 world (fixtures/spm/spm_world.py), FY2026.

Report period 2025-10-01 .. 2026-09-30; lookback stop date 2018-10-01. Every expected figure is worked
out below from the fixture rows, person by person (A.., R.., I.., O.., P1, Q1; X03 is A03 in a second
source). The last tests read the smaller OK-505 world (fixtures/spm/spm_rules_world.py, persons V..) for
the universe rules the first leaves open. The warehouse is built once for all report tests
(fixtures/spm/world.py).
"""

from __future__ import annotations

import csv

import duckdb
import pytest
from fixtures.spm.world import SPM_FY2026, SPM_RULES_FY2026, report_world

from pipelines.reports.layout import read_mart_table
from pipelines.reports.marts import plain_value
from pipelines.reports.model import ReportRequest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def con():
    connection = duckdb.connect(str(report_world().warehouse), read_only=True)
    yield connection
    connection.close()


def rows(con, model: str, request: ReportRequest = SPM_FY2026) -> list[dict]:
    """The FY2026 request's rows of a mart, keyed by HUD column label ("" = the row label)."""
    return read_mart_table(con, model, request.request_id).frame.to_dict("records")


def current_fy(con, model: str) -> list:
    """The OK-505 request's "Current FY" column of a mart, row by row (None where HUD leaves it blank)."""
    return [plain_value(r["Current FY"]) for r in rows(con, model, SPM_RULES_FY2026)]


def test_m1a_counts_nights_in_the_episode_window_with_the_exit_day_and_gaps_respected(con):
    # Nights per person in ES/SH (1a.1), then with TH (1a.2):
    #   A01 ES 03-01..03-11: nights 03-01..03-10 = 10 (the exit day is no night)
    #   A08 (A01's baby) same stay = 10
    #   A02 TH 2025-06-01..12-01 then ES 12-01..2026-01-01: 1a.1 ES only = 31; 1a.2 TH+ES = 214
    #   A03 ES 2024-01-01, exit 2026-10-15 is after the report end (still there): 2024-01-01..2026-09-30
    #       = 1004; client start 2025-09-30 is a homeless night, the run reaches back to 2024-01-01
    #   A04 ES 2024-06-01..09-01 then 09-02..2025-10-06: the night of 2024-09-01 is missing, so the
    #       backward walk from client start 2024-10-05 stops at 2024-09-02: 2024-09-02..2025-10-05 = 399
    #   A05 NbN bed nights 11-01, 11-02 (twice), 11-03, 11-05, 11-10 (11-12 is the exit day) = 5
    #   A07 ES 10-20..11-10 but housed in PSH from 11-01 (move-in): 10-20..10-31 = 12
    #   A11 SH 2025-09-20..10-02: 09-20..10-01 = 12 (one night in the period)
    #   R5  ES 2026-06-01..06-11 = 10
    #   A13 ES since 2017-01-01, still there: only nights from the lookback date count, 2018-10-01 ..
    #       2026-09-30 = 8 years = 2922 (two leap days)
    #   Not in: A12 (last night 09-30, before the period), A09 (entered after the end), A10 (OK-507),
    #   A06 (PH only), X03 (A03 again: its nights 11-01..11-04 are inside A03's run)
    # 1a.1: 5 10 10 10 12 12 31 399 1004 2922 -> 10 persons, mean 4415/10 = 441.50, median (12+12)/2 = 12
    # 1a.2: 5 10 10 10 12 12 214 399 1004 2922 -> 10 persons, mean 4598/10 = 459.80, median 12
    m1a = rows(con, "hud_spm_m1a_length_of_time_homeless")
    assert [r["Current FY Universe (Persons)"] for r in m1a] == [10, 10]
    assert [r["Current FY Average LOT Homeless"] for r in m1a] == [441.5, 459.8]
    assert [r["Current FY Median LOT Homeless"] for r in m1a] == [12, 12]
    assert m1a[0]["Previous FY Universe (Persons)"] is None  # HDX fills previous-year columns


def test_m1b_adds_self_reported_time_and_ph_nights_before_move_in(con):
    # 1b adds the start of homelessness (3.917.3) through entry, and PH nights before move-in:
    #   A01 from 2026-02-20 through 03-01, then the stay: 02-20..03-10 = 9 + 10 = 19
    #   A08 takes the head's 2026-02-20 but was born 2026-02-25: 02-25..03-10 = 4 + 10 = 14
    #   A03 from 2023-12-01 (before 2024-01-01 entry): 31 more = 1035
    #   A05 from 2025-10-25 through the first bed night 11-01: 10-25..11-03, 11-05, 11-10 = 10 + 2 = 12
    #   A06 RRH entered 2025-12-01 literally homeless, moved in 2026-01-15, homeless since 2025-11-20:
    #       2025-11-20..2026-01-14 = 11 + 31 + 14 = 56 (from move-in on: housed)
    #   A07 PSH entered from its own rental (not literally homeless): no PH nights; ES 12
    #   A13 entered before the lookback date: its 3.917.3 (2016-06-01) adds nothing, 2922 as in 1a
    #   others as in 1a: A02 31 (1b.1) / 214 (1b.2), A04 399, A11 12, R5 10
    # 1b.1: 10 12 12 12 14 19 31 56 399 1035 2922 -> 11 persons, mean 4522/11 = 411.09, median 19
    # 1b.2: 10 12 12 12 14 19 56 214 399 1035 2922 -> 11 persons, mean 4705/11 = 427.73, median 19
    m1b = rows(con, "hud_spm_m1b_length_of_time_homeless")
    assert [r["Current FY Universe (Persons)"] for r in m1b] == [11, 11]
    assert [r["Current FY Average LOT Homeless"] for r in m1b] == [411.09, 427.73]
    assert [r["Current FY Median LOT Homeless"] for r in m1b] == [19, 19]


def test_m2_counts_the_first_return_within_two_years_of_the_earliest_permanent_exit(con):
    # Exits to permanent housing between 2023-10-02 and 2024-09-30 (report start/end - 730 days):
    #   R4 SO exit 2023-12-01 -> RRH entry 2025-06-01 = 548 days: a return in 366-730
    #   R1 ES exit 2024-01-10 -> ES 2024-03-01 = 51 days: 0-180
    #   R7 ES exits 2024-01-05 and 2024-04-01: the earliest counts -> ES 2024-02-01 = 27 days: 0-180
    #   R8 ES exit 2024-07-01 -> RRH 2024-07-15, exactly 14 days: not a return (PH needs > 14 days)
    #   R2 TH exit 2024-02-01 -> PSH 2024-02-10 (9 days: no) -> ES 2024-12-01 = 304 days: 181-365
    #   R5 SH exit 2024-05-01 -> ES 2026-06-01, 761 days: past 730, no return
    #   R3 PSH exit 2024-03-01 -> PSH2 2024-03-20 (19 days) is a transfer: it starts after the RRH stay
    #       that began 2024-01-01 and within 14 days of its exit 2024-03-10; no return
    # Rows SO, ES, TH, SH, PH, total: persons 1, 3, 1, 1, 1 = 7; returns 0-180: ES 2 (2/3 = 66.67 %)
    m2 = rows(con, "hud_spm_m2_returns")
    exited = "Total # of Persons who Exited to a Permanent Housing Destination (2 Years Prior)"
    assert [r[exited] for r in m2] == [1, 3, 1, 1, 1, 7]
    assert [r["# Returning to Homelessness in Less than 6 Months (0 - 180 days)"] for r in m2] == [0, 2, 0, 0, 0, 2]
    assert [r["# Returning to Homelessness from 6 to 12 Months (181 - 365 days)"] for r in m2] == [0, 0, 1, 0, 0, 1]
    assert [r["# Returning to Homelessness from 13 to 24 Months (366 - 730 days)"] for r in m2] == [1, 0, 0, 0, 0, 1]
    assert [r["# of Returns in 2 Years"] for r in m2] == [1, 2, 1, 0, 0, 4]
    assert m2[1]["% of Returns (0 - 180 days)"] == 66.67
    assert m2[5]["% of Returns in 2 Years"] == 57.14  # 4 / 7
    assert m2[3]["% of Returns in 2 Years"] == 0  # SH: 0 of 1


def test_m3_counts_sheltered_persons_once_across_sources_by_each_types_active_client_method(con):
    # Glossary Method 1 for ES entry/exit, SH and TH (exit >= report start), Method 2 for night-by-night:
    # ES: A01, A08, A02 (ES stay), A03 (and X03, the same person from the agency's database), A04
    #     (exit 2025-10-06), A05 (a bed night in the period), A07, R5, A13, A12 (exit on the report
    #     start 2025-10-01: Method 1's exit >= start) = 10
    # SH: A11 (exit 2025-10-02) = 1; TH: A02 (TH exit 2025-12-01) = 1
    # Not in: A09 entered after the end, A10 is in OK-507
    # Unduplicated total: A01 A08 A02 A03 A04 A05 A07 R5 A13 A12 A11 = 11 (A02 is in ES and TH)
    m3 = rows(con, "hud_spm_m3_annual_count")
    assert [r["Current FY"] for r in m3] == [11, 10, 1, 1]


def test_m4_compares_income_of_adult_stayers_and_leavers_in_coc_funded_projects(con):
    # Stayers (CoC-funded, still enrolled at 2026-09-30, end - entry >= 365 days):
    #   I1  PSH 2024-05-01: current annual 2026-04-20 (earned 300, other 600, total 900) vs the earlier
    #       annual 2025-05-03 (200, 500, 700): all three increased
    #   I9  PSH 2024-08-01: annual 2026-07-25 (300 earned) vs 2025-08-05 (400): none increased
    #   I10 PSH 2024-10-10: its 2025-12-20 record is 71 days off the anniversary, so no current income;
    #       previous = start (200): in the universe, not increased
    #   out: I3 is 15, I4 entered 2025-10-01 (364 days), I5 has no previous income record (Data Lab),
    #        A06/A07/I2/I8 entered less than a year before the end
    # Leavers (exited in the period, no CoC-funded stay open at the end):
    #   I6 PSH2: start total 0 -> exit earned 800: earned and total increased
    #   I7 RRH: start earned 1000 -> exit earned 600 + SSDI 300: only other (non-employment) increased
    #   out: A02, P1, Q1 have no income records; I8 moved to PSH1 and is still enrolled
    tables = {
        "hud_spm_m4_1_stayer_earned_income": [3, 1, 33.33],
        "hud_spm_m4_2_stayer_other_income": [3, 1, 33.33],
        "hud_spm_m4_3_stayer_total_income": [3, 1, 33.33],
        "hud_spm_m4_4_leaver_earned_income": [2, 1, 50],
        "hud_spm_m4_5_leaver_other_income": [2, 1, 50],
        "hud_spm_m4_6_leaver_total_income": [2, 1, 50],
    }
    for model, expected in tables.items():
        assert [r["Current FY"] for r in rows(con, model)] == expected, model


def test_m5_looks_back_24_months_from_each_persons_first_entry_in_the_period(con):
    # 5.1 entries into ES/SH/TH in the period: A01, A08, A02 (ES 12-01), A05, A07 (ES 10-20), R5, and
    #     A03 (X03's entry 2025-11-01 is A03's) = 7
    #   with a stay in the 24 months before: A02 (TH since 2025-06-01), A07 (PSH since 10-15), A03 (ES
    #     since 2024) = 3; R5's SH exit 2024-05-01 is before 2026-06-01 - 730 days = 2024-06-01
    # 5.2 adds PH entries: A06, I2, I4, I8 (PSH1 2025-12-01), P1 -> 12; A07 now starts on its PSH entry
    #     2025-10-15, with nothing before it; prior stays: A02, A03, I8 (PSH2 since 2024) = 3
    assert [r["Current FY"] for r in rows(con, "hud_spm_m5_1_first_time_homeless_es_sh_th")] == [7, 3, 4]
    assert [r["Current FY"] for r in rows(con, "hud_spm_m5_2_first_time_homeless_es_sh_th_ph")] == [12, 3, 9]


def test_m7a1_takes_the_latest_outreach_exit_of_people_no_longer_in_outreach(con):
    # O1 101 (temporary/institutional), O2 410 (permanent), O3 116 (neither), O6 latest exit 435
    # (permanent; its earlier exit to 101 does not count); O4 (206 hospital) leaves the universe; O5 is
    # back in outreach at the end. Universe 4, row 3: 1, row 4: 2, success (1 + 2) / 4 = 75 %
    assert [r["Current FY"] for r in rows(con, "hud_spm_m7a1_street_outreach_exits")] == [4, 1, 2, 75]


def test_m7b_splits_leavers_and_permanent_housing_residents(con):
    # 7b.1 leavers of ES/SH/TH/PH, latest exit: A01 410, A08 410, A02 116, A05 302, A11 204, A12 410 (exit
    #   on the report start is in the period), R5 410, I7 RRH 435, P1 PSH without move-in 410 -> 9;
    #   to permanent: A01 A08 A12 R5 I7 P1 = 6 (66.67 %). Out: A04 (206 hospital), A03/A06/A07/A13/I-stayers
    #   still enrolled, I6 and Q1 left PSH after moving in (7b.2)
    # 7b.2 PSH residents who moved in: stayers A07 I1 I2 I5 I8 I9 I10, leavers I6 (410) and Q1 (116);
    #   I4 never moved in. Universe 9, stayed or left to permanent housing 8 (88.89 %)
    assert [r["Current FY"] for r in rows(con, "hud_spm_m7b1_exits_to_permanent_housing")] == [9, 6, 66.67]
    assert [r["Current FY"] for r in rows(con, "hud_spm_m7b2_permanent_housing_retention")] == [9, 8, 88.89]


def test_trend_lines_up_the_fiscal_years_built_for_the_coc(con):
    # FY2025 sheltered persons (2024-10-01..2025-09-30): ES A03, A04, A12, A13, R2 (ES 2024-12-01); TH A02;
    # SH A11 -> 7. FY2026: 11 (measure 3 above).
    world = report_world()
    artifact = world.artifacts[SPM_FY2026.request_id]
    with open(artifact.folder / "csv" / "Trend.csv", newline="", encoding="utf-8") as handle:
        trend = list(csv.reader(handle))
    assert trend[0] == ["", "FY2025", "FY2026", "HDX variable"]
    assert ["3.2 sheltered persons, unduplicated", "7", "11", "TotalAnnual_3"] in trend


# --- OK-505 (fixtures/spm/spm_rules_world.py): night-by-night, the lookback, PH before move-in, and
# records dated after the report end --------------------------------------------------------------------


def nights_homeless(con, variant: str) -> dict[str, int]:
    """OK-505's measure 1 nights per person (PersonalID) in one variant (1a.1 .. 1b.2)."""
    found = con.execute(
        "select split_part(e.personal_key, ':', 2), c.days_homeless "
        "from intermediate.int_spm_m1_clients as c "
        "inner join (select distinct request_id, client_id, personal_key from intermediate.int_spm_enrollments) as e "
        "using (request_id, client_id) where c.request_id = ? and c.variant = ?",
        [SPM_RULES_FY2026.request_id, variant],
    ).fetchall()
    return dict(found)


def test_m1a_counts_night_by_night_bed_nights_back_to_the_first_gap_and_never_before_the_lookback(con):
    # V01 bed nights 2024-10-01, 10-03, 10-04, 10-05, 10-06, 2025-10-05 (and 2026-10-02, after the report
    #     end: not yet happened). Client end = 2025-10-05, client start = 365 days earlier = 2024-10-05:
    #     in the window 2024-10-05, 10-06, 2025-10-05 = 3; walking back from 2024-10-05: 10-04, 10-03,
    #     then 10-02 is missing: stop (10-01 is not reached) -> 5. Had the night after the end counted,
    #     the window would end on 2026-10-02.
    # V02 a bed night every night since 2018-09-25, last 2026-01-31: nights before the lookback date
    #     (2018-10-01) never count -> 2018-10-01 .. 2026-01-31 = 2557 days (7 years, two leap days) +
    #     122 (Oct 31, Nov 30, Dec 31, Jan 30 to 2026-01-31) + 1 = 2680
    # V10 ES from 2026-09-01, exit 2026-10-05 after the report end: still there, 09-01 .. 09-30 = 30
    # V09's only bed nights are after the report end: not in measure 1.
    assert nights_homeless(con, "1a.1") == {"V01": 5, "V02": 2680, "V10": 30}
    assert nights_homeless(con, "1a.2") == {"V01": 5, "V02": 2680, "V10": 30}
    # 3 persons, mean (5 + 30 + 2680) / 3 = 905.00, median 30
    m1a = rows(con, "hud_spm_m1a_length_of_time_homeless", SPM_RULES_FY2026)
    assert [(r["Current FY Universe (Persons)"], r["Current FY Average LOT Homeless"]) for r in m1a] == [(3, 905)] * 2
    assert [r["Current FY Median LOT Homeless"] for r in m1a] == [30, 30]


def test_m1b_counts_ph_nights_before_move_in_and_a_move_in_after_the_report_end_is_none(con):
    # V03 PSH from the street 2026-08-01, moves in on 2026-10-05 (after the report end, so not yet):
    #     08-01 .. 09-30 = 31 + 30 = 61 nights before move-in
    # V05 RRH from the street 2025-08-01, left 2025-11-15 without moving in: 08-01 .. 11-14 = 31 + 30 +
    #     31 + 14 = 106
    # V04 RRH since 2025-05-01, never moved in, still there: entry, move-in and exit all outside the
    #     period -> no nights (docs/decisions.md, SPM); V08 entered PSH from a rental: no homeless nights
    assert nights_homeless(con, "1b.1") == {"V01": 5, "V02": 2680, "V03": 61, "V05": 106, "V10": 30}
    # 5 persons, mean (5 + 30 + 61 + 106 + 2680) / 5 = 2882 / 5 = 576.40, median 61
    m1b = rows(con, "hud_spm_m1b_length_of_time_homeless", SPM_RULES_FY2026)
    assert [r["Current FY Universe (Persons)"] for r in m1b] == [5, 5]
    assert [r["Current FY Average LOT Homeless"] for r in m1b] == [576.4, 576.4]
    assert [r["Current FY Median LOT Homeless"] for r in m1b] == [61, 61]


def test_every_measure_ignores_records_dated_after_the_report_end(con):
    # M3: ES V01 (bed night 2025-10-05), V02, V10 (still there at the end) = 3; V09's bed nights are all
    #     after the end
    assert current_fy(con, "hud_spm_m3_annual_count") == [3, 3, 0, 0]
    # M5: entries into ES in the period V09 (2026-09-20; its bed nights come later, its entry does not)
    #     and V10, none with an earlier stay; 5.2 adds V03's PSH entry
    assert current_fy(con, "hud_spm_m5_1_first_time_homeless_es_sh_th") == [2, 0, 2]
    assert current_fy(con, "hud_spm_m5_2_first_time_homeless_es_sh_th_ph") == [3, 0, 3]
    # M7a.1: V06 leaves outreach after the report end, so is still in it: only V07 (410) -> 1, 0, 1, 100 %
    assert current_fy(con, "hud_spm_m7a1_street_outreach_exits") == [1, 0, 1, 100]
    # M7b.1: V05 (RRH, left to 410); V10 and V08 leave after the end: still enrolled, out
    assert current_fy(con, "hud_spm_m7b1_exits_to_permanent_housing") == [1, 1, 100]
    # M7b.2: V08 moved in (2024-09-05) and is still in PSH at the end; V03 moves in only after the end: out
    assert current_fy(con, "hud_spm_m7b2_permanent_housing_retention") == [1, 1, 100]
    # M4: V08 is a stayer (exit after the end; 2024-09-01 .. 2026-09-30 = 759 days). Current income = the
    #     annual assessment of 2025-09-03 (600 SSI), not 2026-10-01 (400, after the end); previous = start
    #     500: earned 0 -> 0 not increased, other and total 500 -> 600 increased. No leavers (V05's RRH has
    #     no CoC program money).
    assert current_fy(con, "hud_spm_m4_1_stayer_earned_income") == [1, 0, 0]
    assert current_fy(con, "hud_spm_m4_2_stayer_other_income") == [1, 1, 100]
    assert current_fy(con, "hud_spm_m4_3_stayer_total_income") == [1, 1, 100]
    assert current_fy(con, "hud_spm_m4_6_leaver_total_income") == [0, 0, None]
