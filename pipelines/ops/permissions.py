"""Everything under WAYPOINT_HOME is owner-only (0700 folders, 0600 files), whatever the umask.

The databases, archive, findings and Great Expectations results hold client names, SSNs and dates of
birth, so no other account on the server may read them. Every Waypoint process sets umask 077 before it
creates a file (so dbt, SQLite and DuckDB create theirs owner-only too); ``loose_paths`` finds what an older
version or another tool left readable, and ``tighten`` fixes it (`waypoint secure`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

OWNER_ONLY_UMASK = 0o077
_LOOSE_BITS = stat.S_IRWXG | stat.S_IRWXO


def owner_only_umask() -> None:
    """New files and folders of this process (and of the dbt/Streamlit processes it starts) are owner-only."""
    os.umask(OWNER_ONLY_UMASK)


def _walk(home: Path):
    yield home
    for root, dirs, files in os.walk(home):
        for name in dirs + files:
            yield Path(root) / name


def loose_paths(home: Path, limit: int | None = None) -> list[tuple[Path, int]]:
    """(path, mode) of every file or folder under ``home`` that another account could read, write or enter."""
    found: list[tuple[Path, int]] = []
    if not home.exists():
        return found
    for path in _walk(home):
        try:
            mode = path.lstat().st_mode
        except FileNotFoundError:  # removed while we walked
            continue
        if stat.S_ISLNK(mode) or not mode & _LOOSE_BITS:
            continue
        found.append((path, stat.S_IMODE(mode)))
        if limit and len(found) >= limit:
            break
    return found


def tighten(home: Path) -> int:
    """Make every folder 0700 and every file 0600 (keeping the owner's execute bit); returns how many changed."""
    changed = 0
    for path, mode in loose_paths(home):
        new = (0o700 if path.is_dir() else mode & 0o700 | 0o600) & 0o700
        try:
            os.chmod(path, new)
        except FileNotFoundError:
            continue
        changed += 1
    return changed


def warning(home: Path) -> str | None:
    """One line when something under ``home`` is readable by other accounts, naming an example and the fix."""
    loose = loose_paths(home, limit=1000)
    if not loose:
        return None
    path, mode = loose[0]
    more = "1000 or more paths" if len(loose) >= 1000 else f"{len(loose)} path{'s' if len(loose) > 1 else ''}"
    return (
        f"warning: {more} under {home} can be read by other accounts on this server "
        f"(e.g. {path.relative_to(home) if path != home else path} is {mode:04o}); "
        "run `waypoint secure` to make them owner-only"
    )
