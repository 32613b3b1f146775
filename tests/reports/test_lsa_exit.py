"""LSAExit (tlsa_Exit, LSA spec chapter 7) of OK-510 for FY2026 (fixtures/spm/lsa_exit_world.py): exit cohorts
and their household types (§3.2, §3.5, §3.6), qualifying and reportable exits (§7.1, §7.2), ReturnTime (§7.3),
chronic time of exit households (§7.4-§7.8), population columns (§7.9), Stat (§7.10), LastInactive (§7.11),
SystemPath (§7.12) and the written LSAExit.csv (§7.13).

Exit cohorts: -2 2023-10-01..2024-09-30, -1 2024-10-01..2025-09-30, 0 2025-10-01..2026-03-30 (ReportEnd - 6
months). Every expected value is worked out in the comments from the fixture's rows. The warehouse is the report
tests' shared build (fixtures/spm/world.py).
"""

from __future__ import annotations

import csv
import io
from datetime import date

import duckdb
import pytest
from fixtures.spm.world import LSA_EXIT_FY2026, LSA_HIC_2026, report_world

pytestmark = pytest.mark.slow


def query(sql: str, request=LSA_EXIT_FY2026) -> list[tuple]:
    con = duckdb.connect(str(report_world().warehouse), read_only=True)
    try:
        return con.execute(sql, [request.request_id]).fetchall()
    finally:
        con.close()


def bare(key: str | None) -> str | None:
    """A source-namespaced key (``ok510-hmis:H1``) as the fixture names it."""
    return key.split(":")[-1] if key else None


def exits(columns: str) -> dict[tuple[int, str, int], tuple]:
    rows = query(
        f"select cohort, hoh_personal_key, hh_type, {columns} from intermediate.int_lsa_exit_summary "
        "where request_id = ?"
    )
    return {(cohort, bare(hoh), hh_type): tuple(rest) for cohort, hoh, hh_type, *rest in rows}


def test_cohort_dates():
    # §3.2: -2 and -1 are the report period 2 and 1 years back; 0 ends at ReportEnd - 6 months (2026-03-30).
    rows = query("select cohort, cohort_start, cohort_end from intermediate.int_lsa_exit_cohort_dates "
                 "where request_id = ? order by cohort")  # fmt: skip
    assert rows == [
        (-2, date(2023, 10, 1), date(2024, 9, 30)),
        (-1, date(2024, 10, 1), date(2025, 9, 30)),
        (0, date(2025, 10, 1), date(2026, 3, 30)),
    ]
    # The HIC (LSAScope 3) has no exit cohorts.
    assert query("select count(*) from intermediate.int_lsa_exit_cohort_dates where request_id = ?",
                 LSA_HIC_2026) == [(0,)]  # fmt: skip


def test_exit_ages_and_household_types():
    # §3.5 Exit1Age: H6's X10 (born 2006-06-01) entered TH at 17 (2024-01-01) and exited in cohort -1 after turning
    # 18 before CohortStart (2024-10-01): Exit1Age 21 (18-21), EntryAge 17. X9 (born 1980-06-06) is 43 at entry and
    # 44 then: 44 (35-44) both. For cohort -2 the exit (2025-02-01) is outside the period: EntryAge.
    rows = query("select cohort, personal_key, entry_age, cohort_age from intermediate.int_lsa_exit_enrollments "
                 "where request_id = ? and household_key like '%H6'")  # fmt: skip
    assert {(c, bare(p)): (e, a) for c, p, e, a in rows} == {
        (-2, "X9"): (44, 44), (-2, "X10"): (17, 17),
        (-1, "X9"): (44, 44), (-1, "X10"): (17, 21),
        (0, "X9"): (44, 44), (0, "X10"): (17, 17),
    }  # fmt: skip
    # §3.6 Exit1HHType: H6 was open at CohortStart -1, so it is typed by Exit1Age: two adults, adult-only (1),
    # though it entered adult-child (2). For cohorts -2 and 0 it is its EntryHHType (entered after -2's start;
    # exited before ReportStart). H5 (X5 + three children) is adult-child in every cohort.
    rows = query("select cohort, household_key, cohort_hh_type from intermediate.int_lsa_exit_households "
                 "where request_id = ? and (household_key like '%H6' or household_key like '%H5')")  # fmt: skip
    assert {(c, bare(h)): t for c, h, t in rows} == {
        (-2, "H6"): 2, (-1, "H6"): 1, (0, "H6"): 2, (-2, "H5"): 2, (-1, "H5"): 2, (0, "H5"): 2,
    }  # fmt: skip


def test_qualifying_exits():
    # §7.1: an exit in the cohort period with no entry of the same head and household type within 14 days.
    # -2: H2T (ES 30 days later), H2E, H4, H11R, H12; H11E exited 2023-09-01, before the period.
    # -1: H5, H6, H9A (its next entry 274 days later), H9B.
    # 0: H1, H3R (PSH 92 days later), H7, H8. Not H3E (RRH 4 days later) nor H10E (TH 9 days later).
    rows = query("select cohort, household_key from intermediate.int_lsa_exit_households "
                 "where request_id = ? and qualifying_exit = 1")  # fmt: skip
    assert sorted((c, bare(h)) for c, h in rows) == [
        (-2, "H11R"), (-2, "H12"), (-2, "H2E"), (-2, "H2T"), (-2, "H4"),
        (-1, "H5"), (-1, "H6"), (-1, "H9A"), (-1, "H9B"),
        (0, "H1"), (0, "H3R"), (0, "H7"), (0, "H8"),
    ]  # fmt: skip


def test_reportable_exit_exit_from_exit_to_and_return_time():
    # §7.2 (QualifyingExitHHID, ExitFrom, ExitTo) and §7.3 (ReturnTime days, upload value):
    # X2 (-2): H2T to 101 (temporary) before H2E to 99 (unknown): the temporary one. TH (3). ES entry 2024-07-01 is
    #     30 days after 2024-06-01: 30 (15-30).
    # X4 (-2): PSH after move-in (6) to 410. X15 (-2): RRH never moved in (7) to 8, reported 98.
    # X16 (-2): RRH after move-in (5) to 410.
    # X5 (-1): ES (2) to 8: 98. X9 (-1): TH (3) to 410, as adult-only (Exit1HHType).
    # X13 (-1): H9A to 410 (permanent) wins over the later H9B to 101; H9B's entry is 274 days after: 365 (181-365).
    # X1, X11 (0): ES (2). X3 (0): RRH after move-in (5) to 411, PSH entry 92 days later: 180 (91-180).
    # X12 (0): TH (3) to 101.
    got = exits("qualifying_exit_household_key, exit_from, exit_to, return_days, return_time")
    assert {key: (bare(household), *rest) for key, (household, *rest) in got.items()} == {
        (-2, "X2", 1): ("H2T", 3, 101, 30, 30),
        (-2, "X4", 1): ("H4", 6, 410, -1, -1),
        (-2, "X15", 1): ("H11R", 7, 98, -1, -1),
        (-2, "X16", 1): ("H12", 5, 410, -1, -1),
        (-1, "X5", 2): ("H5", 2, 98, -1, -1),
        (-1, "X9", 1): ("H6", 3, 410, -1, -1),
        (-1, "X13", 1): ("H9A", 2, 410, 274, 365),
        (0, "X1", 1): ("H1", 2, 410, -1, -1),
        (0, "X3", 1): ("H3R", 5, 411, 92, 180),
        (0, "X11", 1): ("H7", 2, 101, -1, -1),
        (0, "X12", 1): ("H8", 3, 101, -1, -1),
    }


def test_stat_last_inactive_and_system_path():
    # §7.10 Stat: X3's RRH entry (2025-12-05) is 4 days after the ES exit (12-01): continuous (5). X15's RRH entry
    # (2023-11-01) is 61 days after its ES exit to 101 (temporary): 3. Everyone else has no earlier stay: 1.
    # §7.11 LastInactive: the day before the qualifying entry, or before the stretch of stays less than 7 nights
    # apart leading to it: X3 2025-10-04 (ES from 10-05); X15 2023-10-31 (ES ended 2023-09-01, 61 nights earlier).
    # §7.12 SystemPath: X4 housed in PSH before CohortStart (-1); X16 housed in RRH 455 days before its exit (-1);
    # X3 ES + RRH (5); X15 RRH only (4); TH only (2): X2, X9, X12; ES only (1): X1, X5, X11, X13.
    assert exits("stat, last_inactive, system_path") == {
        (-2, "X2", 1): (1, date(2024, 1, 31), 2),
        (-2, "X4", 1): (1, date(2019, 12, 31), -1),
        (-2, "X15", 1): (3, date(2023, 10, 31), 4),
        (-2, "X16", 1): (1, date(2022, 12, 31), -1),
        (-1, "X5", 2): (1, date(2024, 12, 31), 1),
        (-1, "X9", 1): (1, date(2023, 12, 31), 2),
        (-1, "X13", 1): (1, date(2024, 10, 14), 1),
        (0, "X1", 1): (1, date(2025, 10, 31), 1),
        (0, "X3", 1): (5, date(2025, 10, 4), 5),
        (0, "X11", 1): (1, date(2025, 10, 9), 1),
        (0, "X12", 1): (1, date(2025, 11, 30), 2),
    }


def test_chronic_time_of_exit_households():
    # §7.4: heads and adults of the qualifying exit's household; none for X4 (PSH housed 4 years), X9 (TH over a
    # year) or X16 (RRH housed over a year). CHStart = LastActive (the exit) - 3 years + 1 day.
    # X12: four times and 112 months on an entry in the year to LastActive: 400/2 at once (§7.4).
    # X11: street from 2024-10-01 (3.917) + ES 2025-10-10..2026-01-31 = 488 days in one episode: 365/1.
    # X15: ES 2023-04-01..08-31 + street from 2023-09-01 while in RRH, never housed, to 2024-01-14 = 289: 270/-1.
    # X1: street 2025-10-20..31 + ES to 2026-01-14 = 87: 0/-1 (3.917 complete).
    # X3 (LastActive: the RRH exit): ES 57 nights, RRH housed; its ES entry (exit in cohort 0) has no
    # DateToStreetESSH though from 116: 0/99.
    # X2: no ES/SH/Street date (TH, no DateToStreetESSH): 0/99. X5, X13: ES nights, no DateToStreetESSH: 0/99.
    rows = query("select cohort, personal_key, ch_start, last_active, episode_days, ch_time, ch_time_status, "
                 "disability_status from intermediate.int_lsa_exit_chronic where request_id = ?")  # fmt: skip
    got = {(c, bare(p)): (str(s), str(e), *rest) for c, p, s, e, *rest in rows}
    assert got == {
        (-2, "X2"): ("2021-06-02", "2024-06-01", 0, 0, 99, 0),
        (-2, "X15"): ("2021-01-16", "2024-01-15", 289, 270, -1, 1),
        (-1, "X5"): ("2022-03-02", "2025-03-01", 59, 0, 99, 0),
        (-1, "X13"): ("2021-12-02", "2024-12-01", 47, 0, 99, 0),
        (0, "X1"): ("2023-01-16", "2026-01-15", 87, 0, -1, 0),
        (0, "X3"): ("2023-03-02", "2026-03-01", 57, 0, 99, 0),
        (0, "X11"): ("2023-02-02", "2026-02-01", 488, 365, 1, 1),
        (0, "X12"): ("2023-03-16", "2026-03-15", 0, 400, 2, 0),
    }


def test_population_columns():
    # §7.9 (HHVet, HHChronic, HHDisability, HHFleeingDV, HoHRaceEthnicity, HHAdultAge, HHParent, AC3Plus):
    # X1 veteran, fleeing DV (1), white (5), 45 (54): 25. X9 veteran with X10 (child of the head): HHParent 1;
    # 44 and 21: 25. X4 (disabled; Asian and White: 25) is not in tlsa_ExitHoHAdult but HHDisability reads the
    # enrollment: 1. X5 (20: 21) with three children: AC3Plus 1, HHParent 1, oldest 21: 18, DV not fleeing (2).
    # HHChronic: X11 365/1 disabled: 1; X12 400/2 not disabled: 4; X15 270/-1 disabled: 6; others 0.
    # X13 RaceNone 8: 98. X15 is 62 (64) at entry, all 55+: 55.
    columns = "hh_vet, hh_chronic, hh_disability, hh_fleeing_dv, hoh_race_ethnicity, hh_adult_age, hh_parent, ac3_plus"
    assert exits(columns) == {
        (-2, "X2", 1): (0, 0, 0, 0, 5, 25, 0, 0),
        (-2, "X4", 1): (0, 0, 1, 0, 25, 25, 0, 0),
        (-2, "X15", 1): (0, 6, 1, 0, 5, 55, 0, 0),
        (-2, "X16", 1): (0, 0, 0, 0, 5, 25, 0, 0),
        (-1, "X5", 2): (0, 0, 0, 2, 5, 18, 1, 1),
        (-1, "X9", 1): (1, 0, 0, 0, 5, 25, 1, 0),
        (-1, "X13", 1): (0, 0, 0, 0, 98, 25, 0, 0),
        (0, "X1", 1): (1, 0, 0, 1, 5, 25, 0, 0),
        (0, "X3", 1): (0, 0, 0, 0, 5, 25, 0, 0),
        (0, "X11", 1): (0, 1, 1, 0, 5, 25, 0, 0),
        (0, "X12", 1): (0, 4, 0, 0, 5, 25, 0, 0),
    }


def test_lsaexit_file_groups_households_and_return_time():
    # §7.13: one row per combination of the 15 reporting columns, RowTotal the exit households: the 11 above are
    # all different, so 11 rows of 1; ReturnTime as its upload value; ReportID is LSAReport's.
    folder = report_world().lsa_artifacts[LSA_EXIT_FY2026.request_id].folder / "csv"
    text = (folder / "LSAExit.csv").read_bytes().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    (report,) = csv.DictReader(io.StringIO((folder / "LSAReport.csv").read_text(encoding="utf-8")))
    assert text.split("\r\n")[0] == (
        "RowTotal,Cohort,Stat,ExitFrom,ExitTo,ReturnTime,HHType,HHVet,HHChronic,HHDisability,HHFleeingDV,"
        "HoHRaceEthnicity,HHAdultAge,HHParent,AC3Plus,SystemPath,ReportID"
    )
    assert len(rows) == 11 and {row["RowTotal"] for row in rows} == {"1"}
    assert {row["ReportID"] for row in rows} == {report["ReportID"]}
    cells = sorted(tuple(row[c] for c in ("Cohort", "ExitFrom", "ExitTo", "ReturnTime", "SystemPath")) for row in rows)
    assert cells == sorted([
        ("-2", "3", "101", "30", "2"), ("-2", "6", "410", "-1", "-1"), ("-2", "7", "98", "-1", "4"),
        ("-2", "5", "410", "-1", "-1"), ("-1", "2", "98", "-1", "1"), ("-1", "3", "410", "-1", "2"),
        ("-1", "2", "410", "365", "1"), ("0", "2", "410", "-1", "1"), ("0", "5", "411", "180", "5"),
        ("0", "2", "101", "-1", "1"), ("0", "3", "101", "-1", "2"),
    ])  # fmt: skip
    # The HIC has no exit cohorts: its LSAExit.csv is the header alone.
    hic = report_world().lsa_artifacts[LSA_HIC_2026.request_id].folder / "csv" / "LSAExit.csv"
    assert hic.read_bytes().decode("utf-8").count("\r\n") == 1
