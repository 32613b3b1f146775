"""ingest_paths: archive first, register once, load every row with its number, decide current exports."""

from __future__ import annotations

import hashlib
import shutil

import duckdb
import pytest

from pipelines.ingest import IngestFailed, ingest_paths

from . import corpus as c
from .exports import build_files, export_bytes, write_zip
from .helpers import query, raw_counts, raw_snapshot


def _export(files, folder, name, *, export_id, date, directive="2"):
    c.put(files, "Export", "ExportID", export_id)
    c.put(files, "Export", "ExportDate", date)
    c.put(files, "Export", "ExportDirective", directive)
    return c.zipped(files, folder, name=name)


def test_valid_export_loads_every_row_with_its_row_number(base_files, settings, tmp_path):
    [result] = ingest_paths([c.zipped(base_files, tmp_path)], source="ok-500", settings=settings)

    assert result.status == "loaded" and result.findings["fatal"] == 0
    for name, rows in base_files.items():
        assert result.rows[name] == len(rows) - 1
    table_rows = query(
        settings, 'SELECT _row_number, "PersonalID", _source_id, _csv_version FROM raw.client ORDER BY _row_number'
    )
    assert [r[0] for r in table_rows] == list(range(1, len(base_files["Client"])))
    assert [r[1] for r in table_rows] == [
        row[c.idx(base_files, "Client", "PersonalID")] for row in base_files["Client"][1:]
    ]
    assert {(r[2], r[3]) for r in table_rows} == {("ok-500", "fy2026")}


def test_same_file_twice_is_a_noop(base_files, settings, tmp_path):
    delivery = c.zipped(base_files, tmp_path)
    [first] = ingest_paths([delivery], settings=settings)
    before = raw_snapshot(settings)
    copy = tmp_path / "again" / "renamed.zip"
    copy.parent.mkdir()
    shutil.copy(delivery, copy)

    [second] = ingest_paths([copy], settings=settings)

    assert second.status == "duplicate" and second.ingest_id == first.ingest_id
    assert raw_snapshot(settings) == before
    assert query(settings, "SELECT count(*) FROM meta.export_registry") == [(1,)]


def test_archive_holds_the_delivered_bytes_under_their_checksum(base_files, settings, tmp_path):
    delivery = c.zipped(base_files, tmp_path)
    [result] = ingest_paths([delivery], settings=settings)

    archived = settings.archive / f"{result.sha256}.zip"
    assert archived.read_bytes() == delivery.read_bytes()
    assert hashlib.sha256(archived.read_bytes()).hexdigest() == result.sha256
    assert query(settings, "SELECT archive_path FROM meta.export_registry") == [(str(archived),)]


def test_unzipped_folder_is_archived_as_a_deterministic_zip(base_files, settings, tmp_path):
    folder = c._export_folder(base_files, tmp_path)
    [first] = ingest_paths([folder], source="agency", settings=settings)
    moved = tmp_path / "elsewhere"
    shutil.copytree(folder, moved)

    [second] = ingest_paths([moved], source="agency", settings=settings)

    assert first.status == "loaded" and second.status == "duplicate"


def test_registry_records_what_the_export_says(base_files, settings, tmp_path):
    c.put(base_files, "Export", "ExportID", "EXPORT-42")
    c.put(base_files, "Export", "SoftwareName", "Example HMIS")
    [result] = ingest_paths([c.zipped(base_files, tmp_path)], source="ok-507", settings=settings)

    row = query(
        settings,
        "SELECT ingest_id, source_id, status, export_id, csv_version, csv_version_declared, export_period_type, "
        "export_directive, software_name, rows_loaded, received_at IS NOT NULL FROM meta.export_registry",
    )[0]
    declared = c.get(base_files, "Export", "CSVVersion")
    assert row == (result.ingest_id, "ok-507", "loaded", "EXPORT-42", "fy2026", declared,
                   c.get(base_files, "Export", "ExportPeriodType"), c.get(base_files, "Export", "ExportDirective"),
                   "Example HMIS", result.rows_loaded, True)  # fmt: skip


def test_fy2024_export_fills_its_own_columns_of_the_union(settings, tmp_path):
    files = build_files("fy2024")
    [result] = ingest_paths([write_zip(tmp_path / "fy24.zip", export_bytes(files))], settings=settings)

    assert result.status == "loaded" and result.csv_version == "fy2024"
    assert query(settings, 'SELECT count("HispanicLatinaeo"), count("Sex"), min(_csv_version) FROM raw.client') == [
        (3, 0, "fy2024")
    ]


def test_full_refresh_replaces_earlier_exports_of_its_source(base_files, settings, tmp_path):
    old = _export(base_files, tmp_path, "old.zip", export_id="E1", date="2025-01-31 01:00:00")
    new = _export(base_files, tmp_path, "new.zip", export_id="E2", date="2025-02-28 01:00:00")
    results = ingest_paths([old, new], source="ok-500", settings=settings)

    current = query(settings, "SELECT export_id, recency, is_base FROM meta.current_exports ORDER BY recency")
    assert current == [("E2", 1, True)]
    assert all(r.status == "loaded" for r in results)


def test_delta_exports_add_to_the_latest_full_refresh(base_files, settings, tmp_path):
    full = _export(base_files, tmp_path, "full.zip", export_id="F", date="2025-01-31 01:00:00")
    delta = _export(base_files, tmp_path, "delta.zip", export_id="D", date="2025-02-07 01:00:00", directive="1")
    ingest_paths([full, delta], source="ok-500", settings=settings)

    assert query(settings, "SELECT export_id, recency, is_base FROM meta.current_exports ORDER BY recency") == [
        ("D", 1, False),
        ("F", 2, True),
    ]


def test_redelivered_older_export_does_not_override_a_newer_one(base_files, settings, tmp_path):
    new = _export(base_files, tmp_path, "new.zip", export_id="NEW", date="2025-03-31 01:00:00")
    old = _export(base_files, tmp_path, "old.zip", export_id="OLD", date="2025-01-31 01:00:00")
    ingest_paths([new], source="ok-500", settings=settings)
    ingest_paths([old], source="ok-500", settings=settings)  # received later, dated earlier

    assert query(settings, "SELECT export_id FROM meta.current_exports") == [("NEW",)]


def test_each_source_replaces_only_its_own_data(base_files, settings, tmp_path):
    a = _export(base_files, tmp_path, "a.zip", export_id="A", date="2025-01-31 01:00:00")
    b = _export(base_files, tmp_path, "b.zip", export_id="B", date="2025-03-31 01:00:00")
    ingest_paths([a], source="ok-500", settings=settings)
    ingest_paths([b], source="ok-507", settings=settings)

    assert query(settings, "SELECT source_id, export_id FROM meta.current_exports ORDER BY 1") == [
        ("ok-500", "A"),
        ("ok-507", "B"),
    ]


def test_failure_mid_load_leaves_nothing_written(base_files, settings, tmp_path):
    # raw.services exists with a column the loader does not fill: its INSERT fails after earlier tables were written.
    settings.ingest_db.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(settings.ingest_db))
    con.execute(
        'CREATE SCHEMA raw; CREATE TABLE raw.services ("ServicesID" VARCHAR, _ingest_id VARCHAR, '
        "_source_id VARCHAR, _csv_version VARCHAR, _row_number BIGINT, must_fill VARCHAR NOT NULL)"
    )
    con.close()
    delivery = c.zipped(base_files, tmp_path)

    with pytest.raises(IngestFailed, match="nothing was written"):
        ingest_paths([delivery], settings=settings)

    counts = raw_counts(settings)
    assert counts["client"] == 0 and counts["enrollment"] == 0
    assert query(settings, "SELECT count(*) FROM meta.export_registry") == [(0,)]
    assert query(settings, "SELECT count(*) FROM meta.validation_findings") == [(0,)]
    assert any(settings.archive.glob("*.zip")), "the delivered bytes are kept even when loading fails"

    con = duckdb.connect(str(settings.ingest_db))
    con.execute("DROP TABLE raw.services")
    con.close()
    [retry] = ingest_paths([delivery], settings=settings)
    assert retry.status == "loaded"


def test_a_frequent_problem_gives_one_finding_per_row(settings, tmp_path):
    files = build_files("fy2026", rows=3)
    template = files["Services"][1]
    date = files["Services"][0].index("DateProvided")
    files["Services"] = [files["Services"][0]] + [
        [f"S{i}" if n == 0 else ("13/13/2025" if n == date else v) for n, v in enumerate(template)]
        for i in range(20_000)
    ]
    [result] = ingest_paths([write_zip(tmp_path / "x.zip", export_bytes(files))], settings=settings)

    assert result.rows["Services"] == 20_000
    assert query(
        settings,
        "SELECT count(*), count(DISTINCT row_number) FROM meta.validation_findings WHERE rule_id = 'type.date'",
    ) == [(20_000, 20_000)]
