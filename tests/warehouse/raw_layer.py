"""A raw layer (ingest.duckdb) written straight from small HMIS CSV snippets, following docs/contracts.md.

The schema comes from ingestion itself (``pipelines.store.registry.ensure_schema``); only the rows
are ours: each ``Export`` is one accepted delivery whose files are CSV text with just the columns a
test cares about (every other HUD column is NULL, as for a column the export's version lacks).
"""

from __future__ import annotations

import csv
import io
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from pipelines.ingest.layout import raw_columns, table_name
from pipelines.store.registry import ensure_schema, insert_registry


@dataclass
class Export:
    """One delivered HMIS CSV export: registry facts plus CSV snippets per HMIS file."""

    ingest_id: str
    source_id: str
    export_date: str
    files: dict[str, str] = field(default_factory=dict)
    directive: int = 2  # 1 delta, 2 full refresh
    csv_version: str = "fy2026"
    status: str = "loaded"
    export_start: str = "2023-10-01"
    export_end: str = "2025-09-30"

    @property
    def export_id(self) -> str:
        return f"E-{self.ingest_id}"


def _rows(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(textwrap.dedent(text).strip()))
    return [{k.strip(): (v.strip() if v and v.strip() else None) for k, v in row.items()} for row in reader]


def _export_file(export: Export) -> str:
    return f"""
        ExportID,SourceType,SourceID,SourceName,ExportDate,ExportStartDate,ExportEndDate,SoftwareName,CSVVersion,ExportPeriodType,ExportDirective,HashStatus,ImplementationID
        {export.export_id},1,OK-500,{export.source_id},{export.export_date} 08:00:00,{export.export_start},{export.export_end},Fixture HMIS,{"2026 v1.0" if export.csv_version == "fy2026" else "2024 v1.4"},3,{export.directive},1,{export.source_id}-impl
    """  # noqa: E501


def write_raw_layer(path: Path, exports: list[Export]) -> Path:
    """Create (or extend) an ingest database holding the given deliveries."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    try:
        ensure_schema(con)
        for export in exports:
            _insert_export(con, export)
    finally:
        con.close()
    return path


def _insert_export(con: duckdb.DuckDBPyConnection, export: Export) -> None:
    files = {"Export": _export_file(export), **export.files}
    loaded = 0
    if export.status == "loaded":
        for file, text in files.items():
            columns = raw_columns(file)
            for number, row in enumerate(_rows(text), start=1):
                unknown = set(row) - set(columns)
                if unknown:
                    raise ValueError(f"{file}.csv snippet has columns HUD does not define: {sorted(unknown)}")
                if "ExportID" in columns and file != "Export":
                    row.setdefault("ExportID", export.export_id)
                values = [row.get(c) for c in columns]
                values += [export.ingest_id, export.source_id, export.csv_version, number]
                placeholders = ", ".join("?" for _ in values)
                con.execute(f'INSERT INTO raw."{table_name(file)}" VALUES ({placeholders})', values)
                loaded += 1
    insert_registry(
        con,
        {
            "ingest_id": export.ingest_id,
            "sha256": f"sha-{export.ingest_id}",
            "source_id": export.source_id,
            "original_name": f"{export.ingest_id}.zip",
            "archive_path": f"archive/sha-{export.ingest_id}.zip",
            "received_at": f"{export.export_date} 09:00:00",
            "status": export.status,
            "export_id": export.export_id,
            "source_type": "1",
            "csv_version": export.csv_version,
            "csv_version_declared": export.csv_version,
            "export_date": f"{export.export_date} 08:00:00",
            "export_start": export.export_start,
            "export_end": export.export_end,
            "export_period_type": "3",
            "export_directive": str(export.directive),
            "hash_status": "1",
            "software_name": "Fixture HMIS",
            "software_version": "1",
            "implementation_id": f"{export.source_id}-impl",
            "findings_fatal": 0,
            "findings_error": 0,
            "findings_warning": 0,
            "rows_loaded": loaded,
        },
    )
