"""Open a delivered zip without trusting it: no path escapes, no links, no nested archives, no bombs.

Entries are never extracted by their own names; each HMIS file is streamed to ``<work>/<File>.csv``
while its size and compression ratio are watched, and its bytes are checked as UTF-8 on the way.
"""

from __future__ import annotations

import codecs
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pipelines.ingest.models import ERROR, FATAL, WARNING, Finding
from pipelines.security.envelope import open_plain
from pipelines.security.keys import MasterKey
from pipelines.security.workfiles import open_write
from pipelines.spec import ALL_FILES

_CHUNK = 1 << 20
_ARCHIVE_SUFFIXES = (".zip", ".7z", ".gz", ".tgz", ".tar", ".rar", ".bz2", ".xz")
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Limits:
    """Caps that keep a hostile zip from filling the disk (defaults fit a whole state's export)."""

    max_total_bytes: int = 32 << 30
    max_ratio: int = 200
    ratio_applies_above: int = 8 << 20
    max_entries: int = 2000


class ZipRejected(Exception):
    """The zip cannot be read safely; carries the fatal finding."""

    def __init__(self, finding: Finding):
        super().__init__(finding.message)
        self.finding = finding


@dataclass
class Member:
    """One HMIS CSV file taken out of the zip."""

    name: str  # HMIS file name, e.g. "Client"
    entry: str  # name inside the zip
    path: Path
    utf8: bool  # bytes are valid UTF-8 (a UTF-8 BOM allowed)
    bom: str | None  # "utf-8", "utf-16-le", "utf-16-be" or None
    key: MasterKey | None = None  # the file is encrypted on disk under this key (pipelines.security.workfiles)


_BY_LOWER = {f"{name.lower()}.csv": name for name in ALL_FILES}


def _unsafe_name(name: str) -> str | None:
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "has an absolute path"
    if "\\" in name:
        return "uses backslashes in its path"
    if ".." in PurePosixPath(name).parts:
        return "points outside the export folder (..)"
    return None


def _is_link(info: zipfile.ZipInfo) -> bool:
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


def _screen(infos: list[zipfile.ZipInfo], limits: Limits) -> tuple[dict[str, zipfile.ZipInfo], list[Finding]]:
    """Choose the entry for each HMIS file and say why every other entry is skipped."""
    findings: list[Finding] = []
    chosen: dict[str, zipfile.ZipInfo] = {}
    if len(infos) > limits.max_entries:
        raise ZipRejected(
            Finding(
                None,
                "archive.too_many_entries",
                FATAL,
                f"The zip has {len(infos)} entries (limit {limits.max_entries}).",
            )
        )
    declared = sum(i.file_size for i in infos)
    if declared > limits.max_total_bytes:
        raise ZipRejected(
            Finding(
                None,
                "archive.too_large",
                FATAL,
                f"The zip would unpack to {declared:,} bytes, over the limit of {limits.max_total_bytes:,}.",
            )
        )
    for info in infos:
        name = info.filename
        if info.is_dir():
            continue
        reason = _unsafe_name(name)
        if reason:
            findings.append(
                Finding(
                    None, "archive.unsafe_path", ERROR, f"Zip entry '{name}' {reason}; it was not read.", value=name
                )
            )
            continue
        if _is_link(info):
            findings.append(
                Finding(
                    None,
                    "archive.symlink",
                    ERROR,
                    f"Zip entry '{name}' is a symbolic link; it was not read.",
                    value=name,
                )
            )
            continue
        if name.lower().endswith(_ARCHIVE_SUFFIXES):
            findings.append(
                Finding(
                    None,
                    "archive.nested",
                    ERROR,
                    f"Zip entry '{name}' is an archive inside the zip; nested archives are not opened.",
                    value=name,
                )
            )
            continue
        if info.flag_bits & 0x1:
            findings.append(
                Finding(
                    None,
                    "archive.encrypted",
                    ERROR,
                    f"Zip entry '{name}' is password protected; it was not read.",
                    value=name,
                )
            )
            continue
        parts = PurePosixPath(name).parts
        hmis = _BY_LOWER.get(parts[-1].lower())
        if hmis is None:
            findings.append(
                Finding(
                    None,
                    "archive.unknown_file",
                    WARNING,
                    f"'{name}' is not an HMIS CSV file; it was not loaded (it stays in the archive).",
                    value=name,
                )
            )
            continue
        if len(parts) > 2:
            findings.append(
                Finding(
                    hmis,
                    "archive.deep_folder",
                    WARNING,
                    f"'{name}' is more than one folder deep; it was not loaded.",
                    value=name,
                )
            )
            continue
        if hmis in chosen:
            findings.append(
                Finding(
                    hmis,
                    "archive.duplicate_file",
                    ERROR,
                    f"The zip holds {hmis}.csv twice; '{chosen[hmis].filename}' was loaded and '{name}' ignored.",
                    value=name,
                )
            )
            continue
        chosen[hmis] = info
    if len({PurePosixPath(i.filename).parent for i in chosen.values()}) > 1:
        findings.append(
            Finding(
                None,
                "archive.mixed_folders",
                WARNING,
                "The HMIS files sit in different folders of the zip; each was matched by name.",
            )
        )
    return chosen, findings


def _stream(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path, budget: list[int], limits: Limits, key: MasterKey | None
) -> tuple[bool, str | None]:
    """Copy one entry, enforcing the caps on the bytes actually produced, and check UTF-8 on the way."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, bom, first, written = True, None, True, 0
    ratio_cap = max(info.compress_size, 1) * limits.max_ratio
    with zf.open(info) as src, open_write(dest, key) as out:
        while chunk := src.read(_CHUNK):
            if first:
                first = False
                if chunk.startswith(_ZIP_MAGIC):
                    return False, "zip"
                if chunk.startswith(codecs.BOM_UTF8):
                    bom = "utf-8"
                elif chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                    bom = "utf-16-le" if chunk.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
                    utf8 = False
            written += len(chunk)
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise ZipRejected(
                    Finding(
                        None,
                        "archive.too_large",
                        FATAL,
                        f"The zip unpacks to more than {limits.max_total_bytes:,} bytes; it looks like a zip bomb "
                        "and was not read.",
                    )
                )
            if written > limits.ratio_applies_above and written > ratio_cap:
                raise ZipRejected(
                    Finding(
                        None,
                        "archive.zip_bomb",
                        FATAL,
                        f"Zip entry '{info.filename}' expands more than {limits.max_ratio} times its compressed "
                        "size; it looks like a zip bomb and was not read.",
                        value=info.filename,
                    )
                )
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
            out.write(chunk)
        if utf8:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                utf8 = False
    return utf8, bom


def unpack(
    archive_path: Path, work: Path, limits: Limits | None = None, key: MasterKey | None = None
) -> tuple[dict[str, Member], list[Finding]]:
    """Take the HMIS files out of an archived zip into ``work``; raise ZipRejected when it cannot be read safely.

    An encrypted archive copy is read through its decrypting view (``key``), never decrypted to disk."""
    limits = limits or Limits()
    with open_plain(archive_path, key) as source:
        return _unpack(source, work, limits, key)


def _unpack(source, work: Path, limits: Limits, key: MasterKey | None) -> tuple[dict[str, Member], list[Finding]]:
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise ZipRejected(
            Finding(None, "archive.unreadable", FATAL, f"The delivered file is not a readable zip ({err}).")
        ) from err
    members: dict[str, Member] = {}
    with zf:
        try:
            chosen, findings = _screen(zf.infolist(), limits)
            budget = [limits.max_total_bytes]
            for name, info in chosen.items():
                dest = work / f"{name}.csv"
                utf8, bom = _stream(zf, info, dest, budget, limits, key)
                if bom == "zip":
                    findings.append(
                        Finding(
                            name,
                            "archive.nested",
                            ERROR,
                            f"'{info.filename}' is a zip archive, not a CSV file; it was not read.",
                            value=info.filename,
                        )
                    )
                    dest.unlink(missing_ok=True)
                    continue
                members[name] = Member(name=name, entry=info.filename, path=dest, utf8=utf8, bom=bom, key=key)
        except ZipRejected:
            raise
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            EOFError,
            RuntimeError,
            NotImplementedError,
            ValueError,
        ) as err:
            raise ZipRejected(
                Finding(None, "archive.unreadable", FATAL, f"The zip is damaged and could not be read ({err}).")
            ) from err
    return members, findings
