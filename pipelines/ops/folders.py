"""A folder replaced in one step, like the published warehouse: written aside, then swapped in.

A report folder (zip, XLSX, CSVs, manifest.json) used to be rewritten file by file, so a killed rewrite left the
new zip beside the old manifest. Now the new folder is written beside the old one and exchanged with it by
``renameat2(RENAME_EXCHANGE)`` (Linux, atomic: a reader sees the old folder or the new one, never a mix or
nothing); elsewhere two renames, where a crash in between is repaired by the next write. What a killed writer
left aside is removed the next time that folder is written.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
WRITING = ".writing-"
OLD = ".old-"


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False when the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result != 0:
        error = ctypes.get_errno()
        if error in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this filesystem cannot exchange
            return False
        raise OSError(error, os.strerror(error), str(b))
    return True


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep(target: Path) -> list[Path]:
    """Remove what killed writers of ``target`` left beside it; put back an old folder a crash left moved aside."""
    removed = []
    if not target.parent.is_dir():
        return removed
    for path in target.parent.glob(f".{target.name}.*"):
        match = re.fullmatch(rf"\.{re.escape(target.name)}(\.writing-|\.old-)(\d+)-.*", path.name)
        if not match or _alive(int(match.group(2))):
            continue
        if match.group(1) == OLD and not target.exists():
            os.rename(path, target)  # crashed between the two renames of the fallback: the old folder stays
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def swap_in(new: Path, target: Path) -> None:
    """Make ``new`` the folder at ``target`` in one step and remove the folder it replaces."""
    if not target.exists():
        os.rename(new, target)
    elif _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # ``new`` now holds the old folder
    else:
        old = target.with_name(f".{target.name}{OLD}{os.getpid()}-{new.name[-8:]}")
        os.rename(target, old)
        os.rename(new, target)
        shutil.rmtree(old, ignore_errors=True)
    directory = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


@contextmanager
def replaced_atomically(target: Path) -> Iterator[Path]:
    """Yield an empty folder beside ``target`` to write into; on success it becomes ``target`` in one step, on
    failure it is removed and ``target`` stays as it was."""
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep(target)
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}{WRITING}{os.getpid()}-", dir=target.parent))
    try:
        yield aside
    except BaseException:
        shutil.rmtree(aside, ignore_errors=True)
        raise
    swap_in(aside, target)
