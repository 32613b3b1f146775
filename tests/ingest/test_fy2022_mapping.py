"""FY2022 exports: kept as delivered in raw_fy2022, mapped into the FY2024 raw shape by HUD's crosswalk.

One hand-made FY2022 export (the spec-driven builder, four rows per file) carries one case per row;
each test reads the mapped rows back from raw.* and the delivered ones from raw_fy2022.*.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.config import Settings
from pipelines.ingest import ingest_paths
from pipelines.ingest.layout import table_name
from pipelines.spec import load_spec

from . import exports
from .corpus import put
from .helpers import query

CASES = {
    # file: {column: [value of row 1, row 2, row 3, row 4]}
    "Client": {
        "Ethnicity": ["1", "0", "8", "1"],
        "White": ["1", "0", "0", "0"],
        "Asian": ["0", "0", "99", "0"],
        "RaceNone": ["", "9", "", "8"],
        "Female": ["1", "0", "0", "0"],
        "Male": ["0", "1", "0", "99"],
        "NoSingleGender": ["0", "0", "1", "0"],
        "Transgender": ["0", "0", "99", "1"],
    },
    "Enrollment": {"LivingSituation": ["16", "19", "35", "3"]},
    "EnrollmentCoC": {
        "EnrollmentID": ["E1", "E1", "E2", "E4"],
        "DataCollectionStage": ["2", "1", "3", "1"],
        "CoCCode": ["OK-507", "OK-500", "OK-507", "OK-506"],
        "DateDeleted": ["", "", "", "2025-04-01 10:00:00"],
    },
    "Exit": {"Destination": ["12", "22", "31", "24"]},
    "CurrentLivingSituation": {"CurrentLivingSituation": ["1", "33", "36", "99"]},
    "Project": {
        "ProjectType": ["1", "1", "13", "4"],
        "TrackingMethod": ["3", "0", "", ""],
        "HMISParticipatingProject": ["1", "1", "0", "1"],
    },
    "Organization": {"VictimServiceProvider": ["0", "1", "0", "0"]},
    "HealthAndDV": {"DomesticViolenceVictim": ["1", "0", "8", ""]},
    "IncomeBenefits": {"VAMedicalServices": ["0", "1", "", ""], "NoVAMedReason": ["3", "", "", ""]},
}


def _fy2022_files(csv_version: str = "2022 v1.2") -> dict[str, list[list[str]]]:
    files = exports.build_files("fy2022", rows=4)
    for file, columns in CASES.items():
        for column, values in columns.items():
            for row, value in enumerate(values, start=1):
                put(files, file, column, value, row)
    put(files, "Export", "CSVVersion", csv_version)
    return files


def _ingest(tmp: Path, files: dict[str, list[list[str]]]) -> tuple[Settings, object]:
    settings = Settings(home=tmp / "home").ensure()
    path = exports.write_zip(tmp / "landing" / "ok-500" / "fy2022.zip", exports.export_bytes(files))
    (result,) = ingest_paths([path], source="ok-500", settings=settings)
    return settings, result


@pytest.fixture(scope="module")
def mapped(tmp_path_factory) -> tuple[Settings, object]:
    return _ingest(tmp_path_factory.mktemp("fy2022"), _fy2022_files())


def _column(settings: Settings, table: str, column: str, order: str = "_row_number") -> list:
    return [r[0] for r in query(settings, f'SELECT "{column}" FROM raw.{table} ORDER BY {order}')]


def test_an_fy2022_export_loads_and_says_it_was_mapped(mapped):
    settings, result = mapped
    assert (result.status, result.csv_version) == ("loaded", "fy2022")
    rules = query(settings, "SELECT rule_id, severity FROM meta.validation_findings WHERE file = 'Export'")
    assert ("version.mapped", "warning") in rules
    assert not query(settings, "SELECT 1 FROM meta.validation_findings WHERE rule_id = 'file.missing'")


def test_every_delivered_row_and_value_is_kept_as_delivered(mapped):
    settings, _ = mapped
    spec = load_spec("fy2022")
    for name, file_spec in spec.files.items():
        table = table_name(name)
        assert query(settings, f"SELECT count(*) FROM raw_fy2022.{table}") == [(1 if name == "Export" else 4,)], name
        described = [r[0] for r in query(settings, f"DESCRIBE raw_fy2022.{table}")]
        assert described[: len(file_spec.columns)] == file_spec.column_names
    assert _column_fy2022(settings, "client", "Ethnicity") == ["1", "0", "8", "1"]


def _column_fy2022(settings: Settings, table: str, column: str) -> list:
    return [r[0] for r in query(settings, f'SELECT "{column}" FROM raw_fy2022.{table} ORDER BY _row_number')]


def test_each_mapped_file_has_one_row_per_delivered_row(mapped):
    settings, _ = mapped
    for table in ("client", "enrollment", "exit", "project", "services", "income_benefits", "assessment"):
        rows = query(settings, f"SELECT _row_number, _csv_version FROM raw.{table} ORDER BY 1")
        assert rows == [(n, "fy2022") for n in range(1, 5)], table


def test_ethnicity_becomes_hispanic_latinaeo_and_race_none_is_cleared_for_hispanic_clients(mapped):
    settings, _ = mapped
    assert _column(settings, "client", "HispanicLatinaeo") == ["1", "0", "0", "1"]
    assert _column(settings, "client", "RaceNone") == [None, "9", None, None]
    assert _column(settings, "client", "Asian") == ["0", "0", "0", "0"]  # 99 -> 0
    assert _column(settings, "client", "MidEastNAfrican") == ["0"] * 4


def test_gender_columns_take_their_fy2024_names(mapped):
    settings, _ = mapped
    assert _column(settings, "client", "Woman") == ["1", "0", "0", "0"]
    assert _column(settings, "client", "Man") == ["0", "1", "0", "0"]  # 99 -> 0
    assert _column(settings, "client", "NonBinary") == ["0", "0", "1", "0"]
    assert _column(settings, "client", "Transgender") == ["0", "0", "0", "1"]
    assert _column(settings, "client", "CulturallySpecific") == ["0"] * 4


@pytest.mark.parametrize(
    ("table", "column", "subsidy", "expected"),
    [
        (
            "enrollment",
            "LivingSituation",
            "RentalSubsidyType",
            [("116", None), ("435", "419"), ("335", None), ("435", "440")],
        ),
        ("exit", "Destination", "DestinationSubsidyType", [("312", None), ("422", None), ("435", "431"), ("24", None)]),
        (
            "current_living_situation",
            "CurrentLivingSituation",
            "CLSSubsidyType",
            [("101", None), ("435", "433"), ("336", None), ("99", None)],
        ),
    ],
)
def test_living_situations_take_three_digit_codes_and_subsidies_their_own_column(
    mapped, table, column, subsidy, expected
):
    settings, _ = mapped
    rows = query(settings, f'SELECT "{column}", "{subsidy}" FROM raw.{table} ORDER BY _row_number')
    assert rows == expected


def test_enrollment_coc_comes_from_the_enrollments_own_project_start_record(mapped):
    settings, _ = mapped
    # E1: stage 1 wins over an earlier stage 2; E2: its only (stage 3) record; E3: none; E4: deleted.
    assert _column(settings, "enrollment", "EnrollmentCoC") == ["OK-500", "OK-507", None, None]


def test_tracking_method_folds_into_project_type_and_participation_becomes_its_own_file(mapped):
    settings, _ = mapped
    assert _column(settings, "project", "ProjectType") == ["1", "0", "13", "4"]
    assert _column(settings, "project", "RRHSubType") == [None] * 4
    rows = query(
        settings,
        'SELECT "HMISParticipationID", "ProjectID", "HMISParticipationType", "HMISParticipationStatusStartDate" '
        "FROM raw.hmis_participation ORDER BY _row_number",
    )
    assert [r[2] for r in rows] == ["1", "2", "0", "1"]  # project 2's organisation is a victim service provider
    assert all(r[0] == r[1] for r in rows) and all(r[3] == "2025-03-01" for r in rows)
    assert query(settings, "SELECT count(*) FROM raw.ce_participation") == [(0,)]


def test_renamed_columns_carry_their_values(mapped):
    settings, _ = mapped
    assert _column(settings, "health_and_dv", "DomesticViolenceSurvivor") == ["1", "0", "8", None]
    assert _column(settings, "income_benefits", "VHAServices") == ["0", "1", None, None]
    assert _column(settings, "income_benefits", "NoVHAReason") == ["3", None, None, None]


def test_the_client_columns_tell_fy2022_when_csv_version_is_empty(tmp_path):
    settings, result = _ingest(tmp_path, _fy2022_files(csv_version=""))
    assert (result.status, result.csv_version) == ("loaded", "fy2022")
    assert ("version.from_headers",) in query(settings, "SELECT rule_id FROM meta.validation_findings")


def test_an_fy2020_export_is_refused_in_one_line(tmp_path):
    files = _fy2022_files(csv_version="2020 v1.8")
    header = files["Client"][0]
    header[header.index("Female")] = "Gender"  # FY2020's one gender column: the columns fit no version read
    settings, result = _ingest(tmp_path, files)
    assert result.status == "rejected"
    (message,) = query(settings, "SELECT message FROM meta.validation_findings WHERE rule_id = 'version.unknown'")
    assert "FY2020" in message[0] and "FY2022" in message[0]


def test_great_expectations_check_the_mapped_rows_with_the_fy2024_suites(mapped):
    from pipelines.ingest.gx import run_expectations

    settings, result = mapped
    outcome = run_expectations([result.ingest_id], settings=settings, files=["Export", "Client", "Exit"])
    suites = [(f.file, f.suite) for f in outcome.files]
    assert suites == [("Export", "export.fy2024.from_fy2022"), ("Client", "client.fy2024.from_fy2022"),
                      ("Exit", "exit.fy2024.from_fy2022")]  # fmt: skip
    assert all(f.evaluated > 0 for f in outcome.files)
    # Columns FY2022 does not have (Export.ImplementationID, required in FY2024) are not expected of it.
    assert not query(settings, "SELECT 1 FROM meta.validation_findings WHERE column_name = 'ImplementationID'")
