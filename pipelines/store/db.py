"""The writer database ``ingest.duckdb``: one connection at a time, waited for politely."""

from __future__ import annotations

import os
import time
from pathlib import Path

import duckdb

from pipelines.errors import WaypointError
from pipelines.ops import locks
from pipelines.ops.failures import kind_of, plain
from pipelines.security import databases

MEMORY_LIMIT_ENV, THREADS_ENV = "WAYPOINT_DUCKDB_MEMORY_LIMIT", "WAYPOINT_DUCKDB_THREADS"
DEFAULT_MEMORY_LIMIT = "2GB"  # as dbt_project/profiles.yml: docs/scale.md "DuckDB within 4 GiB"


def limit_memory(con: duckdb.DuckDBPyConnection, temp_directory: Path) -> None:
    """DuckDB's memory limit and threads as the warehouse build has them (WAYPOINT_DUCKDB_MEMORY_LIMIT, default 2GB;
    WAYPOINT_DUCKDB_THREADS, default 2), spilling what exceeds the limit to ``temp_directory``."""
    temp_directory.mkdir(parents=True, exist_ok=True)
    con.execute("SET temp_directory = ?", [str(temp_directory)])
    con.execute("SET memory_limit = ?", [os.environ.get(MEMORY_LIMIT_ENV) or DEFAULT_MEMORY_LIMIT])
    con.execute("SET threads = ?", [int(os.environ.get(THREADS_ENV) or 2)])


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
