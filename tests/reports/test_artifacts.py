"""Report artifacts open in the tools HUD users use: the zip's CSVs parse, the workbook opens."""

import csv
import io
import json
import zipfile
from datetime import date

import pandas as pd
import pytest
from openpyxl import load_workbook

from pipelines.reports.artifacts import write_artifacts
from pipelines.reports.model import ReportRequest, ReportTable


@pytest.fixture
def request_():
    return ReportRequest("apr", date(2025, 10, 1), date(2026, 9, 30), "project", ("ok-500:1001",))


def _q5a() -> ReportTable:
    frame = pd.DataFrame(
        {
            "": ["Total number of persons served", "Adults (age 18 or over)"],
            "Count of Clients for DQ": [12, 9],
            "Count of Clients": [12.0, None],
        }
    )
    return ReportTable("Q5a", "Report Validations Table", frame)


def test_sage_zip_has_one_csv_per_table_in_hud_layout(tmp_path, request_):
    out = write_artifacts(tmp_path, request_, [_q5a()], inputs={"export_ids": ["E1"]})
    with zipfile.ZipFile(out.zip_path) as archive:
        assert archive.namelist() == ["Q5a.csv"]
        rows = list(csv.reader(io.StringIO(archive.read("Q5a.csv").decode())))
    assert rows[0] == ["", "Count of Clients for DQ", "Count of Clients"]
    assert rows[1] == ["Total number of persons served", "12", "12"]
    assert rows[2] == ["Adults (age 18 or over)", "9", ""]  # blank cell stays blank


def test_workbook_opens_and_manifest_names_inputs(tmp_path, request_):
    out = write_artifacts(tmp_path, request_, [_q5a()], inputs={"export_ids": ["E1"]})
    book = load_workbook(out.xlsx_path)
    assert book.sheetnames == ["About", "Q5a"]
    assert book["Q5a"]["B3"].value == 12
    manifest = json.loads(out.manifest_path.read_text())
    assert manifest["export_ids"] == ["E1"] and manifest["tables"] == ["Q5a"]
    assert out.folder == tmp_path / "apr" / "2025-10-01_2026-09-30" / "project-ok-500_1001"


def test_same_request_always_has_the_same_id():
    a = ReportRequest("apr", date(2025, 10, 1), date(2026, 9, 30), "projects", ("b", "a"))
    b = ReportRequest("apr", date(2025, 10, 1), date(2026, 9, 30), "projects", ("a", "b"))
    assert a.request_id == b.request_id


def test_period_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="ends"):
        ReportRequest("apr", date(2026, 10, 1), date(2026, 9, 30), "coc", ("OK-500",))


def test_q4a_keeps_its_named_first_header_cell(tmp_path, request_):
    frame = pd.DataFrame({"Organization Name": ["Mission of Hope"], "Organization ID": ["5001"]})
    out = write_artifacts(tmp_path, request_, [ReportTable("Q4a", "Project Identifiers in HMIS", frame)], inputs={})
    with zipfile.ZipFile(out.zip_path) as archive:
        rows = list(csv.reader(io.StringIO(archive.read("Q4a.csv").decode())))
    assert rows[0] == ["Organization Name", "Organization ID"]
