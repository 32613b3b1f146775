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

from click.testing import CliRunner

from pipelines.cli.main import cli
from pipelines.config import Settings
from pipelines.ingest.dates import parse
from pipelines.spec import load_spec
from pipelines.synth import generate
from pipelines.synth.quirks import QUIRKS, apply

HOSTILE: dict[str, tuple[str, ...]] = {
    "D": ("31/31/2025", "2025-02-30", "not a date", "0000-01-01", "1/2/3", "2025-01-01T", "２０２５-０１-０１",
          "02-07-2023", "2/7/23", "2025/01/05", "2/7/2023 1:05 PM", "'; drop table raw.client; --"),
    "T": ("2025-01-01 25:61:61", "13-13-2025 10:00", "yesterday", "02-07-2023 12:00:00", "2/7/2023 1:05 PM",
          "2025-01-01", "2025-01-01T08:00:00", "9999-99-99 99:99:99"),
    "I": ("1.5", "one", "99999999999", "-", "1e3", "0x10", "٣", "777"),
    "M": ("$12.00", "1,234.56", "NaN", "12.345", "1e9", "99999999999999999", "-0.5"),
}  # fmt: skip
HOSTILE["M+"] = HOSTILE["M"]
HOSTILE_PREFIX = "hostile-"  # the poisoned tiny sources: hostile-ok-500, hostile-ok-507, hostile-kvh-ssvf
LSA_SOURCE = "lsa-shaped"
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


def land_hostile_exports(settings: Settings, root: Path) -> list[tuple[str, str, str, int, str]]:
    """Generate the tiny preset (seed 7), plant hostile values in its three exports and reshape a clean copy of
    the first like HUD's LSA sample; ingest all four with `waypoint ingest` into ``settings``' home.

    Returns the planted values as (source, file, column, raw row number, value). The session's warehouse
    (``built_warehouse``) holds them beside its other worlds, so its build, with every dbt test, and the
    PostgreSQL build of the same raw layer meet every hostile value.
    """
    generate(root / "synth", preset="tiny", seed=7)
    zips = sorted((root / "synth").glob("*/*.zip"))
    lsa = root / "lsa" / zips[0].name  # the first export, before its values are poisoned, reshaped like HUD's sample
    lsa.parent.mkdir()
    lsa.write_bytes(zips[0].read_bytes())
    apply(lsa, QUIRKS, "fy2026")
    planted = []
    for shift, path in enumerate(zips):
        planted += [(HOSTILE_PREFIX + path.parent.name, *spot) for spot in poison(path, "fy2026", shift)]
    runner = CliRunner()
    env = {"WAYPOINT_HOME": str(settings.home)}
    for n, path in enumerate(zips):  # Great Expectations (~20 s an export) on the first: its frames meet them too
        quick = ["--no-expectations"] if n else []
        source = HOSTILE_PREFIX + path.parent.name
        done = runner.invoke(cli, ["ingest", "--source", source, str(path), *quick], env=env)
        assert done.exit_code == 0, done.output
    done = runner.invoke(cli, ["ingest", "--source", LSA_SOURCE, str(lsa)], env=env)
    assert done.exit_code == 0, done.output
    return planted


def as_python(value: object) -> object:
    """A staged DuckDB value in the form ``expected`` gives."""
    if isinstance(value, datetime):
        return value
    return value
