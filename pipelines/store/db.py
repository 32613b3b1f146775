"""The writer database ``ingest.duckdb``: one connection at a time, waited for politely."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb

from pipelines.errors import WaypointError
from pipelines.ops import locks
from pipelines.ops.failures import kind_of, plain
from pipelines.security import databases


class DatabaseBusy(WaypointError):
    """Another process holds the ingest database (DuckDB allows one writer)."""


def connect(path: Path, *, wait_seconds: float = 120.0) -> duckdb.DuckDBPyConnection:
    """Open ingest.duckdb for writing, retrying while another writer holds the lock."""
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    delay = 0.1
    announced = False
    while True:
        try:
            con = databases.connect(path)
            con.execute("SET enable_progress_bar = false")
            return con
        except duckdb.Error as err:
            kind = kind_of(err)
            if kind not in (None, "lock") or not isinstance(err, duckdb.IOException):
                failure = plain(err, path, doing=f"opening {path.name}")
                if failure:  # read-only disk, permission, damaged file: never "in use by another process"
                    raise failure from err
                raise
            if "lock" not in str(err).lower() or time.monotonic() > deadline:
                raise DatabaseBusy(f"{path} is in use by another process; try again when it finishes ({err}).") from err
            if not announced and time.monotonic() > deadline - wait_seconds + 2:
                locks.announce(f"waiting for another process to close {path.name} (up to {wait_seconds:.0f} s)…")
                announced = True
            time.sleep(delay)
            delay = min(delay * 2, 2.0)
