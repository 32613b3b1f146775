"""Exports as vendors and HUD's own samples write them: versions told by columns, several Export.csv rows,
files in a folder, US dates; findings a data manager can act on (summary per rule and file, with the fix)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime

import pytest
from click.testing import CliRunner

from pipelines.cli.main import cli
from pipelines.ingest import ingest_paths
from pipelines.ingest.dates import parse
from pipelines.ingest.fixes import FIXES
from pipelines.ingest.version import detect_version, score_versions
from pipelines.spec import READ_VERSIONS, load_spec
from pipelines.synth.quirks import EXTRA_EXPORT_ROWS, QUIRKS, apply
from pipelines.warehouse import value_macros

from . import corpus as c
from .exports import build_files, export_bytes, write_zip
from .helpers import query


def _headers(version: str) -> dict[str, list[str]]:
    return {name: f.column_names for name, f in load_spec(version).files.items()}


@pytest.mark.parametrize("version", READ_VERSIONS)
def test_each_known_version_is_told_by_its_columns_alone(version):
    assert detect_version("", _headers(version))[0] == version
    assert score_versions(_headers(version))[0].version == version


def test_the_columns_decide_when_the_declaration_names_another_version():
    version, [finding] = detect_version("2024 v1.4", _headers("fy2026"))
    assert version == "fy2026" and finding.rule_id == "version.mismatch" and finding.severity == "warning"
    assert "'2024 v1.4'" in finding.message and "Client.Sex" in finding.message


def test_a_declaration_matching_the_columns_says_nothing():
    assert detect_version("2026 v1.0", _headers("fy2026")) == ("fy2026", [])


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("2023-02-07", datetime(2023, 2, 7)),
        ("02-07-2023 12:00:00", datetime(2023, 2, 7, 12)),  # as a HUD test kit writes ExportDate
        ("2/7/2023", datetime(2023, 2, 7)),
        ("2/7/23", datetime(2023, 2, 7)),
        ("12/31/51", datetime(1951, 12, 31)),
        ("2/7/2023 1:05 PM", datetime(2023, 2, 7, 13, 5)),
        ("2023/02/07T08:30", datetime(2023, 2, 7, 8, 30)),
        ("13/02/2023", None),  # day first is not read
        ("2023-02-30", None),
        ("yesterday", None),
    ],
)
def test_vendor_date_forms(text, read):
    assert parse(text) == read


def _quirky_zip(base_files, tmp_path, quirks):
    path = write_zip(tmp_path / "quirky.zip", export_bytes(base_files))
    apply(path, quirks, "fy2026")
    return path


def test_generator_quirks_write_what_they_say(base_files, tmp_path):
    path = _quirky_zip(base_files, tmp_path, QUIRKS)
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        export = list(csv.reader(io.StringIO(zf.read("quirky/Export.csv").decode())))
        client = list(csv.reader(io.StringIO(zf.read("quirky/Client.csv").decode())))
    assert all(n.startswith("quirky/") for n in names) and len(names) == len(base_files)
    version = export[0].index("CSVVersion")
    assert len(export) == 2 + EXTRA_EXPORT_ROWS and {row[version] for row in export[1:]} == {"2024 v1.4"}
    created = client[0].index("DateCreated")
    written = [row[created] for row in client[1:]]
    assert written and all(re.fullmatch(r"\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}", v) and parse(v) for v in written)


def test_lsa_shaped_export_loads_every_row_as_fy2026(base_files, settings, tmp_path):
    path = _quirky_zip(base_files, tmp_path, ["folder", "multi-row-export", "version-mislabel", "us-dates"])
    [result] = ingest_paths([path], source="lsa", settings=settings)

    assert (result.status, result.csv_version) == ("loaded", "fy2026")
    assert result.rows["Client"] == len(base_files["Client"]) - 1
    carried = base_files["Client"][1][base_files["Client"][0].index("ExportID")]
    assert result.export_id == carried
    assert query(settings, "SELECT count(*) FROM raw.export") == [(1 + EXTRA_EXPORT_ROWS,)]
    found = dict(query(settings, "SELECT rule_id, severity FROM meta.validation_findings"))
    assert found["version.mismatch"] == found["export.many_rows"] == found["format.date"] == "warning"
    assert "fatal" not in found.values() and "type.date" not in found
    [(row, message)] = query(
        settings, "SELECT row_number, message FROM meta.validation_findings WHERE rule_id = 'export.many_rows'"
    )
    assert row == 1 + EXTRA_EXPORT_ROWS and f"ExportID '{carried}'" in message


def test_findings_are_summarised_per_rule_and_file_with_the_fix(base_files, settings, tmp_path, monkeypatch):
    for row in range(1, 4):
        c.put(base_files, "Enrollment", "EntryDate", "31/31/2025", row=row)
    ingest_paths([c.zipped(base_files, tmp_path)], settings=settings)
    monkeypatch.setenv("WAYPOINT_HOME", str(settings.home))

    summary = CliRunner().invoke(cli, ["findings", "--severity", "error"], catch_exceptions=False).output
    [head] = [line for line in summary.splitlines() if "type.date" in line and line.startswith("[error]")]
    assert "Enrollment" in head and "3 finding(s)" in head
    assert summary.count("row ") >= 3 and f"fix: {FIXES['type.date']}" in summary
    listed = CliRunner().invoke(cli, ["findings", "--all"], catch_exceptions=False).output
    assert listed.count("type.date") == 3


def test_move_in_rules_apply_only_where_3_20_is_collected_and_compare_dates_not_texts(settings, tmp_path):
    from pipelines.ingest.gx import run_expectations

    files = build_files("fy2026")
    c.put(files, "Project", "ProjectType", "1", row=1)  # emergency shelter: no 3.20
    c.put(files, "Project", "ProjectType", "13", row=2)  # rapid re-housing: collects 3.20
    for row in (1, 2):
        c.put(files, "Enrollment", "MoveInDate", "01/15/2025", row=row)  # before EntryDate 2025-03-01
    c.put(files, "Exit", "ExitDate", "06/01/2025", row=3)  # after its entry, though '06/...' < '2025-...' as text
    [result] = ingest_paths([c.zipped(files, tmp_path)], settings=settings)

    run_expectations([result.ingest_id], settings=settings)

    found = query(
        settings,
        "SELECT rule_id, file, row_number, column_name FROM meta.validation_findings WHERE rule_id LIKE 'business.%'",
    )
    assert found == [("business.move_in_before_entry", "Enrollment", 2, "MoveInDate")]


def test_value_macros_are_generated_from_the_ingest_rules():
    assert not value_macros.drifted(), "run `python -m pipelines.warehouse.value_macros` and commit"
