"""The ground truth: every injected defect and every person known under several (source, PersonalID).

Entries are collected with internal integer IDs and day/second numbers while the data is built, and
formatted exactly as the CSVs show them when the manifest is written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from pipelines.spec import HmisSpec
from pipelines.synth.calendar import to_date, to_datetime
from pipelines.synth.idstyle import format_one

GENERATOR_VERSION = "1.0"


@dataclass
class Defects:
    """Collects manifest defect entries."""

    entries: list[dict] = field(default_factory=list)

    def add(
        self,
        defect: str,
        source: str,
        file: str,
        key: str,
        record_id,
        personal_id=None,
        column=None,
        value=None,
        detail: str = "",
    ) -> None:
        self.entries.append(
            {
                "defect": defect,
                "source_id": source,
                "file": file,
                "key": key,
                "record_id": record_id,
                "personal_id": personal_id,
                "column": column,
                "value": value,
                "detail": detail,
            }
        )

    def add_rows(
        self,
        defect: str,
        rows: pd.DataFrame,
        file: str,
        key: str,
        *,
        column: str | None = None,
        values=None,
        detail: str = "",
        details=None,
    ) -> None:
        """One entry per row of ``rows`` (which carry ``_source``, ``key`` and usually ``PersonalID``)."""
        values = [None] * len(rows) if values is None else list(values)
        details = [detail] * len(rows) if details is None else list(details)
        personal = rows["PersonalID"].tolist() if "PersonalID" in rows else [None] * len(rows)
        for source, record, person, value, text in zip(
            rows["_source"].tolist(), rows[key].tolist(), personal, values, details, strict=True
        ):
            self.add(defect, source, file, key, record, person, column, value, text)


def _value(value, file: str, column: str | None, dtypes: dict[tuple[str, str], str]):
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if column is None:
        return value if isinstance(value, str | int) else str(value)
    dtype = dtypes.get((file, column), "S")
    if dtype == "D":
        return to_date(int(value)).isoformat()
    if dtype == "T":
        return to_datetime(int(value)).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, np.integer | np.floating):
        return int(value) if float(value).is_integer() else float(value)
    return value


def format_defects(defects: Defects, spec: HmisSpec, styles: dict[str, str]) -> list[dict]:
    out = []
    dtypes = {(f.name, c.name): c.dtype for f in spec.files.values() for c in f.columns}
    for e in defects.entries:
        style = styles[e["source_id"]]
        out.append(
            {
                "defect": e["defect"],
                "source_id": e["source_id"],
                "file": e["file"],
                "record_id": format_one(_plain(e["record_id"]), e["key"], style, e["source_id"]),
                "personal_id": format_one(_plain(e["personal_id"]), "PersonalID", style, e["source_id"]),
                "column": e["column"],
                "value": _value(e["value"], e["file"], e["column"], dtypes),
                "detail": e["detail"],
            }
        )
    return sorted(out, key=lambda d: (d["defect"], d["source_id"], d["file"], str(d["record_id"]), d["column"] or ""))


def _plain(value):
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, float) and not np.isnan(value):
        return int(value)
    return value


def write(path: Path, document: dict) -> None:
    """Pretty at the top, one line per entry in the long lists (fast to write, easy to grep and diff)."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("{\n")
        items = list(document.items())
        for i, (key, value) in enumerate(items):
            handle.write(f"  {json.dumps(key)}: ")
            if isinstance(value, list):
                handle.write("[\n" if value else "[")
                for j, entry in enumerate(value):
                    handle.write("    " + json.dumps(entry, ensure_ascii=False, default=_default))
                    handle.write(",\n" if j < len(value) - 1 else "\n  ")
                handle.write("]")
            else:
                handle.write(json.dumps(value, ensure_ascii=False, default=_default, indent=2).replace("\n", "\n  "))
            handle.write(",\n" if i < len(items) - 1 else "\n")
        handle.write("}\n")


def _default(value):
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    raise TypeError(f"cannot write {type(value)} to the manifest")
