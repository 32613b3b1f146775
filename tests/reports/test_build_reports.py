"""Report builds end to end: requests recorded, one warehouse build, artifacts that open, the CLI around it.

Uses the shared build of the hand-built SPM (OK-500, OK-505) and HIC/PIT (OK-507, OK-506) worlds
(fixtures/spm/world.py).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile

import duckdb
import pytest
from click.testing import CliRunner
from fixtures.spm.world import HIC_PIT_2026, SPM_FY2026, report_world
from openpyxl import load_workbook

from pipelines.cli.main import cli
from pipelines.reports.plans import plan_keys

pytestmark = pytest.mark.slow


def test_every_report_writes_a_sage_zip_csvs_a_workbook_and_a_manifest():
    world = report_world()
    for request_id, artifacts in world.artifacts.items():
        assert artifacts.folder.is_relative_to(world.settings.reports), request_id
        with zipfile.ZipFile(artifacts.zip_path) as archive:
            names = archive.namelist()
            for name in names:
                parsed = list(csv.reader(io.StringIO(archive.read(name).decode("utf-8"))))
                assert parsed[0][0] == "" and len(parsed) > 1, name
        workbook = load_workbook(artifacts.xlsx_path, read_only=True)
        assert workbook.sheetnames == ["About", *[n.removesuffix(".csv")[:31] for n in names]]
        assert sorted(p.name for p in artifacts.csv_paths) == sorted(names)
    spm = world.artifacts[SPM_FY2026.request_id]
    assert spm.folder.relative_to(world.settings.reports).as_posix() == "spm/2025-10-01_2026-09-30/coc-OK-500"
    hic = world.artifacts[HIC_PIT_2026.request_id]
    assert [p.stem for p in hic.csv_paths][:2] == ["HIC", "HIC-Projects"]


def test_manifest_names_the_warehouse_build_and_the_exports_it_read():
    world = report_world()
    manifest = json.loads(world.artifacts[SPM_FY2026.request_id].manifest_path.read_text())
    con = duckdb.connect(str(world.warehouse), read_only=True)
    try:
        (build_id,) = con.execute("select build_id from meta.build").fetchone()
    finally:
        con.close()
    assert manifest["warehouse"]["build_id"] == build_id
    exports = [
        "HIC-HMIS-1", "LSA-EXIT-1", "LSA-HH-1", "LSA-HMIS-1", "LSA-PERSON-1", "PIT-HMIS-1", "SPM-AGENCY-1",
        "SPM-AGREE-1", "SPM-HMIS-1", "SPM-RULES-1", "UNSH-HMIS-1",
    ]  # fmt: skip
    assert manifest["export_ids"] == exports
    sources = {i["source_id"] for i in manifest["inputs"]}
    assert sources == {
        "ok500-hmis", "ok500-agency", "ok502-hmis", "ok503-hmis", "ok504-hmis", "ok505-hmis", "ok506-hmis",
        "ok507-hmis", "ok508-hmis", "ok509-hmis", "ok510-hmis",
    }  # fmt: skip
    assert manifest["requested_by"] == "tests"
    assert manifest["tables"][:2] == ["1a", "1b"] and manifest["tables"][-1] == "Trend"


def test_spm_writes_the_hdx_upload_as_one_row_in_hdx_column_order():
    artifacts = report_world().artifacts[SPM_FY2026.request_id]
    (upload,) = artifacts.folder.glob("HDX-SPM-*.csv")
    names, values = list(csv.reader(upload.read_text(encoding="utf-8").splitlines()))
    row = dict(zip(names, values, strict=True))
    assert len(names) == 94  # A .. CP
    assert names[:4] == ["CocCode", "ReportDateTime", "ReportStartDate", "ReportEndDate"]
    assert names[8] == "ESSHUniverse_1A" and names[-1] == "StOutreach_DkRMHMIS_DQ"
    # the figures of tests/reports/test_spm_measures.py
    assert (row["CocCode"], row["ReportStartDate"], row["ReportEndDate"]) == ("OK-500", "2025-10-01", "2026-09-30")
    assert (row["ESSHUniverse_1A"], row["ESSHAvgTime_1A"], row["ESSHMedianTime_1A"]) == ("10", "441.50", "12.00")
    assert (row["TotalAnnual_3"], row["ESReturn0to180_2"], row["SOExit_7"], row["PHClients_7"]) == ("11", "2", "4", "9")
    assert row["THExitPH_6"] == "" and row["ESSH_UndupHMIS_DQ"] == ""  # not computed: left for HDX


def test_cli_writes_from_the_published_warehouse_and_lists_what_it_wrote():
    world = report_world()
    runner = CliRunner(env={"WAYPOINT_HOME": str(world.settings.home)})
    written = runner.invoke(cli, ["report", "spm", "--coc", "OK-500", "--fy", "2026", "--trend", "2", "--no-build"])
    assert written.exit_code == 0, written.output
    assert str(world.artifacts[SPM_FY2026.request_id].folder) in written.output
    listed = runner.invoke(cli, ["report", "list"])
    assert listed.exit_code == 0
    assert "hic_pit  2026-01-28..2026-01-28  coc=OK-507" in listed.output


def test_cli_writes_several_report_keys_from_one_build():
    world = report_world()
    runner = CliRunner(env={"WAYPOINT_HOME": str(world.settings.home)})
    keys = [
        "spm/2025-10-01..2026-09-30/coc=OK-500?trend_years=2",
        "hic_pit/2026-01-28..2026-01-28/coc=OK-507?pit_date=2026-01-28",
    ]
    written = runner.invoke(cli, ["report", "key", *keys, "--no-build"])
    assert written.exit_code == 0, written.output
    for request in (SPM_FY2026, HIC_PIT_2026):
        assert str(world.artifacts[request.request_id].folder) in written.output
    assert len(written.output.strip().splitlines()) == 2  # the two reports asked for; the trend's years are not listed


def test_selectors_expand_from_the_published_warehouse_and_empty_ones_are_skipped():
    world = report_world()
    skipped: list[str] = []
    requests, supporting = plan_keys(
        [
            "apr/2025-10-01..2026-09-30/coc=*",
            "apr/2025-10-01..2026-09-30/coc=OK-500",  # the same request again: planned once
            "caper/1990-10-01..1991-09-30/project=*",  # no ESG project operated then
        ],
        world.settings,
        on_skip=skipped.append,
    )
    assert sorted(r.scope_ids for r in requests) == [("OK-500",), ("OK-507",)]  # CDSA's CoCs in dim_coc
    assert supporting == []
    assert len(skipped) == 1 and "caper/1990" in skipped[0] and "covers nothing" in skipped[0]


def test_cli_refuses_in_plain_words_what_it_cannot_build():
    runner = CliRunner(env={"WAYPOINT_HOME": str(report_world().settings.home)})
    night = runner.invoke(cli, ["report", "hic-pit", "--coc", "OK-507", "--night", "2026-02-04", "--no-build"])
    assert night.exit_code == 2 and "last ten days of January" in night.output
    unbuilt = runner.invoke(cli, ["report", "spm", "--coc", "OK-507", "--fy", "2024", "--trend", "1", "--no-build"])
    assert unbuilt.exit_code == 2 and "added after the last warehouse build" in unbuilt.output
    scope = runner.invoke(cli, ["report", "apr", "--projects", "1001", "--start", "2026-01-01", "--end", "2026-03-31"])
    assert scope.exit_code == 2 and "<source_id>:<HUD id>" in scope.output
