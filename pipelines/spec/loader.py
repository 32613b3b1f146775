"""Build an :class:`HmisSpec` from HUD's machine-readable tables copied into ``seeds/hmis_spec``.

The CSVs there are the single source of truth: nothing about the spec is typed here.
FY2026's column table lacks AssessmentQuestions and AssessmentResults; HUD did not change
those files between FY2024 and FY2026 (see docs/decisions.md), so they come from FY2024.
FY2022 (``fy2022_columns.csv``, ``fy2022_lists.csv``) has the FY2024 tables' layout; where it came
from is in docs/decisions.md ("FY2022 exports").
"""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from functools import cache
from pathlib import Path

from pipelines.spec.model import FILES_BY_VERSION, READ_VERSIONS, Column, FileSpec, HmisSpec

SPEC_DIR = Path(__file__).resolve().parents[2] / "seeds" / "hmis_spec"

# "141 – list P1.2", "141=P1.2", "3=V2.A": a controlling value and the list it selects.
_LIST_BY_VALUE = re.compile(r"(\d+)\s*(?:–|=|-)\s*(?:list\s+)?([A-Z0-9]+\.[A-Z0-9.]+|[0-9]\.[0-9]+)")
_CONTROLLER = {"TypeProvided": "RecordType", "SubTypeProvided": "TypeProvided"}


def _read(name: str) -> list[dict[str, str]]:
    with open(SPEC_DIR / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _split_type(raw: str) -> tuple[str, int | None]:
    """'S32' -> ('S', 32); 'M+' -> ('M+', None); a bare 'S' is HUD's slip for S32."""
    raw = raw.strip()
    if raw.startswith("S"):
        return "S", int(raw[1:]) if raw[1:] else 32
    if raw not in {"I", "D", "T", "M", "M+"}:
        raise ValueError(f"unknown HMIS CSV column type {raw!r}")
    return raw, None


def _list_by(name: str, text: str) -> tuple[tuple[str, str, str], ...]:
    controller = _CONTROLLER.get(name)
    if controller is None:
        return ()
    return tuple((controller, value, list_id.rstrip(".")) for value, list_id in _LIST_BY_VALUE.findall(text))


def _fy2024_columns(table: str = "fy2024_columns.csv") -> list[Column]:
    """Columns of a table in the FY2024 layout (FY2024 itself, or FY2022)."""
    columns = []
    for row in _read(table):
        dtype, length = _split_type(row["type"] + row["max_length"])
        lists = tuple(x for x in row["list"].split(";") if x)
        list_by = _list_by(row["column"], row["notes"])
        columns.append(
            Column(
                file=row["file"],
                name=row["column"],
                order=int(row["order"]),
                dtype=dtype,
                max_length=length,
                nullable=row["nullable"] == "Y",
                value_lists=lists if not list_by else tuple(dict.fromkeys(x[2] for x in list_by)),
                notes=row["notes"],
                list_by=list_by,
            )
        )
    return columns


def _fy2026_columns() -> list[Column]:
    fy2024 = {(c.file, c.name): c for c in _fy2024_columns()}
    columns = []
    for row in _read("fy2026_columns.csv"):
        dtype, length = _split_type(row["Type"])
        notes = row["validation_notes"]
        earlier = fy2024.get((row["CSV"], row["Name"]))
        list_by = _list_by(row["Name"], notes) or (earlier.list_by if earlier else ())
        # A few FY2026 rows leave List blank where FY2024 names it (Export.SourceType -> 1.9).
        lists = (row["List"],) if row["List"] else (earlier.value_lists if earlier else ())
        if list_by:
            lists = tuple(dict.fromkeys(x[2] for x in list_by))
        columns.append(
            Column(
                file=row["CSV"],
                name=row["Name"],
                order=int(row["Order"]),
                dtype=dtype,
                max_length=length,
                nullable=row["nulls_allowed"] == "True",
                value_lists=lists,
                element=row["DE#"],
                notes=notes,
                list_by=list_by,
            )
        )
    present = {c.file for c in columns}
    columns += [c for c in fy2024.values() if c.file not in present]
    return columns


def _fy2024_lists(table: str = "fy2024_lists.csv") -> dict[str, dict[str, str]]:
    lists: dict[str, dict[str, str]] = {}
    for row in _read(table):
        lists.setdefault(row["list"], {})[row["code"]] = row["label"]
    return lists


def _fy2026_lists() -> dict[str, dict[str, str]]:
    labels = _fy2024_lists()
    for row in _read("fy2026_added_labels.csv"):
        labels.setdefault(row["list"], {})[row["code"]] = row["label"]
    lists: dict[str, dict[str, str]] = {}
    for row in _read("fy2026_value_lists.csv"):
        lists.setdefault(row["List"], {})[row["Value"]] = labels.get(row["List"], {}).get(row["Value"], "")
    return lists


@cache
def load_spec(version: str = "fy2026") -> HmisSpec:
    """The spec of one CSV version ('fy2026', 'fy2024' or 'fy2022'), cached."""
    if version not in READ_VERSIONS:
        raise ValueError(f"unknown HMIS CSV version {version!r}; expected one of {', '.join(READ_VERSIONS)}")
    if version == "fy2026":
        columns, lists = _fy2026_columns(), _fy2026_lists()
    else:
        columns, lists = _fy2024_columns(f"{version}_columns.csv"), _fy2024_lists(f"{version}_lists.csv")
    files = {}
    for name in FILES_BY_VERSION[version]:
        ranked = sorted((c for c in columns if c.file == name), key=lambda c: c.order)
        # FY2026's table skips Enrollment order 12: positions are renumbered 1..n, keeping HUD's order.
        cols = [replace(c, order=i) for i, c in enumerate(ranked, start=1)]
        if not cols:
            raise ValueError(f"spec {version} has no columns for {name}.csv")
        files[name] = FileSpec(name=name, columns=tuple(cols))
    return HmisSpec(version=version, files=files, lists=lists)
