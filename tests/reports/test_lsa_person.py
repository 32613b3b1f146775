"""LSAPerson (tlsa_Person, LSA spec §5.5-§5.15): chronic time, ages, household types and populations, and the
written LSAPerson.csv, for the OK-509 world (fixtures/spm/lsa_person_world.py) and the OK-502 LSA world.

Every expected value is worked out below from the fixtures' rows. The warehouse is the report tests' shared
build (fixtures/spm/world.py).
"""

from __future__ import annotations

import csv
import io

import duckdb
import pytest
from fixtures.spm.world import LSA_FY2026, LSA_HIC_2026, LSA_PERSON_FY2026, report_world

pytestmark = pytest.mark.slow


def _query(sql: str, request) -> list[tuple]:
    con = duckdb.connect(str(report_world().warehouse), read_only=True)
    try:
        return con.execute(sql, [request.request_id]).fetchall()
    finally:
        con.close()


def _by_person(rows: list[tuple]) -> dict[str, tuple]:
    return {key.split(":")[1]: tuple(rest) for key, *rest in rows}


def _cells(row: dict[str, str], columns: str) -> tuple[str, ...]:
    return tuple(row[column] for column in columns.split())


def _lsa_person(request) -> tuple[str, list[dict[str, str]]]:
    path = report_world().lsa_artifacts[request.request_id].folder / "csv" / "LSAPerson.csv"
    text = path.read_bytes().decode("utf-8")
    return text, list(csv.DictReader(io.StringIO(text)))


def test_chronic_time_of_the_ok509_people():
    # CHStart = LastActive - 3 years + 1 day (§5.5); episodes are runs of ES/SH/Street dates less than 7 apart.
    # C1: 3.917 street 2025-04-01..12-31 + ES 2026-01-01..03-31 (exit 04-01) = 365 in one episode ending after
    #     LastActive - 1 year (2025-04-01): 365/1.
    # C2: the same from 2025-07-05: 270 days, 3.917 complete: 270/-1.
    # C3: four ES stays of 91 (2024 is a leap year), 92, 92, 92 nights, more than 7 days apart: 367 in 4: 365/2.
    # C4: 182 + 183 nights in two episodes: 365/3 (no 3.917 gap: LengthOfStay 10 in ES needs no PreviousStreetESSH).
    # C5: 242 nights, but four or more times and 12+ months on an entry after LastActive - 1 year: 400/2.
    # C6: 3.917 from 2025-06-01 to the RRH move-in (2026-04-30), less the TH nights 09-01..09-14: 92 + 228 = 320
    #     (the 15 days between are no gap of less than 7): 270/-1; housed 05-01..09-30 excluded.
    # C7: bed nights 10-01, 10-05 (10-02..10-04 filled) and 10-20: 5 + 1 = 6; LastActive 10-21 (the day after the
    #     last bed night); no DateToStreetESSH in ES: 0/99.
    # C8: PSH housed since 2020-06-01: no ES/SH/Street date in 2023-10-01..2026-09-30: 0/-1.
    rows = _query(
        "select personal_key, ch_start, last_active, episodes, episode_days, ch_time, ch_time_status "
        "from intermediate.int_lsa_person_chronic where request_id = ?",
        LSA_PERSON_FY2026,
    )
    got = {person: (str(start), str(last), *rest) for person, (start, last, *rest) in _by_person(rows).items()}
    assert got == {
        "C1": ("2023-04-02", "2026-04-01", 1, 365, 365, 1),
        "C2": ("2023-04-02", "2026-04-01", 1, 270, 270, -1),
        "C3": ("2023-01-02", "2026-01-01", 4, 367, 365, 2),
        "C4": ("2023-04-03", "2026-04-02", 2, 365, 365, 3),
        "C5": ("2023-10-01", "2026-09-30", 1, 242, 400, 2),
        "C6": ("2023-10-01", "2026-09-30", 2, 320, 270, -1),
        "C7": ("2022-10-22", "2025-10-21", 2, 6, 0, 99),
        "C8": ("2023-10-01", "2026-09-30", 0, 0, 0, -1),
    }  # the children C1K and C8K1-3 are not adults or heads: -1/-1 in LSAPerson


def test_chronic_time_of_the_ok502_people():
    # P1: street 2025-09-01..10-31 + ES 2025-11-01..2026-02-28 = 181: 0/-1.
    # P3: ES since 2025-06-01, open: 487 days in one episode: 365/1 (missing 3.917 does not matter then).
    # P4: 3.917 2025-08-01..08-31 + bed nights 09-01, 09-02 (33), 10-15 (1), 2026-01-10 (1) = 35: 0/-1.
    # P5: PSH since 2024-01-01 from the street since 2023-06-01, its move-in unusable (before entry): homeless
    #     in the project the whole three years from CHStart 2023-10-01: 1096 days: 365/1.
    # P6: RRH from a psychiatric facility (PreviousStreetESSH 0): no ES/SH/Street date; housed 2026-01-15: 0/-1.
    # P13: ES since 2026-02-01 (242 nights), DateToStreetESSH after entry: 0/99.
    rows = _query(
        "select personal_key, episodes, episode_days, ch_time, ch_time_status "
        "from intermediate.int_lsa_person_chronic where request_id = ?",
        LSA_FY2026,
    )
    assert _by_person(rows) == {
        "P1": (1, 181, 0, -1),
        "P3": (1, 487, 365, 1),
        "P4": (3, 35, 0, -1),
        "P5": (1, 1096, 365, 1),
        "P6": (0, 0, 0, -1),
        "P13": (1, 242, 0, 99),
    }


def test_household_population_identifiers():
    # KH1 (C1 + child): adult-child; C1 disabled and 365/1: HHChronic 1; C1 a veteran; ages 54 and 17: 25.
    # KH2 C2 disabled 270/-1: 6. KH3D C3 365/2: 1. KH4B C4 365/3 not disabled: 4. KH5 C5 400/2, disability
    # unknown (99): 3. KH6R C6 270/-1 disabled: 6. KH7 C7 0/99 not disabled: 0. KH8 C8 0/-1 with three children:
    # AC3Plus; parent (RelationshipToHoH 2).
    rows = _query(
        "select household_key, active_hh_type, hh_chronic, hh_vet, hh_disability, hh_fleeing_dv, hh_adult_age, "
        "hh_parent, ac3_plus from intermediate.int_lsa_household_populations where request_id = ?",
        LSA_PERSON_FY2026,
    )
    assert _by_person(rows) == {
        "KH1": (2, 1, 1, 1, 0, 25, 1, 0),
        "KH2": (1, 6, 0, 1, 0, 25, 0, 0),
        "KH3D": (1, 1, 0, 1, 0, 25, 0, 0),
        "KH4B": (1, 4, 0, 0, 0, 25, 0, 0),
        "KH5": (1, 3, 0, 0, 0, 25, 0, 0),
        "KH6R": (1, 6, 0, 1, 0, 25, 0, 0),
        "KH7": (1, 0, 0, 0, 0, 25, 0, 0),
        "KH8": (2, 0, 0, 1, 0, 25, 1, 1),
    }  # the inactive KH3A-C, KH4A and KH6T are not in it


def test_lsaperson_csv_counts_people_by_their_categories():
    # 12 active people (OK-509's LSAReport UnduplicatedClient) in 10 rows: C8's three children share one.
    # Everyone is White (5), born 1980 (54 = 45-54) or a child (17). No DV records: 99 for adults.
    text, rows = _lsa_person(LSA_PERSON_FY2026)
    assert sum(int(row["RowTotal"]) for row in rows) == 12 and len(rows) == 10
    assert all(row["RaceEthnicity"] == "5" and row["DVStatus"] in ("99", "-1") for row in rows)
    header = text.split("\r\n")[0].split(",")
    assert header[:7] == ["RowTotal", "RaceEthnicity", "VetStatus", "DisabilityStatus", "CHTime", "CHTimeStatus",
                          "DVStatus"] and header[-1] == "ReportID" and len(header) == 66  # fmt: skip

    def row(**values: str) -> dict[str, str]:
        (match,) = [r for r in rows if all(r[k] == v for k, v in values.items())]
        return match

    never = "-1"
    # C1: head of an AC household in ES, a chronically homeless veteran with a child.
    c1 = row(VetStatus="1")
    assert _cells(c1, "CHTime CHTimeStatus DisabilityStatus") == ("365", "1", "1")
    expected = {
        "ESTAgeMin": "54", "ESTAgeMax": "54", "HHTypeEST": "2", "HoHEST": "2", "AdultEST": "2", "AIRAdultEST": "2",
        "HHChronicEST": "2", "HHVetEST": "2", "HHDisabilityEST": "2", "HHFleeingDVEST": never,
        "HHAdultAgeAOEST": never, "HHAdultAgeACEST": "25", "HHParentEST": "2", "AC3PlusEST": "0", "AIREST": "2",
        "AIRHoHEST": "2", "HHTypeES": "2", "HHTypeSH": never, "HHTypeTH": never, "HHTypeRRH": never,
        "RRHAgeMin": never, "AC3PlusRRH": never, "HHTypePSH": never, "HIV": "0", "SMI": "0", "SUD": "0",
    }  # fmt: skip
    assert {k: c1[k] for k in expected} == expected
    # C1K: a child in the same household: age and household types only.
    c1k = row(ESTAgeMin="17")
    assert _cells(c1k, "VetStatus DisabilityStatus CHTime CHTimeStatus HIV") == (never,) * 5
    assert _cells(c1k, "HHTypeEST HoHEST AdultEST HHChronicEST HHVetEST") == ("2", never, never, "2", "2")
    # C6: RRH only, housed: RRH columns; EST none (the TH stay ended before ReportStart).
    c6 = row(HHTypeRRH="1")
    assert _cells(c6, "CHTime CHTimeStatus RRHAgeMin HoHRRH AIRRRH AIRHoHRRH") == ("270", never, "54", "1", "1", "1")
    rrh = _cells(c6, "HHChronicRRH HHDisabilityRRH HHAdultAgeAORRH AC3PlusRRH HHTypeEST")
    assert rrh == (never, "1", "25", "0", never)
    # C8's children: one row of three in PSH, an AC3Plus household with a parent.
    kids = row(RowTotal="3")
    assert _cells(kids, "PSHAgeMin HHTypePSH AC3PlusPSH HHParentPSH AIRPSH") == ("17", "2", "1", "2", "2")
    assert _cells(kids, "HoHPSH AdultPSH HHDisabilityPSH AC3PlusEST") == (never, never, "2", never)
    # C3 chronically homeless by four episodes; C4 and C5 long-term homeless but not chronic in the household.
    chronic = {(r["CHTime"], r["CHTimeStatus"]): r["HHChronicEST"] for r in rows if r["HHTypeEST"] == "1"}
    assert chronic == {("270", "-1"): never, ("365", "2"): "1", ("365", "3"): never, ("400", "2"): never,
                       ("0", "99"): never}  # fmt: skip
    c7 = row(CHTimeStatus="99")
    assert _cells(c7, "HHTypeES AIREST DisabilityStatus") == ("1", "1", "0")  # night-by-night ES


def test_the_hic_reports_its_active_cohort_in_lsaperson():
    # The HIC of 2026-01-28 (§2: only LSAHousehold and LSAExit may be empty): the people active that day with
    # OK-502's rules: H1 (P1, P2), H2 (P3), H3 (P4: last bed night 2026-01-10, fewer than 90 days before the
    # count date, so no exit: active, though not in residence), H4 (P5); H5 exited 01-16, H12 enters 02-01.
    rows = _lsa_person(LSA_HIC_2026)[1]
    assert sum(int(row["RowTotal"]) for row in rows) == 5
