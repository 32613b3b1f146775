"""`waypoint check`: the report an agency admin downloads (read from the DQ world's build, so no extra dbt
build), and an export rejected for its structure, checked without building or touching WAYPOINT_HOME."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from pipelines.check import CheckReport, read_issues, write_workbook
from pipelines.check.run import _findings
from pipelines.cli.main import cli

from .conftest import DqWorld, catalogue_rows

FIXED_SHEETS = {"Summary", "File structure", "Checks", "Settings"}


def test_workbook_has_one_sheet_per_project_with_every_record_to_fix(dq_world: DqWorld, tmp_path: Path) -> None:
    report = CheckReport(Path("world.zip"), "loaded", "ok-500", "fy2026", _findings(dq_world.ingest_db))
    read_issues(report, dq_world.build.database)
    book = pd.read_excel(write_workbook(report, tmp_path / "check.xlsx"), sheet_name=None)
    assert set(book) >= FIXED_SHEETS
    projects = {name: rows for name, rows in book.items() if name not in FIXED_SHEETS}
    assert len(projects) == report.issues["project_name"].nunique() > 1  # one sheet per project with issues
    assert sum(len(rows) for rows in projects.values()) == len(report.issues) > 0
    for name, rows in projects.items():
        assert rows["project_name"].nunique() == 1, name
        assert rows["what_to_fix"].notna().all(), name
    assert set(book["Checks"]["check_id"]) == {row["check_id"] for row in catalogue_rows()}
    assert {"referral_days", "inactive_days", "long_stay_es_ee", "missed_move_in_psh", "inactive_days_ce"} <= set(
        book["Settings"]["setting"]
    )
    local = {"date_long_stayer", "date_possible_missed_move_in", "inact_services_no_recent_contact"}
    assert local <= set(report.issues["check_id"])  # the per-type local-setting checks reach the admin's sheets
    seasonal = report.issues[report.issues["check_id"] == "proj_seasonal_inventory_long"]
    assert len(seasonal) and set(seasonal["eva_id"]) == {"37"}  # each row names its Eva issue and HUD element
    assert set(seasonal["data_element"]) == {"2.07 Bed and Unit Inventory"}
    summary = report.summary()
    assert summary["records"].sum() == len(report.issues)


def test_a_structurally_broken_export_is_rejected_without_a_build_or_a_trace(tmp_path: Path) -> None:
    export = tmp_path / "agency" / "broken.zip"
    export.parent.mkdir()
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("Client.csv", "PersonalID,FirstName\n1,A\n")
    home = tmp_path / "home"
    result = CliRunner().invoke(
        cli, ["check", str(export), "--xlsx", str(tmp_path / "out.xlsx")], env={"WAYPOINT_HOME": str(home)}
    )
    assert result.exit_code == 1, result.output
    assert "REJECTED" in result.output and "fatal" in result.output
    assert not home.exists()  # check-only: nothing archived, ingested or published
    book = pd.read_excel(tmp_path / "out.xlsx", sheet_name=None)
    assert (book["File structure"]["severity"] == "fatal").any()
