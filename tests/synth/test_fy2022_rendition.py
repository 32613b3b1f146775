"""``waypoint synth --csv-version fy2022``: the generated world written as an FY2022 export.

The FY2024 crosswalk read backwards; ingest maps it forward again (tests/ingest/test_fy2022_mapping.py)
and tests/warehouse/test_synthetic_exports.py compares the three renditions' reports.
"""

from __future__ import annotations

import csv
import io
import zipfile

import pandas as pd
import pytest

from pipelines.spec import load_spec
from pipelines.synth import generate
from pipelines.synth.legacy import _client, _two_digit


@pytest.fixture(scope="module")
def fy2022_zip(tmp_path_factory) -> zipfile.ZipFile:
    result = generate(tmp_path_factory.mktemp("fy2022"), preset="tiny", seed=42, csv_version="fy2022")
    return zipfile.ZipFile(result.zips[0])


def _rows(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(archive.read(f"{name}.csv").decode("utf-8"))))


def test_the_zip_holds_the_23_fy2022_files_with_their_columns(fy2022_zip):
    spec = load_spec("fy2022")
    assert [n.removesuffix(".csv") for n in fy2022_zip.namelist()] == list(spec.files)
    for name, file_spec in spec.files.items():
        header = fy2022_zip.read(f"{name}.csv").decode("utf-8").splitlines()[0]
        assert header.replace('"', "").split(",") == file_spec.column_names, name
    assert _rows(fy2022_zip, "Export")[0]["CSVVersion"] == "2022 v1.2"


def test_codes_are_fy2022_codes(fy2022_zip):
    lists = load_spec("fy2022").lists
    assert {r["LivingSituation"] for r in _rows(fy2022_zip, "Enrollment")} - {""} <= set(lists["3.12.1"])
    assert {r["Destination"] for r in _rows(fy2022_zip, "Exit")} <= set(lists["3.12.1"])
    projects = _rows(fy2022_zip, "Project")
    assert "0" not in {p["ProjectType"] for p in projects}
    assert {p["TrackingMethod"] for p in projects if p["ProjectType"] == "1"} <= {"0", "3"}
    enrollments = {r["EnrollmentID"]: r for r in _rows(fy2022_zip, "Enrollment")}
    for record in _rows(fy2022_zip, "EnrollmentCoC"):
        assert record["DataCollectionStage"] == "1"
        assert record["InformationDate"] == enrollments[record["EnrollmentID"]]["EntryDate"]


def test_subsidised_rentals_take_fy2022_rental_codes():
    code = pd.Series([435, 435, 435, 435, 435, 116, 312, 99])
    subsidy = pd.Series([419, 431, 436, 439, None, None, None, None])
    assert _two_digit(code, subsidy).tolist() == [19, 31, 20, 3, 20, 16, 12, 99]


def test_middle_eastern_or_north_african_is_written_as_white_and_hispanic_as_ethnicity():
    frame = pd.DataFrame(
        {
            "HispanicLatinaeo": [1, 0, 0],
            "RaceNone": [None, None, 9],
            "White": [0, 0, 0],
            "MidEastNAfrican": [0, 1, 0],
            "Woman": [1, 0, 0],
            "Man": [0, 1, 0],
            "NonBinary": [0, 0, 1],
        }
    )
    out = _client(frame)
    assert out["Ethnicity"].tolist() == [1, 0, 9]
    assert out["White"].tolist() == [0, 1, 0]
    assert (out["Female"].tolist(), out["Male"].tolist(), out["NoSingleGender"].tolist()) == (
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
    )
