"""The system's own failures in one plain line: disk full, read-only, permission denied, lock held, damaged file.

Each message names the file (or folder) and what to do. The steps that write are all-or-nothing (one
transaction, copy-then-rename, atomic publish), so the line can also say that the previous state is intact.
"""

from __future__ import annotations

import contextlib
import errno
import re
from pathlib import Path

from pipelines.errors import WaypointError

_INTACT = "nothing was changed; the previous state is intact"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "full",
        re.compile(r"no space left|disk is full|database or disk is full|ENOSPC|out of disk|file too large", re.I),
    ),
    ("readonly", re.compile(r"read-only file ?system|EROFS|attempt to write a readonly database", re.I)),
    ("denied", re.compile(r"permission denied|EACCES|operation not permitted", re.I)),
    ("lock", re.compile(r"could not set lock|conflicting lock|database is locked", re.I)),
    (
        "damaged",
        re.compile(
            r"not a valid duckdb database|corrupt|checksum|malformed|file is not a database|"
            r"serialization error|failed to read database header|invalid block|INTERNAL Error",
            re.I,
        ),
    ),
)
_ERRNO = {
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EFBIG: "full",
    errno.EROFS: "readonly",
    errno.EACCES: "denied",
}
_ERRNO[errno.EPERM] = "denied"
_PATH = re.compile(r"""["'](/[^"']+)["']|(/[\w.@+/-]+)""")


class SystemFailure(WaypointError):
    """The machine, not the data, stopped a command (see ``explain``)."""


def kind_of(err: BaseException | str) -> str | None:
    """'full', 'readonly', 'denied', 'lock' or 'damaged' when the error (or dbt's output) is one of them."""
    if isinstance(err, OSError) and err.errno in _ERRNO:
        return _ERRNO[err.errno]
    text = err if isinstance(err, str) else f"{type(err).__name__}: {err}"
    for kind, pattern in _PATTERNS:
        if pattern.search(text):
            return kind
    return None


def _named_path(err: BaseException | str, fallback: Path | None) -> str:
    if isinstance(err, OSError) and err.filename:
        return str(err.filename)
    matches = _PATH.findall(err if isinstance(err, str) else str(err))
    quoted = [q for q, _ in matches if q and not q.endswith(".py")]  # the file DuckDB names, not a traceback's
    bare = [b for _, b in matches if b and not b.endswith(".py") and b.count("/") > 1]
    if quoted or bare:
        return (quoted or bare)[-1]
    return str(fallback) if fallback else "a file under WAYPOINT_HOME"


def explain(err: BaseException | str, path: Path | None = None, *, doing: str = "") -> str | None:
    """One line for a system failure, or None when ``err`` is not one (then it is a bug: show it as one)."""
    kind = kind_of(err)
    if kind is None:
        return None
    where = str(path) if path else _named_path(err, path)
    folder = str(Path(where).parent)
    prefix = f"{doing} stopped: " if doing else ""
    if kind == "full":
        return f"{prefix}the disk is full (writing {where}); free space (`df -h {folder}`) and run it again; {_INTACT}"
    if kind == "readonly":
        return (
            f"{prefix}{folder} is on a read-only filesystem (writing {where}); remount it read-write and run it "
            f"again; {_INTACT}"
        )
    if kind == "denied":
        return (
            f"{prefix}permission denied on {where}; run Waypoint as the account that owns WAYPOINT_HOME "
            f"(`ls -l {folder}`), then `waypoint secure`; {_INTACT}"
        )
    if kind == "lock":
        return f"{prefix}{where} is in use by another process; run it again when that one finishes; {_INTACT}"
    return (
        f"{prefix}{where} is damaged ({_first_line(err)}); restore it from the last backup of WAYPOINT_HOME "
        "(docs/operations.md), or for the published warehouse run `waypoint build`"
    )


def _first_line(err: BaseException | str) -> str:
    text = err if isinstance(err, str) else str(err)
    line = next((part.strip() for part in text.splitlines() if part.strip()), type(err).__name__)
    return line[:200]


def plain(err: BaseException, path: Path | None = None, *, doing: str = "") -> SystemFailure | None:
    """A SystemFailure to raise ``from err`` when ``err`` is a system failure, else None."""
    line = explain(err, path, doing=doing)
    return SystemFailure(line) if line else None


def rollback_quietly(con) -> None:
    """ROLLBACK that never hides the error that made it necessary (after a failed COMMIT there is no transaction)."""
    with contextlib.suppress(Exception):
        con.execute("ROLLBACK")
