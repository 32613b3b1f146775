"""Make a delivered CSV readable: UTF-8 text, a known delimiter and a parsed header row.

Vendors differ: BOMs, Windows-1252 or UTF-16 files, semicolons or tabs instead of commas,
quoted or bare headers. Each variation is handled and said as a finding.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

from pipelines.ingest.models import WARNING, Finding
from pipelines.ingest.unpack import Member
from pipelines.security.keys import MasterKey
from pipelines.security.workfiles import open_read, open_text

_CHUNK = 1 << 20
_DELIMITERS = (",", ";", "\t", "|")
_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}


@dataclass
class TextFile:
    """A CSV file ready for the reader: UTF-8 on disk, delimiter and header known."""

    name: str
    path: Path
    delimiter: str
    header: list[str]
    encoding: str
    key: MasterKey | None = None  # encrypted on disk under this key (pipelines.security.workfiles)


def _as_cp1252(err: UnicodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8 are read as Windows-1252 (Latin-1 for the five it leaves undefined)."""
    assert isinstance(err, UnicodeDecodeError)
    bad = err.object[err.start : err.end]
    text = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad)
    return text, err.end


codecs.register_error("waypoint_cp1252", _as_cp1252)


def _transcode(member: Member) -> str:
    """Rewrite the file as UTF-8 in place; return the encoding it was read with."""
    encoding = member.bom if member.bom and member.bom.startswith("utf-16") else "cp1252"
    tmp = member.path.with_suffix(".utf8")
    if encoding.startswith("utf-16"):
        decoder = codecs.getincrementaldecoder("utf-16")(errors="replace")
        with open_read(member.path, member.key) as src, open_text(tmp, member.key, "w") as out:
            while chunk := src.read(_CHUNK):
                out.write(decoder.decode(chunk))
            out.write(decoder.decode(b"", final=True))
    else:
        decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="waypoint_cp1252")
        with open_read(member.path, member.key) as src, open_text(tmp, member.key, "w") as out:
            while chunk := src.read(_CHUNK):
                out.write(decoder.decode(chunk))
            out.write(decoder.decode(b"", final=True))
    os.replace(tmp, member.path)
    return encoding


def _first_record(path: Path, key: MasterKey | None = None) -> str:
    """The header text: up to the first line break outside quotes."""
    with open_text(path, key, "r", "utf-8-sig") as handle:
        text = handle.read(1 << 16)
    in_quotes = False
    for i, ch in enumerate(text):
        if ch == '"':
            in_quotes = not in_quotes
        elif ch in "\r\n" and not in_quotes:
            return text[:i]
    return text


def _choose_delimiter(line: str) -> str:
    counts = {d: len(next(csv.reader(io.StringIO(line), delimiter=d), [])) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: (counts[d], d == ","))
    return best if counts[best] > 1 else ","


def prepare(member: Member) -> tuple[TextFile, list[Finding]]:
    """Transcode when needed, detect the delimiter and parse the header."""
    findings: list[Finding] = []
    encoding = "utf-8-sig" if member.bom == "utf-8" else "utf-8"
    if not member.utf8:
        encoding = _transcode(member)
        label = "UTF-16" if encoding.startswith("utf-16") else "Windows-1252"
        findings.append(
            Finding(
                member.name,
                "encoding.not_utf8",
                WARNING,
                f"{member.name}.csv is not UTF-8; it was read as {label} and converted. Check accented characters.",
                value=encoding,
            )
        )
    line = _first_record(member.path, member.key)
    delimiter = _choose_delimiter(line)
    if delimiter != ",":
        findings.append(
            Finding(
                member.name,
                "format.delimiter",
                WARNING,
                f"{member.name}.csv separates values with a {_NAMES[delimiter]}, not a comma; it was read that way.",
                value=delimiter,
            )
        )
    header = [h.strip() for h in next(csv.reader(io.StringIO(line), delimiter=delimiter), [])]
    return TextFile(member.name, member.path, delimiter, header, encoding, member.key), findings
