"""Vendor quirks written into finished exports, so tests and the demo meet what real HMIS software writes.

Each quirk rewrites a zip the generator wrote (same rows, same values) the way some vendor or HUD's own
samples do: US-style dates, an Export.csv with several rows, the files inside a folder of the zip, a
CSVVersion that names another format than the columns. ``waypoint synth --quirk NAME`` applies them
and lists them in the manifest; the same input gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

from pipelines.errors import WaypointError
from pipelines.spec import load_spec
from pipelines.synth import manifest
from pipelines.synth.output import CSV_VERSION_TEXT

QUIRKS: dict[str, str] = {
    "us-dates": "dates MM-DD-YYYY (M/D/YYYY in every other file), datetimes MM-DD-YYYY hh:mm:ss",
    "multi-row-export": "Export.csv with three rows of earlier exports before the one the files carry",
    "folder": "the CSV files inside a folder of the zip, named like the zip",
    "version-mislabel": "every Export.csv row declares another CSV version than the files' columns",
}
EXTRA_EXPORT_ROWS = 3
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2}:\d{2})")


def check(quirks: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(quirks))
    unknown = [q for q in chosen if q not in QUIRKS]
    if unknown:
        raise WaypointError(f"unknown quirk(s) {', '.join(unknown)}; choose from {', '.join(QUIRKS)}")
    return chosen


def _us_date(value: str, short: bool) -> str:
    if m := _ISO_TIME.fullmatch(value):
        return f"{m[2]}-{m[3]}-{m[1]} {m[4]}"
    if m := _ISO_DATE.fullmatch(value):
        return f"{int(m[2])}/{int(m[3])}/{m[1]}" if short else f"{m[2]}-{m[3]}-{m[1]}"
    return value


def _mislabel(csv_version: str) -> str:
    """The CSVVersion text of another format (FY2024 for FY2026 data, as HUD's LSA sample declares)."""
    others = [v for v in CSV_VERSION_TEXT if v != csv_version]
    return CSV_VERSION_TEXT["fy2024" if "fy2024" in others else others[0]]


def _rewrite(name: str, text: str, quirks: tuple[str, ...], csv_version: str, position: int) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    body = rows[1:]
    if "us-dates" in quirks:
        spec = load_spec(csv_version).file(name)
        dated = [i for i, h in enumerate(header) if spec.column(h).dtype in ("D", "T")]
        for row in body:
            for i in dated:
                row[i] = _us_date(row[i], short=position % 2 == 1)
    if name == "Export":
        at = {h: i for i, h in enumerate(header)}
        if "version-mislabel" in quirks:
            for row in body:
                row[at["CSVVersion"]] = _mislabel(csv_version)
        if "multi-row-export" in quirks and body:
            earlier = []
            for n in range(EXTRA_EXPORT_ROWS, 0, -1):
                row = list(body[0])
                row[at["ExportID"]] = f"{row[at['ExportID']]}-{n}"
                earlier.append(row)
            body = earlier + body
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header, *body])
    return out.getvalue()


def apply(zip_path: Path, quirks: Iterable[str], csv_version: str) -> None:
    """Rewrite one generated zip with the quirks (in place, atomically)."""
    quirks = check(quirks)
    if not quirks:
        return
    folder = f"{zip_path.stem}/" if "folder" in quirks else ""
    tmp = zip_path.with_suffix(".zip.part")
    with zipfile.ZipFile(zip_path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for position, info in enumerate(src.infolist()):
            name = Path(info.filename).stem
            text = src.read(info).decode("utf-8")
            entry = zipfile.ZipInfo(folder + info.filename, date_time=info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, _rewrite(name, text, quirks, csv_version, position).encode("utf-8"))
    tmp.replace(zip_path)


def apply_to_run(zips: list[Path], manifest_path: Path, quirks: Iterable[str], csv_version: str) -> None:
    """Apply the quirks to every zip of a run and name them in its manifest."""
    quirks = check(quirks)
    if not quirks:
        return
    for path in zips:
        apply(path, quirks, csv_version)
    document = json.loads(manifest_path.read_text(encoding="utf-8"))
    document["quirks"] = {q: QUIRKS[q] for q in quirks}
    manifest.write(manifest_path, document)
