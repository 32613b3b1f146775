"""HMIS-based unsheltered PIT count and the HDX HIC/PIT files, from the OK-503 world of
fixtures/spm/unsheltered_world.py (night 2026-01-28; the people and why each counts or not are listed
there). Built once with the other HIC/PIT and SPM worlds (fixtures/spm/world.py).
"""

from __future__ import annotations

import csv
import io

import duckdb
import pytest
from fixtures.spm.world import UNSHELTERED_2026, report_world

from pipelines.reports.layout import read_mart_table

pytestmark = pytest.mark.slow
NIGHT_REQUEST = UNSHELTERED_2026.request_id


@pytest.fixture(scope="module")
def con():
    connection = duckdb.connect(str(report_world().warehouse), read_only=True)
    yield connection
    connection.close()


def test_unsheltered_people_need_evidence_of_the_night(con):
    rows = con.execute(
        "select personal_key, unsheltered_evidence from marts.hud_hic_pit_unsheltered_on_night where request_id = ?",
        [NIGHT_REQUEST],
    ).fetchall()
    evidence = {key.split(":")[-1]: how for key, how in rows}
    assert evidence == {
        "U01": "living_situation_on_night",
        "U02": "living_situation_on_night",
        "U03": "household_member",  # a child without a record of his own comes with his mother
        "U04": "entered_on_night_from_street",  # outreach began that night from the street
        "U09": "living_situation_on_night",  # exited on the night: still open that day
        "U11": "living_situation_on_night",
    }
    # Not counted: U05 (emergency shelter that night), U06 (in UES: sheltered), U07 (record the day before),
    # U08 (outreach over), U10 (a later record that night says rental), U12 (housed in PSH).


def test_full_pit_adds_the_unsheltered_column_to_the_sheltered_count(con):
    frame = read_mart_table(con, "hud_hic_pit_pit_summary", NIGHT_REQUEST).frame
    summary = {row[""]: (row["Emergency"], row["Transitional"], row["Safe Haven"], row["Unsheltered"], row["Total"])
               for row in frame.to_dict("records")}  # fmt: skip
    # Unsheltered households U01, HU02, U04, U09, U11; U06 sleeps in UES (ES).
    assert summary["Total Number of Households"] == (1, 0, 0, 5, 6)
    assert summary["Total Number of Persons"] == (1, 0, 0, 6, 7)
    assert summary["Persons in Households with at least one Adult and one Child"] == (0, 0, 0, 2, 2)  # U02 + U03
    assert summary["Persons in Households without Children"] == (1, 0, 0, 4, 5)
    # U11: disabled, homeless since 2024-06 (12 months before his outreach entry): chronically homeless.
    assert summary["Chronically Homeless Persons"] == (0, 0, 0, 1, 1)
    assert summary["Veterans"] == (0, 0, 0, 1, 1)


def _csv(path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_hdx_pit_file_lists_every_table_with_the_unsheltered_column():
    folder = report_world().artifacts[NIGHT_REQUEST].folder
    rows = _csv(folder / "HDX-PIT-OK-503-2026-01-28.csv")
    cell = {(r["Table"], r["Row"]): r for r in rows}
    without = cell[("Persons in Households without Children", "Total Number of Persons")]
    assert (without["Emergency"], without["Unsheltered"], without["Total"]) == ("1", "4", "5")
    with_children = cell[("Persons in Households with at least one Adult and one Child", "Total Number of Households")]
    assert (with_children["Unsheltered"], with_children["Safe Haven"]) == ("1", "")  # HDX has no SH column there
    veterans = cell[("Veteran Households without Children", "Total Number of Veterans")]
    assert veterans["Unsheltered"] == "1"
    assert rows[0]["Table"] == "Persons in Households with at least one Adult and one Child"
    assert "Persons in Households with only Children" in {r["Table"] for r in rows}


def test_hdx_hic_file_has_one_line_per_project_and_es_bed_type():
    folder = report_world().artifacts[NIGHT_REQUEST].folder
    rows = _csv(folder / "HDX-HIC-OK-503-2026-01-28.csv")
    lines = {(r["HMIS Project ID"], r["Bed Type"]): r for r in rows}
    # UES has facility (F) beds for adults and voucher (V) beds for families; USO is not on the HIC.
    assert sorted(lines) == [("UES", "F"), ("UES", "V"), ("UPSH", "")]
    facility, voucher, psh = lines[("UES", "F")], lines[("UES", "V")], lines[("UPSH", "")]
    assert (facility["Beds HH w/o Children"], facility["Veteran Beds HH w/o Children"], facility["PIT Count"]) == (
        "10", "2", "1",
    )  # fmt: skip
    assert (voucher["Beds HH w/ Children"], voucher["Units HH w/ Children"], voucher["PIT Count"]) == ("6", "2", "0")
    assert (psh["Project Type"], psh["CH Beds HH w/o Children"], psh["PIT Count"], psh["Total Beds"]) == (
        "PSH", "2", "1", "5",
    )  # fmt: skip
    assert facility["HudNum"] == "OK-503" and facility["HIC Date"] == "2026-01-28"
