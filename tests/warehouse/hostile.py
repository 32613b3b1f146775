"""Hostile values for every typed column of every HMIS file, written into generated exports.

Each typed column (HUD types D, T, I, M, M+) of each file gets values from ``HOSTILE`` in some of its
rows: texts nobody can read, days that do not exist, numbers that do not fit, and vendor forms
Waypoint reads (US dates, two-digit years). ``expected`` says what staging must hold for each.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from pipelines.ingest.dates import parse
from pipelines.spec import load_spec

HOSTILE: dict[str, tuple[str, ...]] = {
    "D": ("31/31/2025", "2025-02-30", "not a date", "0000-01-01", "1/2/3", "2025-01-01T", "２０２５-０１-０１",
          "02-07-2023", "2/7/23", "2025/01/05", "2/7/2023 1:05 PM", "'; drop table raw.client; --"),
    "T": ("2025-01-01 25:61:61", "13-13-2025 10:00", "yesterday", "02-07-2023 12:00:00", "2/7/2023 1:05 PM",
          "2025-01-01", "2025-01-01T08:00:00", "9999-99-99 99:99:99"),
    "I": ("1.5", "one", "99999999999", "-", "1e3", "0x10", "٣", "777"),
    "M": ("$12.00", "1,234.56", "NaN", "12.345", "1e9", "99999999999999999", "-0.5"),
}  # fmt: skip
HOSTILE["M+"] = HOSTILE["M"]
_INTEGER = re.compile(r"-?[0-9]+")
_MONEY = re.compile(r"-?[0-9]+([.][0-9]{1,2})?")


def expected(dtype: str, text: str) -> object:
    """What staging holds for ``text`` in a column of HUD type ``dtype`` (None: null)."""
    if dtype == "D":
        value = parse(text)
        return value.date() if value else None
    if dtype == "T":
        return parse(text)
    if dtype == "I":
        return int(text) if _INTEGER.fullmatch(text) and abs(int(text)) < 2**31 else None
    try:
        amount = Decimal(text) if _MONEY.fullmatch(text) else None
    except InvalidOperation:
        return None
    return amount if amount is not None and abs(amount) < Decimal(10) ** 12 else None


def poison(zip_path: Path, csv_version: str, shift: int) -> list[tuple[str, str, int, str]]:
    """Rewrite the zip with hostile values; returns (file, column, row number, value) of each one planted.

    Column j of a file takes hostile value j + shift of its type in row (j mod rows) + 1, and a second one
    in the last row, so every value of every type is planted somewhere across a few files.
    """
    spec = load_spec(csv_version)
    planted: list[tuple[str, str, int, str]] = []
    tmp = zip_path.with_suffix(".part")
    with zipfile.ZipFile(zip_path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            name = Path(info.filename).stem
            rows = list(csv.reader(io.StringIO(src.read(info).decode("utf-8"))))
            header, body = rows[0], rows[1:]
            for j, column in enumerate(header):
                dtype = spec.file(name).column(column).dtype
                if dtype not in HOSTILE or not body:
                    continue
                values = HOSTILE[dtype]
                for k, at in enumerate(sorted({j % len(body), len(body) - 1})):
                    value = values[(j + shift + k * 5) % len(values)]
                    body[at][j] = value
                    planted.append((name, column, at + 1, value))
            out = io.StringIO()
            csv.writer(out, lineterminator="\r\n").writerows([header, *body])
            dst.writestr(info, out.getvalue().encode("utf-8"))
    tmp.replace(zip_path)
    return planted


def as_python(value: object) -> object:
    """A staged DuckDB value in the form ``expected`` gives."""
    if isinstance(value, datetime):
        return value
    return value
