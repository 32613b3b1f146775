"""HIC and sheltered PIT count of the hand-built OK-507 world (fixtures/spm/hic_world.py), night 2026-01-28.

Each expected figure is worked out below from the fixture rows. "On the night" (hic-pit-lsa.md §1):
entry <= night < exit for ES/TH/SH, a bed night dated that night for ES night-by-night, moved in by
the night and not exited for PH. The warehouse is built once for all report tests.
"""

from __future__ import annotations

import duckdb
import pytest
from fixtures.spm.world import HIC_PIT_2026, report_world

from pipelines.reports.hic_pit import NotACountNight, check_count_night, default_count_night
from pipelines.reports.marts import read_mart_table

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def con():
    connection = duckdb.connect(str(report_world().warehouse), read_only=True)
    yield connection
    connection.close()


def rows(con, model: str) -> dict[str, dict]:
    """The request's rows of a mart by row label, each keyed by HUD column label."""
    frame = read_mart_table(con, model, HIC_PIT_2026.request_id).frame
    return {record[""]: record for record in frame.to_dict("records")}


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
    veterans = rows(con, "hud_hic_pit_sheltered_veterans")
    assert veterans["Veteran Households without Children: Total Number of Veterans"]["Total"] == 1
    assert (
        veterans["Veteran Households with at least one Adult and one Child: Total Number of Households"]["Total"] == 0
    )


def test_count_night_is_one_of_the_last_ten_nights_of_january():
    assert check_count_night(default_count_night(2026)).isoformat() == "2026-01-28"  # a Wednesday
    assert default_count_night(2025).isoformat() == "2025-01-29"
    with pytest.raises(NotACountNight):
        check_count_night(default_count_night(2026).replace(day=21))
