"""The writer database ``ingest.duckdb``: one connection at a time, waited for politely."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb

from pipelines.errors import WaypointError


class DatabaseBusy(WaypointError):
    """Another process holds the ingest database (DuckDB allows one writer)."""


def connect(path: Path, *, wait_seconds: float = 120.0) -> duckdb.DuckDBPyConnection:
    """Open ingest.duckdb for writing, retrying while another writer holds the lock."""
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    delay = 0.1
    while True:
        try:
            con = duckdb.connect(str(path))
            con.execute("SET enable_progress_bar = false")
            return con
        except duckdb.IOException as err:
            if "lock" not in str(err).lower() or time.monotonic() > deadline:
                raise DatabaseBusy(f"{path} is in use by another process; try again when it finishes ({err}).") from err
            time.sleep(delay)
            delay = min(delay * 2, 2.0)
