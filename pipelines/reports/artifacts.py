"""Write a report build's artifacts: Sage-style CSV zip, one CSV per table, an XLSX workbook and a manifest.

Layout (DESIGN: "From requests to artifacts", step 4): ``reports/<report>/<period>/<scope>/`` holding
``<REPORT>-<period>.zip`` (one CSV per question table, named by table id, at the top level of the zip, HUD's
row/column layout: header row with an empty first cell then column labels; each row: label, values),
``csv/<table>.csv``, ``<REPORT>-<period>.xlsx`` (one sheet per table) and ``manifest.json`` (inputs' export ids,
build time, warehouse version).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import xlsxwriter

from pipelines.reports.model import ReportRequest, ReportTable


@dataclass(frozen=True)
class Artifacts:
    folder: Path
    zip_path: Path
    xlsx_path: Path
    manifest_path: Path
    csv_paths: tuple[Path, ...]


def moved(artifacts: Artifacts, written: Path, folder: Path) -> Artifacts:
    """The same artifacts once the folder they were written in became ``folder``."""

    def at(path: Path) -> Path:
        return folder / path.relative_to(written)

    return Artifacts(
        folder, at(artifacts.zip_path), at(artifacts.xlsx_path), at(artifacts.manifest_path),
        tuple(at(p) for p in artifacts.csv_paths),
    )  # fmt: skip


def report_folder(root: Path, request: ReportRequest) -> Path:
    """``<report>/<period>/<scope>``. The LSA's options that change what is reported within one scope and period
    (a project-focused selection ``projects``, the HIC's ``lsa_scope``) give it its own folder beside the whole
    scope's: ``coc-OK-500__projects-2-<hash>``, ``coc-OK-500__lsa_scope-hic``."""
    scope = request.scope_key
    projects = request.option("projects")
    if projects:
        digest = hashlib.sha1(projects.encode()).hexdigest()[:10]
        scope += f"__projects-{len(projects.split(','))}-{digest}"
    if request.option("lsa_scope"):
        scope += f"__lsa_scope-{request.option('lsa_scope')}"
    return root / request.report / request.period_key / scope


def _cell(value: object) -> object:
    """Blank for intentionally blank cells (None/NaN); integers without '.0'; decimals as given."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def table_csv(table: ReportTable) -> str:
    """One table in Sage layout: the label column's header (empty except Q4a's), then the column labels."""
    frame = table.frame
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([str(c) for c in frame.columns])
    for row in frame.to_numpy(dtype=object).tolist():
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _zip_bytes(csvs: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table_id, text in csvs.items():
            info = zipfile.ZipInfo(f"{table_id}.csv", date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)
    return buffer.getvalue()


def _xlsx_bytes(request: ReportRequest, tables: list[ReportTable]) -> bytes:
    """The workbook: an About sheet, then one sheet per table (its title, HUD's column labels, the rows)."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    about = book.add_worksheet("About")
    for number, line in enumerate(
        (
            ("Report", request.report.upper()),
            ("Period", f"{request.period_start} to {request.period_end}"),
            ("Scope", f"{request.scope_type}: {', '.join(request.scope_ids)}"),
            ("Request", request.request_id),
        )
    ):
        about.write_row(number, 0, line)
    for table in tables:
        sheet = book.add_worksheet(table.table_id[:31])
        sheet.set_column(0, 0, 60)
        sheet.write_row(0, 0, [table.title])
        sheet.write_row(1, 0, [str(c) for c in table.frame.columns])
        for number, row in enumerate(table.frame.to_numpy(dtype=object).tolist(), start=2):
            for column, value in enumerate(row):
                cell = _cell(value)
                if cell != "":  # intentionally blank cells stay empty
                    sheet.write(number, column, cell)
    book.close()
    return buffer.getvalue()


def write_artifacts(
    root: Path,
    request: ReportRequest,
    tables: list[ReportTable],
    *,
    inputs: dict,
    folder: Path | None = None,
    table_writer: Callable[[ReportTable], str] = table_csv,
) -> Artifacts:
    """Write every artifact of one report build; each file is replaced atomically. ``folder`` (default: the
    request's report folder) lets the caller write aside and swap the whole folder in (pipelines.ops.folders);
    ``table_writer`` lays a table out as CSV (default Sage's layout; the LSA's are HUD's HDX files)."""
    if not tables:
        raise ValueError(f"report {request.request_id} produced no tables")
    folder = folder or report_folder(root, request)
    (folder / "csv").mkdir(parents=True, exist_ok=True)
    stem = f"{request.report.upper()}-{request.period_key}"
    zip_path, xlsx_path = folder / f"{stem}.zip", folder / f"{stem}.xlsx"
    csvs = {table.table_id: table_writer(table) for table in tables}
    _write_atomic(zip_path, _zip_bytes(csvs))
    _write_atomic(xlsx_path, _xlsx_bytes(request, tables))
    csv_paths = []
    for table_id, text in csvs.items():
        path = folder / "csv" / f"{table_id}.csv"
        _write_atomic(path, text.encode("utf-8"))
        csv_paths.append(path)
    manifest = {
        "request_id": request.request_id,
        "report": request.report,
        "period_start": request.period_start.isoformat(),
        "period_end": request.period_end.isoformat(),
        "scope_type": request.scope_type,
        "scope_ids": list(request.scope_ids),
        "options": dict(request.options),
        "tables": [t.table_id for t in tables],
        "written_at": datetime.now().isoformat(timespec="seconds"),
        **inputs,
    }
    manifest_path = folder / "manifest.json"
    _write_atomic(manifest_path, json.dumps(manifest, indent=2, default=str).encode("utf-8"))
    return Artifacts(folder, zip_path, xlsx_path, manifest_path, tuple(csv_paths))
