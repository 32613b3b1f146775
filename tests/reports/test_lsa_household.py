"""tlsa_Household of OK-508 for FY2026 (fixtures/spm/lsa_household_world.py): LSA spec §3.6 household types and
chapter 6 (§6.1-§6.7, §6.9, §6.10, §6.17), one row per head of household and household type.

Every expected value is worked out in the comments from the fixture's rows. The warehouse is the report tests'
shared build (fixtures/spm/world.py).
"""

from __future__ import annotations

from datetime import date

import duckdb
import pytest
from fixtures.spm.world import LSA_HH_FY2026, report_world

pytestmark = pytest.mark.slow


def query(sql: str) -> list[tuple]:
    con = duckdb.connect(str(report_world().warehouse), read_only=True)
    try:
        return con.execute(sql, [LSA_HH_FY2026.request_id]).fetchall()
    finally:
        con.close()


def bare(key: str | None) -> str | None:
    """A source-namespaced key (``ok508-hmis:N12``) as the fixture names it (``N12``)."""
    return key.split(":")[1] if key else None


def households(columns: str) -> dict[tuple[str, int], tuple]:
    rows = query(
        f"select hoh_personal_key, hh_type, {columns} from intermediate.int_lsa_household_summary where request_id = ?"
    )
    return {(bare(hoh), hh_type): tuple(rest) for hoh, hh_type, *rest in rows}


def days(columns: str) -> dict[tuple[str, int], tuple]:
    rows = query(
        f"select hoh_personal_key, hh_type, {columns} from intermediate.int_lsa_household_days where request_id = ?"
    )
    return {(bare(hoh), hh_type): tuple(rest) for hoh, hh_type, *rest in rows}


def test_household_types_by_entry_and_active_ages():
    # §3.6: G1/G1R Q1 (40) with three children: AC (2). Q9 of G6 has no DOB (98): unknown (99). G8 entered in
    # January 2025 as an adult and a child, but the child left before ReportStart: EntryHHType 2, ActiveHHType 1
    # (only members active in the period count for a household open on ReportStart). Everyone else is alone: AO.
    rows = query("select household_key, entry_hh_type, active_hh_type from intermediate.int_lsa_household_types "
                 "where request_id = ?")  # fmt: skip
    types = {bare(key): (entry, active) for key, entry, active in rows}
    alone = {"G1P", "G2", "G2T", "G2P", "G3", "G4", "G4P", "G5", "G5P", "G7", "G9", "G9E", "G9R"}
    assert types == {"G1": (2, 2), "G1R": (2, 2), "G6": (99, 99), "G8": (2, 1)} | {g: (1, 1) for g in alone}


def test_one_row_per_head_and_household_type_of_the_active_households():
    # §6.1: G1P (Q1 alone, adult-only) exited before ReportStart, so Q1 is one AC household (G1 and G1R); the
    # prior stays of Q5, Q7, Q8 (G2P, G4P, G5P) are not active either. Q5's two active stays are one household.
    assert sorted(households("1")) == [
        ("Q1", 2), ("Q10", 1), ("Q11", 1), ("Q13", 1), ("Q5", 1), ("Q6", 1), ("Q7", 1), ("Q8", 1), ("Q9", 99),
    ]  # fmt: skip


def test_system_engagement_status_and_return_time():
    # §6.9 (FirstEntry, Stat, StatEnrollmentID, ReturnTime days, ReturnTime upload value):
    # Q1: first entry 2025-11-01; its only earlier exit (G1P) is of another household type: first time (1).
    # Q5: first entry 2025-10-05, 65 days after G2P's exit (2025-08-01) to ES (101, temporary): 3, 61-90 = 90.
    # Q6, Q10, Q11: entered before ReportStart: continuous engagement (5).
    # Q7: G4 on 2025-10-05, ten days after G4P's exit (2025-09-25): under 15 days, so continuous (5), -1.
    # Q8: first bed night 2025-10-22 (the recorded entry 10-20 is not a bed night), 660 days after G5P's exit
    #     (2024-01-01) to 410 (permanent): return (2), 548-730 = 730.
    # Q9: no earlier stay: 1. Q13: RRH since 2025-09-05, before ReportStart: 5 (its latest earlier exit is G9E's).
    assert households("first_entry, stat, stat_enrollment_key, return_days, return_time") == {
        ("Q1", 2): (date(2025, 11, 1), 1, None, -1, -1),
        ("Q5", 1): (date(2025, 10, 5), 3, "ok508-hmis:N12", 65, 90),
        ("Q6", 1): (date(2020, 5, 1), 5, None, -1, -1),
        ("Q7", 1): (date(2025, 10, 5), 5, "ok508-hmis:N15", -1, -1),
        ("Q8", 1): (date(2025, 10, 22), 2, "ok508-hmis:N17", 660, 730),
        ("Q9", 99): (date(2026, 3, 1), 1, None, -1, -1),
        ("Q10", 1): (date(2025, 8, 1), 5, None, -1, -1),
        ("Q11", 1): (date(2025, 1, 1), 5, None, -1, -1),
        ("Q13", 1): (date(2025, 9, 5), 5, "ok508-hmis:N23", -1, -1),
    }


def test_household_composition_and_the_heads_race():
    # §6.2 HHAdult, HHChild, HHNoDOB (distinct active members, up to 3) and HoHRaceEthnicity (tlsa_Person):
    # Q1 with three children (White: 5); Q9 of unknown age (RaceNone 8: 98); Q11's child left before
    # ReportStart, so is not counted; Q6 Asian + White = 25; Q7 RaceNone 99.
    assert households("hh_adult, hh_child, hh_no_dob, hoh_race_ethnicity") == {
        ("Q1", 2): (1, 3, 0, 5),
        ("Q5", 1): (1, 0, 0, 5),
        ("Q6", 1): (1, 0, 0, 25),
        ("Q7", 1): (1, 0, 0, 99),
        ("Q8", 1): (1, 0, 0, 5),
        ("Q9", 99): (0, 0, 1, 98),
        ("Q10", 1): (1, 0, 0, 5),
        ("Q11", 1): (1, 0, 0, 5),
        ("Q13", 1): (1, 0, 0, 5),
    }


def test_project_group_status_and_move_in():
    # §6.3 EST/RRH/PSH/RRHSOStatus: 11/12 entered before ReportStart, 21/22 on or after; 1 still enrolled at
    # ReportEnd, 2 exited; 0 not served (§6.16's 2 for earlier continuous stays is not set yet).
    # §6.4 RRH/PSH/RRHSOMoveIn: -1 not served, 0 no move-in, 1 moved in during the period, 2 before it.
    # Q1: ES exited (22), RRH open (21) moved in 2026-03-01 (1). Q5: ES 2025-10-05 exited but TH open: 21.
    # Q6: PSH since 2020 (11), moved in 2020-06-01 (2). Q7: RRH exited (22), never moved in (0).
    # Q8: night-by-night to ReportEnd (21). Q9: ES exited (22). Q10: RRH services only since 2025-08 (11), no
    # move-in (0). Q11: TH since 2025-01 (11). Q13: RRH from 2025-09-05 exited (12), moved in 2025-10-15 (1).
    columns = "est_status, rrh_status, psh_status, rrhso_status, rrh_move_in, psh_move_in, rrhso_move_in"
    assert households(columns) == {
        ("Q1", 2): (22, 21, 0, 0, 1, -1, -1),
        ("Q5", 1): (21, 0, 0, 0, -1, -1, -1),
        ("Q6", 1): (0, 0, 11, 0, -1, 2, -1),
        ("Q7", 1): (0, 22, 0, 0, 0, -1, -1),
        ("Q8", 1): (21, 0, 0, 0, -1, -1, -1),
        ("Q9", 99): (22, 0, 0, 0, -1, -1, -1),
        ("Q10", 1): (0, 0, 0, 11, -1, -1, 0),
        ("Q11", 1): (11, 0, 0, 0, -1, -1, -1),
        ("Q13", 1): (0, 12, 0, 0, 1, -1, -1),
    }


def test_project_group_geography_living_situation_and_destination():
    # §6.5 Geography of the group's enrollment active latest (MES 2, MNBN 1, MTH 3, MRRH 1, MPSH 2; -1 not
    # served): Q5's open TH (3) is later than its ES stay (2).
    # §6.6 LivingSituation of the head's earliest enrollment in the group: Q5's ES stay (116), not its TH (101);
    # Q6 "doesn't know" (8) = 98; Q8's effective entry is not the recorded one (night-by-night) = 99; Q9 435 with
    # subsidy 420 = 420.
    # §6.7 ExitDest of the latest exit, only when the group ended in the period (status 12/22): Q1 ES to 435 with
    # VASH = 419, Q7 RRH to "doesn't know" (8) = 98, Q9 ES to 99.
    columns = ("est_geography, rrh_geography, psh_geography, est_living_sit, rrh_living_sit, psh_living_sit, "
               "est_destination, rrh_destination, psh_destination")  # fmt: skip
    assert households(columns) == {
        ("Q1", 2): (2, 1, -1, 116, 101, -1, 419, -1, -1),
        ("Q5", 1): (3, -1, -1, 116, -1, -1, -1, -1, -1),
        ("Q6", 1): (-1, -1, 2, -1, -1, 98, -1, -1, -1),
        ("Q7", 1): (-1, 1, -1, -1, 101, -1, -1, 98, -1),
        ("Q8", 1): (1, -1, -1, 99, -1, -1, -1, -1, -1),
        ("Q9", 99): (2, -1, -1, 420, -1, -1, 99, -1, -1),
        ("Q10", 1): (-1, -1, -1, -1, -1, -1, -1, -1, -1),
        ("Q11", 1): (3, -1, -1, 116, -1, -1, -1, -1, -1),
        ("Q13", 1): (-1, 1, -1, -1, 101, -1, -1, 410, -1),
    }


def test_active_in_residence_by_project_group():
    # §6.17: a bed night in the period in the group. Q1 ES, and RRH once moved in; Q6 PSH housed; Q7 RRH never
    # housed: 0; Q10 RRH services only is no project group here: 0.
    assert households("est_air, rrh_air, psh_air") == {
        ("Q1", 2): (1, 1, 0),
        ("Q5", 1): (1, 0, 0),
        ("Q6", 1): (0, 0, 1),
        ("Q7", 1): (0, 0, 0),
        ("Q8", 1): (1, 0, 0),
        ("Q9", 99): (1, 0, 0),
        ("Q10", 1): (0, 0, 0),
        ("Q11", 1): (1, 0, 0),
        ("Q13", 1): (0, 1, 0),
    }


def test_last_inactive_date():
    # §6.12: the day before the stretch of engagement (enrollments of the household type padded by 6 days after
    # exit, bed nights by 6 days) that reaches FirstEntry. Q7: G4P ended 2025-09-25, padded to 10-01; G4 starts
    # 10-05: LastInactive 2025-10-04. Q13: G9 (TH to 2025-04-27, padded to 05-03) and G9E (ES 05-01 to 09-01,
    # padded to 09-07) reach G9R's entry 2025-09-05: one stretch since 2025-01-01, LastInactive 2024-12-31.
    # Q8: G5P (RRH, ended 2024-01-01) is long past: the day before FirstEntry. Q10's RRH services only do not
    # count. Everyone else: the day before FirstEntry.
    assert {key: value for key, (value,) in days("last_inactive").items()} == {
        ("Q1", 2): date(2025, 10, 31),
        ("Q5", 1): date(2025, 10, 4),
        ("Q6", 1): date(2020, 4, 30),
        ("Q7", 1): date(2025, 10, 4),
        ("Q8", 1): date(2025, 10, 21),
        ("Q9", 99): date(2026, 2, 28),
        ("Q10", 1): date(2025, 7, 31),
        ("Q11", 1): date(2024, 12, 31),
        ("Q13", 1): date(2024, 12, 31),
    }


def test_system_use_days():
    # §6.11-§6.13, §6.15: each day after LastInactive (housed days: any day) has one status, the first of PSH
    # housed, RRH housed, TH, ES/SH, PSH and RRH before move-in; a stay counts to the day before its exit.
    # Columns: ESDays, THDays, ESTDays, RRHPSHPreMoveInDays, RRHHousedDays, SystemDaysNotPSHHoused,
    # SystemHomelessDays, PSHHousedDays, and §6.10 RRHPreMoveInDays (any active RRH day before move-in, up to
    # and including the exit day), §6.14 Other3917Days and TotalHomelessDays (SystemHomelessDays + Other3917Days).
    # Q1: ES 2025-11-01..2026-01-31 = 92; RRH 02-01..02-28 before move-in = 28, housed 03-01..09-30 = 214.
    # Q5: ES 2025-10-05..11-30 = 57; TH 2026-01-10..09-30 = 264; G2P is before LastInactive.
    # Q6: PSH 2020-05-01..05-31 before move-in = 31, housed 2020-06-01..2026-09-30 = 2313.
    # Q7: RRH 2025-10-05..2026-03-31 never housed = 178 (179 to the exit day for RRHPreMoveInDays).
    # Q8: three bed nights. Q9: ES 2026-03-01..03-19 = 19. Q10: RRH services only: none.
    # Q11: TH 2025-01-01..2026-09-30 = 638.
    # Q13: TH 2025-01-01..04-26 = 116 and ES 05-01..08-31 = 123 (inactive stays of the same stretch), RRH
    # 09-05..10-14 before move-in = 40, housed 10-15..2026-06-29 = 258.
    # 3.917 (Other3917Days): Q5 on the street from 2025-09-20 through LastInactive 10-04 = 15, and in ES (by
    # 3.917) 2025-12-01..2026-01-09 before its TH entry, days without system use = 40: 55. Q13 in ES (3.917)
    # from 2025-08-01 before the RRH entry 09-05: 08-01..08-31 are already ES days, so 09-01..09-04 = 4.
    columns = (
        "es_days, th_days, est_days, rrh_psh_pre_move_in_days, rrh_housed_days, system_days_not_psh_housed, "
        "system_homeless_days, psh_housed_days, rrh_pre_move_in_days, other_3917_days, total_homeless_days"
    )
    assert days(columns) == {
        ("Q1", 2): (92, 0, 92, 28, 214, 334, 120, 0, 28, 0, 120),
        ("Q5", 1): (57, 264, 321, 0, 0, 321, 321, 0, 0, 55, 376),
        ("Q6", 1): (0, 0, 0, 31, 0, 31, 31, 2313, 0, 0, 31),
        ("Q7", 1): (0, 0, 0, 178, 0, 178, 178, 0, 179, 0, 178),
        ("Q8", 1): (3, 0, 3, 0, 0, 3, 3, 0, 0, 0, 3),
        ("Q9", 99): (19, 0, 19, 0, 0, 19, 19, 0, 0, 0, 19),
        ("Q10", 1): (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        ("Q11", 1): (0, 638, 638, 0, 0, 638, 638, 0, 0, 0, 638),
        ("Q13", 1): (123, 116, 239, 40, 258, 537, 279, 0, 40, 4, 283),
    }


def test_statuses_after_continuous_engagement_and_system_path():
    # §6.16: a group served only before the period in the stretch of engagement gets status 2: Q13's TH and ES
    # (EST 0 -> 2). Q7's ES stay G4P ended before LastInactive: EST stays 0.
    # §6.18 SystemPath: Q1 ES + RRH = 5; Q5 ES + TH = 3; Q6 housed in PSH at ReportStart and nothing new = -1;
    # Q7 RRH only = 4; Q8, Q9 ES only = 1; Q10 RRH services only = -1; Q11 TH only = 2; Q13 ES + TH + RRH = 7.
    assert days("est_status, rrh_status, psh_status, system_path") == {
        ("Q1", 2): (22, 21, 0, 5),
        ("Q5", 1): (21, 0, 0, 3),
        ("Q6", 1): (0, 0, 11, -1),
        ("Q7", 1): (0, 22, 0, 4),
        ("Q8", 1): (21, 0, 0, 1),
        ("Q9", 99): (22, 0, 0, 1),
        ("Q10", 1): (0, 0, 0, -1),
        ("Q11", 1): (11, 0, 0, 2),
        ("Q13", 1): (2, 12, 0, 7),
    }
