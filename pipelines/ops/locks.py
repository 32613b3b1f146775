"""One lock discipline for the writer database ``ingest.duckdb``.

DuckDB allows one writer per file, and a build's dbt reads ingest.duckdb for minutes, so every step that
opens it takes the writer lock ``warehouse/.writer.lock`` first and keeps it until it is done with the file:
an ingest from its first write to the end of Great Expectations, a build from its pre-check until dbt exits,
a report from recording its requests. Whoever finds the lock held waits, saying once what it waits for
(which command, process id, since when), and gives up after ``WAYPOINT_LOCK_WAIT_SECONDS`` (default 1800)
with one line. The dashboards read only the published warehouse and never take it. A second build refuses
at once (``.build.lock``); the Dagster sensor launches no ingest run while the lock is held.

The lock is an ``flock`` on an open file: the kernel drops it when the process dies, however it dies, so a
killed command never leaves it behind. It is re-entrant within one process (the ingest CLI holds it across
loading and Great Expectations, which each take it too).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pipelines.errors import WaypointError
from pipelines.ops.permissions import owner_only_umask

DEFAULT_WAIT_SECONDS = 1800.0
_POLL_SECONDS = 0.25
_held: dict[str, int] = {}  # lock path -> depth held by this process
_guard = threading.RLock()
_log = logging.getLogger("waypoint.locks")


class LockHeld(WaypointError):
    """The writer database stayed busy longer than this command would wait."""


@dataclass(frozen=True)
class Holder:
    what: str
    pid: int
    since: str

    def describe(self) -> str:
        return f"the {self.what} (process {self.pid}, since {self.since})"


def _announce_default(line: str) -> None:
    _log.warning(line)
    if sys.stderr.isatty() or os.environ.get("WAYPOINT_SAY_WAITS"):
        print(line, file=sys.stderr, flush=True)


announce: Callable[[str], None] = _announce_default


def set_announcer(function: Callable[[str], None]) -> None:
    """Where "waiting for …" lines go (the CLI prints them on stderr; Dagster logs them)."""
    global announce
    announce = function


def wait_seconds() -> float:
    value = os.environ.get("WAYPOINT_LOCK_WAIT_SECONDS")
    return float(value) if value else DEFAULT_WAIT_SECONDS


def lock_path(database: Path) -> Path:
    return database.with_name(".writer.lock")


def holder(database: Path) -> Holder | None:
    """Who holds the writer lock of ``database`` now, or None when nobody does."""
    path = lock_path(database)
    if not path.exists():
        return None
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            return _read_holder(handle.read())
        fcntl.flock(handle, fcntl.LOCK_UN)
    return None


def _read_holder(text: str) -> Holder:
    try:
        data = json.loads(text)
        return Holder(str(data["what"]), int(data["pid"]), str(data["since"]))
    except (ValueError, KeyError, TypeError):
        return Holder("another Waypoint command", 0, "an unknown time")


@contextmanager
def writer_lock(database: Path, what: str, *, wait: float | None = None) -> Iterator[None]:
    """Hold the writer lock of ``database`` (ingest.duckdb) for ``what`` (e.g. "ingest", "warehouse build")."""
    path = lock_path(database)
    key = str(path)
    with _guard:
        if _held.get(key):
            _held[key] += 1
            try:
                yield
            finally:
                _held[key] -= 1
            return
    owner_only_umask()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+")  # noqa: SIM115 (kept open while held)
    try:
        _acquire(handle, database, what, wait_seconds() if wait is None else wait)
        _say_who(handle, what)
        with _guard:
            _held[key] = 1
        try:
            yield
        finally:
            with _guard:
                _held.pop(key, None)
            with contextlib.suppress(OSError):
                os.ftruncate(handle.fileno(), 0)
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        handle.close()


def _say_who(handle, what: str) -> None:
    """Write who holds the lock, for the "waiting for …" lines; best effort (a full disk must not stop a command
    before it can say the disk is full)."""
    since = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    data = json.dumps({"what": what, "pid": os.getpid(), "since": since}).encode()
    with contextlib.suppress(OSError):
        os.ftruncate(handle.fileno(), 0)
        os.pwrite(handle.fileno(), data, 0)


def _acquire(handle, database: Path, what: str, wait: float) -> None:
    started = time.monotonic()
    announced = False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pass
        else:
            if announced:
                announce(f"{what}: {database.name} is free after {time.monotonic() - started:.0f} s; going on")
            return
        handle.seek(0)
        other = _read_holder(handle.read())
        if time.monotonic() - started >= wait:
            raise LockHeld(
                f"{database} is in use by {other.describe()}; the {what} waited {wait:.0f} s and stopped without "
                "changing anything. Run it again when that one finishes (WAYPOINT_LOCK_WAIT_SECONDS sets the wait)."
            )
        if not announced:
            announce(f"{what}: waiting for {other.describe()} to finish with {database.name} (up to {wait:.0f} s)…")
            announced = True
        time.sleep(_POLL_SECONDS)
