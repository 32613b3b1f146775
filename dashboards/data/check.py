"""Eva's upload-and-check for the dashboards: an uploaded export is checked in a temporary folder (never the
published warehouse), and only an administrator who may run builds can ingest it for real."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from pipelines.check import CheckReport, check_export, write_workbook
from pipelines.config import Settings
from pipelines.errors import WaypointError
from pipelines.ingest import IngestResult, ingest_paths

MAX_UPLOAD_BYTES = 250 * 1024 * 1024  # Eva's cap is ~222 MiB


@dataclass(frozen=True)
class CheckedExport:
    report: CheckReport
    workbook: bytes  # the XLSX: summary, findings, checks, settings, one sheet per project


def _safe_name(filename: str) -> str:
    name = Path(filename).name
    if not name.lower().endswith(".zip"):
        raise WaypointError(f"{name} is not a .zip file: upload the HMIS CSV export zip as the HMIS wrote it.")
    return name


def check_upload(data: bytes, filename: str) -> CheckedExport:
    """Check an uploaded export zip without touching the installation; the report and its workbook."""
    name = _safe_name(filename)
    if len(data) > MAX_UPLOAD_BYTES:
        raise WaypointError(f"{name} is larger than {MAX_UPLOAD_BYTES // 2**20} MiB.")
    with tempfile.TemporaryDirectory(prefix="waypoint-upload-") as tmp:
        export = Path(tmp) / "upload" / name
        export.parent.mkdir()
        export.write_bytes(data)
        report = check_export(export, source="upload")
        workbook = write_workbook(report, Path(tmp) / "check.xlsx").read_bytes()
    return CheckedExport(report, workbook)


def ingest_upload(data: bytes, filename: str, source: str, settings: Settings) -> IngestResult:
    """Ingest a checked export into the installation (archive, validate, load); the next build publishes it."""
    name = _safe_name(filename)
    if not source.strip():
        raise WaypointError("Name the source (HMIS implementation or agency database) the export comes from.")
    with tempfile.TemporaryDirectory(prefix="waypoint-upload-") as tmp:
        export = Path(tmp) / name
        export.write_bytes(data)
        results = ingest_paths([export], source=source.strip(), settings=settings)
    return results[0]
