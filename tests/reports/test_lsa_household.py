"""tlsa_Household and LSAHousehold.csv of OK-508 for FY2026 (fixtures/spm/lsa_household_world.py): LSA spec §3.6
household types and chapter 6 (§6.1-§6.19), one row per head of household and household type, then the file.

Every expected value is worked out in the comments from the fixture's rows. The warehouse is the report tests'
shared build (fixtures/spm/world.py).
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
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


HOUSEHOLDS = [
    ("Q1", 2), ("Q5", 1), ("Q6", 1), ("Q7", 1), ("Q8", 1), ("Q9", 99), ("Q10", 1), ("Q11", 1), ("Q13", 1), ("Q15", 1),
    ("Q16", 1), ("Q17", 1),
]  # fmt: skip


def test_household_types_by_entry_and_active_ages():
    # §3.6: G1/G1R Q1 (40) with three children (and Q14 in G1): AC (2). Q9 of G6 has no DOB (98): unknown (99).
    # G8 entered in January 2025 as an adult and a child, but the child left before ReportStart: EntryHHType 2,
    # ActiveHHType 1 (only members active in the period count for a household open on ReportStart). Everyone else
    # is alone: AO.
    rows = query("select household_key, entry_hh_type, active_hh_type from intermediate.int_lsa_household_types "
                 "where request_id = ?")  # fmt: skip
    types = {bare(key): (entry, active) for key, entry, active in rows}
    alone = {"G1P", "G2", "G2T", "G2P", "G3", "G4", "G4P", "G5", "G5P", "G7", "G9", "G9E", "G9R", "G10", "G11",
             "G11R", "G12", "G12R"}  # fmt: skip
    assert types == {"G1": (2, 2), "G1R": (2, 2), "G6": (99, 99), "G8": (2, 1)} | {g: (1, 1) for g in alone}


def test_one_row_per_head_and_household_type_of_the_active_households():
    # §6.1: G1P (Q1 alone, adult-only) exited before ReportStart, so Q1 is one AC household (G1 and G1R); the
    # prior stays of Q5, Q7, Q8 (G2P, G4P, G5P) are not active either. Q5's two active stays are one household,
    # and so are Q16's and Q17's (ES then RRH). Q14 is a member, not a head.
    assert sorted(households("1")) == sorted(HOUSEHOLDS)


# §6.9 (FirstEntry, Stat, StatEnrollmentID, ReturnTime days, ReturnTime upload value):
# Q1: first entry 2025-11-01; its only earlier exit (G1P) is of another household type: first time (1).
# Q5: first entry 2025-10-05, 65 days after G2P's exit (2025-08-01) to ES (101, temporary): 3, 61-90 = 90.
# Q6, Q10, Q11, Q15: entered before ReportStart: continuous engagement (5).
# Q7: G4 on 2025-10-05, ten days after G4P's exit (2025-09-25): under 15 days, so continuous (5), -1.
# Q8: first bed night 2025-10-22 (the recorded entry 10-20 is not a bed night), 660 days after G5P's exit
#     (2024-01-01) to 410 (permanent): return (2), 548-730 = 730.
# Q9, Q16, Q17: no earlier stay: 1. Q13: RRH since 2025-09-05, before ReportStart: 5 (its latest earlier exit is
# G9E's).
ENGAGEMENT = {
    ("Q1", 2): (date(2025, 11, 1), 1, None, -1, -1),
    ("Q5", 1): (date(2025, 10, 5), 3, "ok508-hmis:N12", 65, 90),
    ("Q6", 1): (date(2020, 5, 1), 5, None, -1, -1),
    ("Q7", 1): (date(2025, 10, 5), 5, "ok508-hmis:N15", -1, -1),
    ("Q8", 1): (date(2025, 10, 22), 2, "ok508-hmis:N17", 660, 730),
    ("Q9", 99): (date(2026, 3, 1), 1, None, -1, -1),
    ("Q10", 1): (date(2025, 8, 1), 5, None, -1, -1),
    ("Q11", 1): (date(2025, 1, 1), 5, None, -1, -1),
    ("Q13", 1): (date(2025, 9, 5), 5, "ok508-hmis:N23", -1, -1),
    ("Q15", 1): (date(2024, 6, 1), 5, None, -1, -1),
    ("Q16", 1): (date(2025, 10, 10), 1, None, -1, -1),
    ("Q17", 1): (date(2025, 10, 10), 1, None, -1, -1),
}


def test_system_engagement_status_and_return_time():
    assert households("first_entry, stat, stat_enrollment_key, return_days, return_time") == ENGAGEMENT


# §6.2 HHAdult, HHChild, HHNoDOB (distinct active members, up to 3) and HoHRaceEthnicity (tlsa_Person):
# Q1 with Q14 (in G1 only) and three children (White: 5); Q9 of unknown age (RaceNone 8: 98); Q11's child left
# before ReportStart, so is not counted; Q6 Asian + White = 25; Q7 RaceNone 99.
COMPOSITION = {
    ("Q1", 2): (2, 3, 0, 5),
    ("Q5", 1): (1, 0, 0, 5),
    ("Q6", 1): (1, 0, 0, 25),
    ("Q7", 1): (1, 0, 0, 99),
    ("Q8", 1): (1, 0, 0, 5),
    ("Q9", 99): (0, 0, 1, 98),
    ("Q10", 1): (1, 0, 0, 5),
    ("Q11", 1): (1, 0, 0, 5),
    ("Q13", 1): (1, 0, 0, 5),
    ("Q15", 1): (1, 0, 0, 5),
    ("Q16", 1): (1, 0, 0, 5),
    ("Q17", 1): (1, 0, 0, 5),
}


def test_household_composition_and_the_heads_race():
    assert households("hh_adult, hh_child, hh_no_dob, hoh_race_ethnicity") == COMPOSITION


# §6.2 population identifiers over the household's active HouseholdIDs (tlsa_HHID, §5.12), columns HHChronic,
# HHVet, HHDisability, HHFleeingDV, HHAdultAge, HHParent and AC3Plus (tlsa_Household only):
# HHChronic: Q15 (disabled, on the street from 2024-01-01 then in ES to ReportEnd with full 3.917 answers: one
#   episode of 365+ days ending in the last year, CHTime 365/1) = 1. Q6 (disabled, PSH since 2020: no ES/SH/street
#   day in the three years, living situation "doesn't know": CHTime 0, CHTimeStatus 99) = 9. Q14 (disabled, in G1)
#   has 109 days with full answers (CHTime 0, not 99): 0. Everyone else is not disabled: 0.
# HHVet: Q1's G1 has Q14 (22, veteran) = 1; Q8 (60) is a veteran = 1.
# HHDisability: G1 (Q14), Q6, Q15 = 1.
# HHFleeingDV: G1 has Q14 fleeing (DVStatus 1) and Q1 a survivor not fleeing (2): the first value, 1; G1R (Q1
#   only) is 2, so the household is 1.
# HHAdultAge (ActiveAge groups): Q15 19 (18-21) = 18; Q16/Q17 24 in ES (22-24) and 25 in RRH: 24 before 25 = 24;
#   Q8 60 and Q13 55 alone = 55; Q9 unknown household type = -1; everyone else has an adult of 25-54 = 25.
# HHParent: Q1's children (RelationshipToHoH 2) = 1; Q11's child left before ReportStart (not active) = 0.
# AC3Plus: Q1's three children = 1.
POPULATIONS = {
    ("Q1", 2): (0, 1, 1, 1, 25, 1, 1),
    ("Q5", 1): (0, 0, 0, 0, 25, 0, 0),
    ("Q6", 1): (9, 0, 1, 0, 25, 0, 0),
    ("Q7", 1): (0, 0, 0, 0, 25, 0, 0),
    ("Q8", 1): (0, 1, 0, 0, 55, 0, 0),
    ("Q9", 99): (0, 0, 0, 0, -1, 0, 0),
    ("Q10", 1): (0, 0, 0, 0, 25, 0, 0),
    ("Q11", 1): (0, 0, 0, 0, 25, 0, 0),
    ("Q13", 1): (0, 0, 0, 0, 55, 0, 0),
    ("Q15", 1): (1, 0, 1, 0, 18, 0, 0),
    ("Q16", 1): (0, 0, 0, 0, 24, 0, 0),
    ("Q17", 1): (0, 0, 0, 0, 24, 0, 0),
}


def test_population_identifiers():
    columns = "hh_chronic, hh_vet, hh_disability, hh_fleeing_dv, hh_adult_age, hh_parent, ac3_plus"
    assert households(columns) == POPULATIONS


# §6.8 the same by project group (Chronic only for HHChronic 1, AC3Plus only for AC with HHChild 3), columns
# Chronic, Vet, Disability, FleeingDV, AC3Plus, AdultAge, Parent; not served in the group: 0s and AdultAge -1.
# Q1: EST is G1 (with Q14: veteran, disabled, fleeing = 1); RRH is G1R (Q1 and the children: no veteran or
#   disability, Q1 a survivor not fleeing = 2); both have the three children (AC3Plus, Parent) and an adult of 40.
# Q6: PSH only (disabled; HHChronic 9 is not 1). Q8: EST veteran, 55. Q10: RRH services only is no group.
# Q13: only G9R (RRH) is active. Q15: EST chronic, disabled, 18. Q16/Q17: EST at 24, RRH at 25.
NOT_SERVED = (0, 0, 0, 0, 0, -1, 0)
GROUP_POPULATIONS = {
    "est": {
        ("Q1", 2): (0, 1, 1, 1, 1, 25, 1),
        ("Q5", 1): (0, 0, 0, 0, 0, 25, 0),
        ("Q8", 1): (0, 1, 0, 0, 0, 55, 0),
        ("Q9", 99): (0, 0, 0, 0, 0, -1, 0),
        ("Q11", 1): (0, 0, 0, 0, 0, 25, 0),
        ("Q15", 1): (1, 0, 1, 0, 0, 18, 0),
        ("Q16", 1): (0, 0, 0, 0, 0, 24, 0),
        ("Q17", 1): (0, 0, 0, 0, 0, 24, 0),
    },
    "rrh": {
        ("Q1", 2): (0, 0, 0, 2, 1, 25, 1),
        ("Q7", 1): (0, 0, 0, 0, 0, 25, 0),
        ("Q13", 1): (0, 0, 0, 0, 0, 55, 0),
        ("Q16", 1): (0, 0, 0, 0, 0, 25, 0),
        ("Q17", 1): (0, 0, 0, 0, 0, 25, 0),
    },
    "psh": {
        ("Q6", 1): (0, 0, 1, 0, 0, 25, 0),
    },
}


@pytest.mark.parametrize("group", ["est", "rrh", "psh"])
def test_population_identifiers_by_project_group(group: str):
    columns = ", ".join(f"{group}_{c}" for c in ("chronic", "vet", "disability", "fleeing_dv", "ac3_plus", "adult_age",
                                                "parent"))  # fmt: skip
    expected = {key: GROUP_POPULATIONS[group].get(key, NOT_SERVED) for key in HOUSEHOLDS}
    assert households(columns) == expected


# §6.3 EST/RRH/PSH/RRHSOStatus: 11/12 entered before ReportStart, 21/22 on or after; 1 still enrolled at
# ReportEnd, 2 exited; 0 not served (§6.16's 2 for earlier continuous stays is set in int_lsa_household_days).
# §6.4 RRH/PSH/RRHSOMoveIn: -1 not served, 0 no move-in, 1 moved in during the period, 2 before it.
# Q1: ES exited (22), RRH open (21) moved in 2026-03-01 (1). Q5: ES 2025-10-05 exited but TH open: 21.
# Q6: PSH since 2020 (11), moved in 2020-06-01 (2). Q7: RRH exited (22), never moved in (0).
# Q8: night-by-night to ReportEnd (21). Q9: ES exited (22). Q10: RRH services only since 2025-08 (11), no
# move-in (0). Q11: TH since 2025-01 (11). Q13: RRH from 2025-09-05 exited (12), moved in 2025-10-15 (1).
# Q15: ES since 2024-06 (11). Q16/Q17: ES exited (22), RRH open (21), no move-in (0).
STATUS = {
    ("Q1", 2): (22, 21, 0, 0, 1, -1, -1),
    ("Q5", 1): (21, 0, 0, 0, -1, -1, -1),
    ("Q6", 1): (0, 0, 11, 0, -1, 2, -1),
    ("Q7", 1): (0, 22, 0, 0, 0, -1, -1),
    ("Q8", 1): (21, 0, 0, 0, -1, -1, -1),
    ("Q9", 99): (22, 0, 0, 0, -1, -1, -1),
    ("Q10", 1): (0, 0, 0, 11, -1, -1, 0),
    ("Q11", 1): (11, 0, 0, 0, -1, -1, -1),
    ("Q13", 1): (0, 12, 0, 0, 1, -1, -1),
    ("Q15", 1): (11, 0, 0, 0, -1, -1, -1),
    ("Q16", 1): (22, 21, 0, 0, 0, -1, -1),
    ("Q17", 1): (22, 21, 0, 0, 0, -1, -1),
}


def test_project_group_status_and_move_in():
    columns = "est_status, rrh_status, psh_status, rrhso_status, rrh_move_in, psh_move_in, rrhso_move_in"
    assert households(columns) == STATUS


# §6.5 Geography of the group's enrollment active latest (MES 2, MNBN 1, MTH 3, MRRH 1, MPSH 2; -1 not served):
# Q5's open TH (3) is later than its ES stay (2).
# §6.6 LivingSituation of the head's earliest enrollment in the group: Q5's ES stay (116), not its TH (101); Q6
# "doesn't know" (8) = 98; Q8's effective entry is not the recorded one (night-by-night) = 99; Q9 435 with subsidy
# 420 = 420.
# §6.7 ExitDest of the latest exit, only when the group ended in the period (status 12/22): Q1 ES to 435 with VASH
# = 419, Q7 RRH to "doesn't know" (8) = 98, Q9 ES to 99, Q16/Q17 ES to 101.
GEOGRAPHY = {
    ("Q1", 2): (2, 1, -1, 116, 101, -1, 419, -1, -1),
    ("Q5", 1): (3, -1, -1, 116, -1, -1, -1, -1, -1),
    ("Q6", 1): (-1, -1, 2, -1, -1, 98, -1, -1, -1),
    ("Q7", 1): (-1, 1, -1, -1, 101, -1, -1, 98, -1),
    ("Q8", 1): (1, -1, -1, 99, -1, -1, -1, -1, -1),
    ("Q9", 99): (2, -1, -1, 420, -1, -1, 99, -1, -1),
    ("Q10", 1): (-1, -1, -1, -1, -1, -1, -1, -1, -1),
    ("Q11", 1): (3, -1, -1, 116, -1, -1, -1, -1, -1),
    ("Q13", 1): (-1, 1, -1, -1, 101, -1, -1, 410, -1),
    ("Q15", 1): (2, -1, -1, 116, -1, -1, -1, -1, -1),
    ("Q16", 1): (2, 1, -1, 116, 101, -1, 101, -1, -1),
    ("Q17", 1): (2, 1, -1, 116, 101, -1, 101, -1, -1),
}


def test_project_group_geography_living_situation_and_destination():
    columns = ("est_geography, rrh_geography, psh_geography, est_living_sit, rrh_living_sit, psh_living_sit, "
               "est_destination, rrh_destination, psh_destination")  # fmt: skip
    assert households(columns) == GEOGRAPHY


# §6.17: a bed night in the period in the group. Q1 ES, and RRH once moved in; Q6 PSH housed; Q7, Q16, Q17 RRH
# never housed: 0; Q10 RRH services only is no project group here: 0.
AIR = {
    ("Q1", 2): (1, 1, 0),
    ("Q5", 1): (1, 0, 0),
    ("Q6", 1): (0, 0, 1),
    ("Q7", 1): (0, 0, 0),
    ("Q8", 1): (1, 0, 0),
    ("Q9", 99): (1, 0, 0),
    ("Q10", 1): (0, 0, 0),
    ("Q11", 1): (1, 0, 0),
    ("Q13", 1): (0, 1, 0),
    ("Q15", 1): (1, 0, 0),
    ("Q16", 1): (1, 0, 0),
    ("Q17", 1): (1, 0, 0),
}


def test_active_in_residence_by_project_group():
    assert households("est_air, rrh_air, psh_air") == AIR


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
        ("Q15", 1): date(2024, 5, 31),
        ("Q16", 1): date(2025, 10, 9),
        ("Q17", 1): date(2025, 10, 9),
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
    # Q15: ES 2024-06-01..2026-09-30 = 214 (2024) + 365 + 273 = 852.
    # Q16: ES 2025-10-10..11-09 = 31; RRH 11-10..2026-09-30 never housed = 21 + 31 + 273 = 325.
    # Q17: ES 2025-10-10..11-14 = 36; RRH 11-15..2026-09-30 = 16 + 31 + 273 = 320.
    # 3.917 (Other3917Days): Q5 on the street from 2025-09-20 through LastInactive 10-04 = 15, and in ES (by
    # 3.917) 2025-12-01..2026-01-09 before its TH entry, days without system use = 40: 55. Q13 in ES (3.917)
    # from 2025-08-01 before the RRH entry 09-05: 08-01..08-31 are already ES days, so 09-01..09-04 = 4.
    # Q15 on the street from 2024-01-01 through LastInactive 2024-05-31 = 152 (2024 is a leap year).
    assert days(", ".join(DAY_COLUMNS)) == DAYS


DAY_COLUMNS = [
    "es_days", "th_days", "est_days", "rrh_psh_pre_move_in_days", "rrh_housed_days", "system_days_not_psh_housed",
    "system_homeless_days", "psh_housed_days", "rrh_pre_move_in_days", "other_3917_days", "total_homeless_days",
]  # fmt: skip
DAYS = {
    ("Q1", 2): (92, 0, 92, 28, 214, 334, 120, 0, 28, 0, 120),
    ("Q5", 1): (57, 264, 321, 0, 0, 321, 321, 0, 0, 55, 376),
    ("Q6", 1): (0, 0, 0, 31, 0, 31, 31, 2313, 0, 0, 31),
    ("Q7", 1): (0, 0, 0, 178, 0, 178, 178, 0, 179, 0, 178),
    ("Q8", 1): (3, 0, 3, 0, 0, 3, 3, 0, 0, 0, 3),
    ("Q9", 99): (19, 0, 19, 0, 0, 19, 19, 0, 0, 0, 19),
    ("Q10", 1): (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    ("Q11", 1): (0, 638, 638, 0, 0, 638, 638, 0, 0, 0, 638),
    ("Q13", 1): (123, 116, 239, 40, 258, 537, 279, 0, 40, 4, 283),
    ("Q15", 1): (852, 0, 852, 0, 0, 852, 852, 0, 0, 152, 1004),
    ("Q16", 1): (31, 0, 31, 325, 0, 356, 356, 0, 325, 0, 356),
    ("Q17", 1): (36, 0, 36, 320, 0, 356, 356, 0, 320, 0, 356),
}


# §6.16: a group served only before the period in the stretch of engagement gets status 2: Q13's TH and ES
# (EST 0 -> 2). Q7's ES stay G4P ended before LastInactive: EST stays 0.
# §6.18 SystemPath: Q1, Q16, Q17 ES + RRH = 5; Q5 ES + TH = 3; Q6 housed in PSH at ReportStart and nothing new =
# -1; Q7 RRH only = 4; Q8, Q9, Q15 ES only = 1; Q10 RRH services only = -1; Q11 TH only = 2; Q13 ES + TH + RRH = 7.
FINAL_STATUS = {
    ("Q1", 2): (22, 21, 0, 5),
    ("Q5", 1): (21, 0, 0, 3),
    ("Q6", 1): (0, 0, 11, -1),
    ("Q7", 1): (0, 22, 0, 4),
    ("Q8", 1): (21, 0, 0, 1),
    ("Q9", 99): (22, 0, 0, 1),
    ("Q10", 1): (0, 0, 0, -1),
    ("Q11", 1): (11, 0, 0, 2),
    ("Q13", 1): (2, 12, 0, 7),
    ("Q15", 1): (11, 0, 0, 1),
    ("Q16", 1): (22, 21, 0, 5),
    ("Q17", 1): (22, 21, 0, 5),
}


def test_statuses_after_continuous_engagement_and_system_path():
    assert days("est_status, rrh_status, psh_status, system_path") == FINAL_STATUS


# §6.19 upload values of the day counts above (0; 7, 30, 60, 90, 180, 365, 547, 730, 1094 the upper bound of
# 1-7 .. 731-1094 days; 1095 beyond), columns RRHPreMoveInDays, PSHHousedDays (0 when PSHMoveIn is not 1/2, else
# months: 3, 6, 12, 24, 36, 48, 60, 84 for 1826-2555 days, 120, 121), ESDays, THDays, ESTDays,
# RRHPSHPreMoveInDays, RRHHousedDays, SystemDaysNotPSHHoused, SystemHomelessDays, Other3917Days,
# TotalHomelessDays:
# Q1: 28 -> 30; 92 -> 180; 214, 334 -> 365; 120 -> 180.  Q5: 57, 55 -> 60; 264, 321 -> 365; 376 -> 547.
# Q6: housed 2313 days, moved in before the period -> 84 (5-7 years); 31 -> 60.  Q7: 179, 178 -> 180.
# Q8: 3 -> 7.  Q9: 19 -> 30.  Q11: 638 -> 730.  Q13: 40 -> 60; 123, 116 -> 180; 239, 258, 279, 283 -> 365;
# 537 -> 547; 4 -> 7.  Q15: 852, 1004 -> 1094; 152 -> 180.  Q16: 325, 356 -> 365; 31 -> 60.  Q17: 320, 356 ->
# 365; 36 -> 60: the same upload values as Q16.
UPLOAD_DAYS = {
    ("Q1", 2): (30, 0, 180, 0, 180, 30, 365, 365, 180, 0, 180),
    ("Q5", 1): (0, 0, 60, 365, 365, 0, 0, 365, 365, 60, 547),
    ("Q6", 1): (0, 84, 0, 0, 0, 60, 0, 60, 60, 0, 60),
    ("Q7", 1): (180, 0, 0, 0, 0, 180, 0, 180, 180, 0, 180),
    ("Q8", 1): (0, 0, 7, 0, 7, 0, 0, 7, 7, 0, 7),
    ("Q9", 99): (0, 0, 30, 0, 30, 0, 0, 30, 30, 0, 30),
    ("Q10", 1): (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    ("Q11", 1): (0, 0, 0, 730, 730, 0, 0, 730, 730, 0, 730),
    ("Q13", 1): (60, 0, 180, 180, 365, 60, 365, 547, 365, 7, 365),
    ("Q15", 1): (0, 0, 1094, 0, 1094, 0, 0, 1094, 1094, 180, 1094),
    ("Q16", 1): (365, 0, 60, 0, 60, 365, 0, 365, 365, 0, 365),
    ("Q17", 1): (365, 0, 60, 0, 60, 365, 0, 365, 365, 0, 365),
}


def file_row(key: tuple[str, int]) -> dict[str, int]:
    """One household's LSAHousehold values (HUD column names), from the hand-derived tables above."""
    _, stat, _, _, return_time = ENGAGEMENT[key]
    hh_adult, hh_child, hh_no_dob, race = COMPOSITION[key]
    chronic, vet, disability, fleeing, adult_age, parent, _ = POPULATIONS[key]
    est_status, rrh_status, psh_status, system_path = FINAL_STATUS[key]
    _, _, _, rrhso_status, rrh_move_in, psh_move_in, rrhso_move_in = STATUS[key]
    est_geo, rrh_geo, psh_geo, est_sit, rrh_sit, psh_sit, est_dest, rrh_dest, psh_dest = GEOGRAPHY[key]
    rrh_pre, psh_housed, *system_days = UPLOAD_DAYS[key]
    row = {
        "Stat": stat, "ReturnTime": return_time, "HHType": key[1], "HHChronic": chronic, "HHVet": vet,
        "HHDisability": disability, "HHFleeingDV": fleeing, "HoHRaceEthnicity": race, "HHAdult": hh_adult,
        "HHChild": hh_child, "HHNoDOB": hh_no_dob, "HHAdultAge": adult_age, "HHParent": parent,
        "ESTStatus": est_status, "ESTGeography": est_geo, "ESTLivingSit": est_sit, "ESTDestination": est_dest,
        "RRHStatus": rrh_status, "RRHMoveIn": rrh_move_in, "RRHGeography": rrh_geo, "RRHLivingSit": rrh_sit,
        "RRHDestination": rrh_dest, "RRHPreMoveInDays": rrh_pre, "PSHStatus": psh_status, "PSHMoveIn": psh_move_in,
        "PSHGeography": psh_geo, "PSHLivingSit": psh_sit, "PSHDestination": psh_dest, "PSHHousedDays": psh_housed,
        "SystemPath": system_path, "RRHSOStatus": rrhso_status, "RRHSOMoveIn": rrhso_move_in,
    }  # fmt: skip
    names = ["ESDays", "THDays", "ESTDays", "RRHPSHPreMoveInDays", "RRHHousedDays", "SystemDaysNotPSHHoused",
             "SystemHomelessDays", "Other3917Days", "TotalHomelessDays"]  # fmt: skip
    row |= dict(zip(names, system_days, strict=True))
    row |= dict(zip(["ESTAIR", "RRHAIR", "PSHAIR"], AIR[key], strict=True))
    for group, prefix in (("est", "EST"), ("rrh", "RRH"), ("psh", "PSH")):
        values = GROUP_POPULATIONS[group].get(key, NOT_SERVED)
        names = ["Chronic", "Vet", "Disability", "FleeingDV", "AC3Plus", "AdultAge", "Parent"]
        row |= {prefix + name: value for name, value in zip(names, values, strict=True)}
    return row


def test_the_lsahousehold_file_counts_households_by_their_upload_values():
    # §6.19: one row per combination of the 65 values, RowTotal the households with it. Every household above
    # has a combination of its own except Q16 and Q17 (other actual days, the same upload values): 11 rows, one
    # with RowTotal 2. HUD's column names and order; ReportID as in LSAReport.
    folder = report_world().lsa_artifacts[LSA_HH_FY2026.request_id].folder / "csv"
    header, *lines = (folder / "LSAHousehold.csv").read_bytes().decode("utf-8").split("\r\n")[:-1]
    (report,) = csv.DictReader(io.StringIO((folder / "LSAReport.csv").read_text(encoding="utf-8")))
    columns = header.split(",")
    assert len(columns) == 67 and (columns[0], columns[-1]) == ("RowTotal", "ReportID")
    rows = [dict(zip(columns, map(int, line.split(",")), strict=True)) for line in lines]
    assert {row.pop("ReportID") for row in rows} == {int(report["ReportID"])}
    written = {tuple(sorted((k, v) for k, v in row.items() if k != "RowTotal")): row["RowTotal"] for row in rows}
    expected = Counter(tuple(sorted(file_row(key).items())) for key in HOUSEHOLDS)
    assert written == dict(expected)
    assert sorted(written.values()) == [1] * 10 + [2]
    assert [name for name, _ in sorted(file_row(("Q1", 2)).items())] == sorted(columns[1:-1])
    # The cross-file rule (LSAHousehold's households by project group and type = LSAPerson's heads) holds.
    manifest = json.loads(report_world().lsa_artifacts[LSA_HH_FY2026.request_id].manifest_path.read_text())
    rules = {failure["rule"] for failure in manifest["hud_validation"]["failures"]}
    assert manifest["hud_validation"]["rules_checked"] > 0
    assert "assert_lsa_household_heads_match_lsa_person" not in rules


# Chapter 8 (§8.3-§8.7): LSACalculated rows 1-16, the mean of tlsa_Household's days above zero, rounded half up,
# by household type and population. Populations of these households (§8.3, from the tables above):
#   10 youth 18-21 (AO): Q15.  11 youth 22-24 (AO): Q16, Q17.  13 veteran: Q1 (AC), Q8.  14 non-veteran 25+ (AO):
#   Q5, Q6, Q7, Q10, Q11, Q13.  15 and 16 chronically homeless: Q15.  17 annual inflow (HHChronic 0): all but Q6
#   (9) and Q15.  18 disabled: Q1, Q6, Q15.  19 fleeing DV: Q1.  20 first time homeless: Q1, Q9, Q16, Q17.
#   21 returning from PH: Q8.  34 White head: Q1, Q5, Q8, Q10, Q11, Q13, Q15, Q16, Q17; Q6 Asian and White: 36
#   (multi-racial), 39, 44.  45 seniors 55+ (AO): Q8, Q13.  47 three or more children (AC): Q1.  Nobody in 12,
#   22, 46, 48.
# Row 1 (ESDays > 0): Q1 92, Q5 57, Q8 3, Q9 19, Q13 123, Q15 852, Q16 31, Q17 36.
#   All: 1213 / 8 = 151.6 -> 152.  Youth 22-24 (11, AO only): (31 + 36) / 2 = 33.5 -> 34.  Veterans (13):
#   (92 + 3) / 2 = 47.5 -> 48, AO 3, AC 92.  Non-veteran 25+ (14): (57 + 123) / 2 = 90.  Annual inflow (17):
#   361 / 7 = 51.6 -> 52.  Disabled (18): (92 + 852) / 2 = 472.  Seniors (45, AO): (3 + 123) / 2 = 63.
#   Subpopulations of parents: 1018 youth 18-21 disabled (Q15) 852; 1120 youth 22-24 first time (Q16, Q17) 34;
#   1320 veteran first time (Q1) 92 for HHType 0 and 2; 1321 and 1345 (Q8) 3 (AO); 1347 (Q1) 92 (AC); 1445
#   non-veteran senior (Q13) 123; 1015 chronically homeless youth 18-21 (Q15) 852 (18 has no parent 15: no 1518).
# Row 7 by SystemPath (parents only): youth 22-24 on path 5 (ES/SH + RRH): Q16, Q17 356; non-veteran 25+ on
#   path 3 (ES/SH + TH): Q5 376.
# Row 11 (PSH housed at ReportEnd): Q6 2313 (populations 0 and 14).  Row 12 (RRH exited, never moved in): Q7 179
#   (14).  Row 13 (RRH at ReportEnd, not moved in): Q16 325, Q17 320 -> 322.5 -> 323 (0 and 11).  Row 15 (RRH
#   housed, exited): Q13 258 (14).  Row 16 (RRH housed at ReportEnd): Q1 214 (13 and 17, HHType 0 and 2).
HOUSEHOLD_AVERAGES = {
    # (ReportRow, HHType, Population, SystemPath): Value
    (1, 0, 0, -1): 152, (1, 1, 11, -1): 34, (1, 0, 13, -1): 48, (1, 1, 13, -1): 3, (1, 2, 13, -1): 92,
    (1, 1, 14, -1): 90, (1, 0, 17, -1): 52, (1, 0, 18, -1): 472, (1, 1, 45, -1): 63, (1, 1, 1018, -1): 852,
    (1, 1, 1120, -1): 34, (1, 0, 1320, -1): 92, (1, 2, 1320, -1): 92, (1, 1, 1321, -1): 3, (1, 1, 1345, -1): 3,
    (1, 2, 1347, -1): 92, (1, 1, 1445, -1): 123, (1, 1, 1015, -1): 852, (1, 1, 10, -1): 852,
    (7, 1, 11, 5): 356, (7, 1, 14, 3): 376,
    (11, 0, 0, -1): 2313, (11, 1, 14, -1): 2313, (12, 1, 14, -1): 179, (13, 0, 0, -1): 323, (13, 1, 11, -1): 323,
    (15, 1, 14, -1): 258, (16, 0, 13, -1): 214, (16, 2, 13, -1): 214, (16, 0, 17, -1): 214,
}  # fmt: skip


def household_averages() -> dict[tuple[int, int, int, int], int]:
    """LSACalculated.csv's rows 1-16 as written: (ReportRow, HHType, Population, SystemPath) -> Value."""
    folder = report_world().lsa_artifacts[LSA_HH_FY2026.request_id].folder / "csv"
    rows = list(csv.DictReader(io.StringIO((folder / "LSACalculated.csv").read_text(encoding="utf-8"))))
    averages = {}
    for row in rows:
        if int(row["ReportRow"]) <= 16:
            assert (row["Cohort"], row["Universe"], row["ProjectID"]) == ("1", "-1", "")
            key = tuple(int(row[c]) for c in ("ReportRow", "HHType", "Population", "SystemPath"))
            averages[key] = int(row["Value"])
    return averages


RACE_ONLY = {1: 23, 16: 24, 2: 25, 26: 26, 3: 27, 36: 28, 6: 29, 7: 30, 67: 31, 4: 32, 46: 33, 5: 34, 56: 35}
ALL_TYPES = (0, 1, 2, 3, 99)


def populations_of(key: tuple[str, int]) -> dict[int, tuple[int, ...]]:
    """§8.3 read independently of the SQL: the populations household `key` is in, each with the household types
    it is reported for (parents 0 and 10-17; subpopulations alone and with parents 10-15, for shared types)."""
    chronic, vet, disability, fleeing, adult_age, parent, _ = POPULATIONS[key]
    race = COMPOSITION[key][3]
    parents = {0: (True, ALL_TYPES), 10: (adult_age == 18, (1,)), 11: (adult_age == 24, (1,)),
               12: (parent == 1 and adult_age in (18, 24), (2,)), 13: (vet == 1, (0, 1, 2, 99)),
               14: (vet == 0 and adult_age in (25, 55), (1,)), 15: (chronic == 1, ALL_TYPES)}  # fmt: skip
    others = {16: (chronic in (1, 2), ALL_TYPES), 17: (chronic in (0, 3), ALL_TYPES)}
    up_to_15 = (0, 10, 11, 12, 13, 14, 15)
    subs = {15: (chronic == 1, ALL_TYPES, (10, 11, 12, 13, 14)), 18: (disability == 1, ALL_TYPES, up_to_15[:-1]),
            19: (fleeing == 1, ALL_TYPES, up_to_15), 20: (ENGAGEMENT[key][1] == 1, ALL_TYPES, up_to_15),
            21: (ENGAGEMENT[key][1] == 2, ALL_TYPES, up_to_15), 22: (STATUS[key][5] == 1, ALL_TYPES, up_to_15),
            45: (adult_age == 55, (1,), (0, 13, 14, 15)), 46: (parent == 1, (3,), (0, 15)),
            47: (COMPOSITION[key][1] == 3, (2,), (0, 13, 15)), 48: (fleeing == 2, ALL_TYPES, up_to_15)}  # fmt: skip
    if race not in (98, 99):
        digits = str(race)
        races = {RACE_ONLY.get(race, 37 if "6" in digits else 36)}
        races |= {population for digit, population in zip("1236745", range(38, 45), strict=True) if digit in digits}
        subs |= {population: (True, ALL_TYPES, up_to_15) for population in races}
    member = {population: types for population, (is_in, types) in (parents | others).items() if is_in}
    for sub, (is_in, types, parent_ids) in subs.items():
        for parent_id in parent_ids:
            shared = tuple(t for t in types if t in parents[parent_id][1])
            if is_in and parent_id in member and shared:
                member[sub if parent_id == 0 else parent_id * 100 + sub] = shared
    return {population: tuple(t for t in types if t in (0, key[1])) for population, types in member.items()}


def expected_household_averages() -> dict[tuple[int, int, int, int], int]:
    """Rows 1-16 from the hand-derived tables above (§8.4-§8.7)."""
    day = {key: dict(zip(DAY_COLUMNS, values, strict=True)) for key, values in DAYS.items()}
    loth = {1: ("es_days", {1, 3, 5, 7, 9, 10, 12}), 2: ("th_days", {2, 3, 6, 7, 12}), 3: ("est_days", {3, 7, 12}),
            4: ("rrh_psh_pre_move_in_days", set(range(4, 13))), 5: ("system_homeless_days", set(range(5, 13))),
            6: ("other_3917_days", set(range(1, 13))), 7: ("total_homeless_days", set(range(1, 13))),
            8: ("rrh_housed_days", {4, 5, 6, 7, 10, 11, 12}), 9: ("system_days_not_psh_housed", set(range(1, 13))),
    }  # fmt: skip
    values: dict[tuple[int, int, int, int], list[int]] = {}
    for key in HOUSEHOLDS:
        rrh_status, psh_status, system_path = FINAL_STATUS[key][1:]
        rrh_move_in, psh_move_in = STATUS[key][4:6]
        measures = []  # (row, SystemPath, days)
        for row, (column, paths) in loth.items():
            measures.append((row, -1, day[key][column]))
            if system_path in paths:
                measures.append((row, system_path, day[key][column]))
        housed = {10: ("psh_housed_days", psh_move_in in (1, 2) and psh_status in (12, 22)),
                  11: ("psh_housed_days", psh_move_in in (1, 2) and psh_status in (11, 21)),
                  12: ("rrh_pre_move_in_days", rrh_status in (12, 22) and rrh_move_in == 0),
                  13: ("rrh_pre_move_in_days", rrh_status in (11, 21) and rrh_move_in == 0),
                  14: ("rrh_pre_move_in_days", rrh_move_in in (1, 2) and rrh_status > 2),
                  15: ("rrh_housed_days", rrh_status in (12, 22) and rrh_move_in in (1, 2)),
                  16: ("rrh_housed_days", rrh_status in (11, 21) and rrh_move_in in (1, 2))}  # fmt: skip
        measures += [(row, -1, day[key][column]) for row, (column, applies) in housed.items() if applies]
        for population, types in populations_of(key).items():
            for row, path, days in measures:
                if days > 0 and (population <= 17 or (row <= 9 and path == -1)):
                    for hh_type in types:
                        values.setdefault((row, hh_type, population, path), []).append(days)
    return {key: (2 * sum(days) + len(days)) // (2 * len(days)) for key, days in values.items()}


def test_lsacalculated_averages_of_household_days_by_population():
    written = household_averages()
    assert {key: written.get(key) for key in HOUSEHOLD_AVERAGES} == HOUSEHOLD_AVERAGES
    assert written == expected_household_averages()
    # Nobody is a parenting youth (12), moved into PSH in the period (22), a parenting child (46) or a survivor not
    # fleeing (48); youth, non-veteran 25+ and seniors are AO populations (no HHType 0 row); subpopulations only
    # in rows 1-9 by SystemPath -1.
    populations = {key[2] for key in written}
    assert not populations & {12, 22, 46, 48} and not [key for key in written if key[2] in (10, 11, 14, 45)
                                                        and key[1] != 1]  # fmt: skip
    assert not [key for key in written if key[2] > 17 and (key[0] > 9 or key[3] != -1)]
    assert not [key for key in written if key[2] == 1518]  # disabled (18) has no parent 15
