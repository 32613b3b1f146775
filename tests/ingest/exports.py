"""Small valid HMIS CSV exports built from the spec, and helpers to break them.

Used when the synthetic generator is not available and for precise single-fault cases: every
column gets a value its type and code list allow; nullable columns stay empty; keys are unique and
every reference points at a row that exists.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from pipelines.spec import load_spec

EXPORT_ID = "EXP1"
ROWS_PER_FILE = 3

_KEY_PREFIX = {
    "PersonalID": "P", "EnrollmentID": "E", "ProjectID": "PRJ", "OrganizationID": "ORG", "UserID": "U",
    "AssessmentID": "A", "ExportID": "X",
}  # fmt: skip
_FIXED = {
    ("Export", "ExportID"): EXPORT_ID,
    ("Export", "CSVVersion"): None,  # filled per version
    ("Export", "ExportDate"): "2025-12-31 23:00:00",
    ("Export", "ExportStartDate"): "2025-01-01",
    ("Export", "ExportEndDate"): "2025-12-31",
    ("Export", "ExportPeriodType"): "3",
    ("Export", "ExportDirective"): "2",
    ("Export", "HashStatus"): "1",
    ("Export", "SourceType"): "1",
    ("Export", "SoftwareName"): "Waypoint test builder",
    ("ProjectCoC", "CoCCode"): "OK-500",
    ("Inventory", "CoCCode"): "OK-500",
    ("ProjectCoC", "Geocode"): "409999",
    ("ProjectCoC", "State"): "OK",
    ("ProjectCoC", "ZIP"): "73101",
    ("Enrollment", "EntryDate"): "2025-03-01",
    ("Enrollment", "EnrollmentCoC"): "OK-500",
    ("EnrollmentCoC", "CoCCode"): "OK-500",
    ("Exit", "ExitDate"): "2025-06-01",
}  # fmt: skip
_CSV_VERSION_TEXT = {"fy2026": "2026 v1.0", "fy2024": "2024 v1.4", "fy2022": "2022 v1.2"}
_DTYPE_VALUE = {"D": "2025-03-01", "T": "2025-03-01 09:30:00", "M": "10.00", "M+": "10.00", "I": "1"}


def _value(version: str, file: str, column: str, row: int) -> str:
    spec = load_spec(version)
    file_spec = spec.file(file)
    col = file_spec.column(column)
    if (file, column) in _FIXED:
        fixed = _FIXED[(file, column)]
        return _CSV_VERSION_TEXT[version] if fixed is None else fixed
    if column == "ExportID":
        return EXPORT_ID
    if column == file_spec.key:
        return f"{_KEY_PREFIX.get(column, file[:3].upper())}{row}"
    if column in _KEY_PREFIX:
        return f"{_KEY_PREFIX[column]}{row}"
    if column == "ResProjectID":
        return f"PRJ{row}"
    if col.nullable:
        return ""
    if col.value_lists:
        list_id = col.list_by[0][2] if col.list_by else col.value_lists[0]
        codes = sorted(spec.lists[list_id], key=lambda c: (len(c), c))
        if col.list_by:  # make the controlling column agree
            return codes[0]
        return codes[0]
    if col.dtype == "S":
        return f"{column[:6]}{row}"[: col.max_length or 32]
    return _DTYPE_VALUE[col.dtype]


def build_files(version: str = "fy2026", rows: int = ROWS_PER_FILE) -> dict[str, list[list[str]]]:
    """File name -> rows (header first) of a small consistent export."""
    spec = load_spec(version)
    files = {}
    for name in spec.files:
        file_spec = spec.file(name)
        count = 1 if name == "Export" else rows
        body = [[_value(version, name, c, i) for c in file_spec.column_names] for i in range(1, count + 1)]
        if name == "Services":
            # TypeProvided's list depends on RecordType: make both come from the same pair.
            rt, tp = file_spec.column_names.index("RecordType"), file_spec.column_names.index("TypeProvided")
            _, value, list_id = file_spec.column("TypeProvided").list_by[0]
            for row in body:
                row[rt] = value
                row[tp] = sorted(spec.lists[list_id], key=lambda c: (len(c), c))[0]
        files[name] = [file_spec.column_names, *body]
    return files


def to_csv(
    rows: list[list[str]], *, delimiter: str = ",", quoting: int = csv.QUOTE_MINIMAL, newline: str = "\r\n"
) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator=newline).writerows(rows)
    return out.getvalue()


def write_zip(path: Path, files: dict[str, bytes | str], *, folder: str = "") -> Path:
    """Write {entry name: content} into a zip; names get ``.csv`` when they lack a suffix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            entry = name if "." in name.rsplit("/", 1)[-1] else f"{name}.csv"
            data = content.encode("utf-8") if isinstance(content, str) else content
            zf.writestr(f"{folder}{entry}", data)
    return path


def export_bytes(files: dict[str, list[list[str]]], **csv_options) -> dict[str, bytes]:
    return {name: to_csv(rows, **csv_options).encode("utf-8") for name, rows in files.items()}


def read_zip(path: Path) -> dict[str, bytes]:
    """Entries of a zip keyed by HMIS file name (without .csv)."""
    with zipfile.ZipFile(path) as zf:
        return {Path(i.filename).stem: zf.read(i) for i in zf.infolist() if not i.is_dir()}
