"""Content-addressed archive: every delivered byte is kept before anything else happens.

A zip is copied as it is to ``archive/<sha256>.zip``. An unzipped export folder is first packed
into a deterministic zip (sorted names, fixed timestamps), so the same folder always gets the
same checksum and re-delivering it is a no-op. With a master key (pipelines.security.keys) the copy is
encrypted (pipelines.security.envelope); the name and checksum stay those of the delivered bytes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from pipelines.ingest.models import ERROR, Finding
from pipelines.security.envelope import encrypt_copy
from pipelines.security.keys import MasterKey

_CHUNK = 1 << 20
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class ArchivedFile:
    sha256: str
    archive_path: Path
    original_name: str


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _atomic_copy(src: Path, dest: Path, key: MasterKey | None = None) -> None:
    """Copy (encrypted under ``key`` when given) through a temporary file in the destination folder, then
    rename: never a half file."""
    if dest.exists():
        return
    if key is not None:
        encrypt_copy(src, dest, key)
        return
    fd, tmp = tempfile.mkstemp(prefix=".incoming-", dir=dest.parent)
    try:
        with os.fdopen(fd, "wb") as out, open(src, "rb") as handle:
            shutil.copyfileobj(handle, out, _CHUNK)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _folder_csvs(folder: Path) -> tuple[list[tuple[str, Path]], list[Finding]]:
    """CSV files at the top of the folder or one level down; links are refused, never followed."""
    entries, findings = [], []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if len(rel.parts) > 2 or path.suffix.lower() != ".csv":
            continue
        if path.is_symlink():
            findings.append(
                Finding(None, "archive.symlink", ERROR, f"{rel.as_posix()} is a symbolic link; it was not read.")
            )
            continue
        if path.is_file():
            entries.append((rel.as_posix(), path))
    return entries, findings


def pack_folder(folder: Path, dest: Path) -> list[Finding]:
    """Write the folder's CSVs into a deterministic zip at ``dest``."""
    entries, findings = _folder_csvs(folder)
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for name, path in entries:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with open(path, "rb") as handle, zf.open(info, "w", force_zip64=True) as out:
                shutil.copyfileobj(handle, out, _CHUNK)
    return findings


def archive_delivery(path: Path, archive_dir: Path, key: MasterKey | None = None) -> tuple[ArchivedFile, list[Finding]]:
    """Hash the delivery and keep an immutable copy named by its checksum (encrypted under ``key`` if given)."""
    archive_dir.mkdir(parents=True, exist_ok=True)
    findings: list[Finding] = []
    if path.is_dir():
        fd, tmp_name = tempfile.mkstemp(prefix=".packing-", suffix=".zip", dir=archive_dir)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            findings = pack_folder(path, tmp)
            sha = sha256_of(tmp)
            dest = archive_dir / f"{sha}.zip"
            if dest.exists():
                tmp.unlink()
            elif key is not None:
                encrypt_copy(tmp, dest, key)
                tmp.unlink()
            else:
                os.replace(tmp, dest)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    else:
        sha = sha256_of(path)
        dest = archive_dir / f"{sha}.zip"
        _atomic_copy(path, dest, key)
    return ArchivedFile(sha256=sha, archive_path=dest, original_name=path.name), findings
