"""Read one prepared CSV into a DuckDB temporary table of text columns, in file order.

The fast path is DuckDB's own reader. A file it refuses (ragged rows, a stray quote) is read again
by Python's tolerant csv module, which rewrites it cleanly and says which rows were ragged, so a
bad row becomes a finding, never a crash.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import duckdb

from pipelines.ingest.layout import quote
from pipelines.ingest.models import ERROR, WARNING, Finding
from pipelines.ingest.textfile import TextFile
from pipelines.security.workfiles import open_text, readable_path

csv.field_size_limit(sys.maxsize)
_MAX_RAGGED_FINDINGS = 10_000


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _read_csv_sql(path: Path, width: int, delimiter: str) -> str:
    columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(1, width + 1))
    return (
        f"read_csv({_sql_string(str(path))}, header = true, auto_detect = false, columns = {{{columns}}}, "
        f"delim = {_sql_string(delimiter)}, quote = '\"', escape = '\"', strict_mode = true)"
    )


def _normalise(text: TextFile, width: int, dest: Path) -> list[Finding]:
    """Rewrite the file with exactly ``width`` values per row; say which rows were ragged."""
    findings: list[Finding] = []
    file = text.name
    ragged = 0
    with open_text(text.path, text.key, "r", "utf-8-sig") as src, open_text(dest, text.key, "w") as out:
        reader = csv.reader(src, delimiter=text.delimiter, strict=False)
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(next(reader, []))
        for row_number, row in enumerate(reader, start=1):
            if len(row) != width:
                extra = [v for v in row[width:] if v != ""]
                if len(row) < width or extra:
                    ragged += 1
                    if ragged <= _MAX_RAGGED_FINDINGS:
                        said = f"Row {row_number} of {file}.csv has {len(row)} values where the header has {width}"
                        if len(row) < width:
                            message = f"{said}; the missing values were left empty."
                        else:
                            message = f"{said}; the extra values were not loaded: {', '.join(extra)[:200]}"
                        findings.append(
                            Finding(
                                file, "format.ragged_row", ERROR, message, row_number=row_number, value=str(len(row))
                            )
                        )
                row = (row + [""] * width)[:width]
            writer.writerow(row)
    if ragged > _MAX_RAGGED_FINDINGS:
        findings.append(
            Finding(
                file,
                "format.ragged_row",
                ERROR,
                f"{file}.csv has {ragged:,} ragged rows; only the first {_MAX_RAGGED_FINDINGS:,} are listed.",
            )
        )
    return findings


def load_text_file(con: duckdb.DuckDBPyConnection, text: TextFile, table: str) -> list[Finding]:
    """Create temp table ``table`` (c1..cN VARCHAR, rowid = file order) from the file."""
    width = len(text.header)
    con.execute(f"DROP TABLE IF EXISTS {quote(table)}")
    try:
        with readable_path(text.path, text.key) as path:
            source = _read_csv_sql(path, width, text.delimiter)
            con.execute(f"CREATE TEMP TABLE {quote(table)} AS SELECT * FROM {source}")
        return []
    except duckdb.Error as err:
        first_line = str(err).strip().splitlines()[0][:300]
    clean = text.path.with_suffix(".clean.csv")
    try:
        findings = _normalise(text, width, clean)
    except csv.Error as err:
        columns = ", ".join(f"c{i} VARCHAR" for i in range(1, width + 1))
        con.execute(f"CREATE TEMP TABLE {quote(table)} ({columns})")
        return [
            Finding(
                text.name,
                "format.unreadable",
                ERROR,
                f"{text.name}.csv could not be read as CSV ({err}); no rows were loaded from it (the file stays in "
                "the archive).",
            )
        ]
    with readable_path(clean, text.key) as path:
        con.execute(f"CREATE TEMP TABLE {quote(table)} AS SELECT * FROM {_read_csv_sql(path, width, ',')}")
    findings.insert(
        0,
        Finding(
            text.name,
            "format.irregular",
            WARNING,
            f"{text.name}.csv is not regular CSV ({first_line}); it was read row by row instead.",
        ),
    )
    return findings
