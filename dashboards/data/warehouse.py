"""Connections to the published warehouse and the ingest database, and relation lookup across schemas.

The published warehouse is attached once per published version and shared by every session of the dashboards
process (``published``): opening a 1 GB DuckDB file costs tens of milliseconds, a cursor on an open one well under
one. A build replaces the file atomically (a new inode), so the attachment is keyed by the file's identity and a new
build is seen at the next query. Each version is attached read-only into its own in-memory database rather than
opened by path: DuckDB keeps one instance per path in a process, which would go on serving the replaced file.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from pipelines.errors import WaypointError
from pipelines.security import databases
from pipelines.security.keys import KeyProblem

# How many published versions stay attached: the current one and the one before it, which a query that started
# just before a publish may still be reading. Older ones are closed.
_KEPT_VERSIONS = 2
# Attachments of any path kept open at once (a process normally reads one published file; tests make many).
_KEPT_ATTACHMENTS = 6
_CATALOG = "warehouse"
WAREHOUSE_URL = "WAYPOINT_WAREHOUSE_URL"  # a PostgreSQL warehouse to read instead of the DuckDB file


class DataNotReady(WaypointError):
    """The warehouse, or the relation a page needs, has not been built or published yet."""


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


class _Attachments:
    """The process's open attachments of published warehouse files, newest last, keyed by file identity."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: dict[tuple, duckdb.DuckDBPyConnection] = {}

    def connection(self, path: Path) -> duckdb.DuckDBPyConnection:
        try:
            stat = path.stat()
        except FileNotFoundError:
            raise DataNotReady(f"no data yet: {path.name} has not been built") from None
        key = (str(path.resolve()), stat.st_ino, stat.st_dev, stat.st_mtime_ns, stat.st_size)
        with self._lock:
            conn = self._open.get(key)
            if conn is None:
                conn = self._attach(path)
                self._open[key] = conn
                same_path = [k for k in self._open if k[0] == key[0]]
                stale = same_path[:-_KEPT_VERSIONS] + list(self._open)[:-_KEPT_ATTACHMENTS]
                for old in dict.fromkeys(stale):
                    self._open.pop(old).close()
            return conn

    @staticmethod
    def _attach(path: Path) -> duckdb.DuckDBPyConnection:
        conn = duckdb.connect(":memory:")
        try:
            databases.attach(conn, path, _CATALOG, key=databases.database_key(path), read_only=True)
        except KeyProblem as err:
            conn.close()
            raise DataNotReady(str(err)) from err
        except duckdb.Error as err:
            conn.close()
            raise DataNotReady(f"the warehouse {path.name} cannot be opened right now: {err}") from err
        return conn

    def close_all(self) -> None:
        with self._lock:
            for conn in self._open.values():
                conn.close()
            self._open.clear()


_ATTACHMENTS = _Attachments()


@contextmanager
def published(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor on the shared read-only attachment of the published warehouse.

    DESIGN: "Readers never block or see half a build".

    With WAYPOINT_WAREHOUSE_URL set, the published warehouse is that PostgreSQL database instead (docs/scale.md):
    a read-only connection answering the same SQL."""
    if os.environ.get(WAREHOUSE_URL, "").strip():
        with _postgres() as conn:
            yield conn
        return
    cursor = _ATTACHMENTS.connection(path).cursor()
    try:
        cursor.execute(f"use {_CATALOG}")
        yield cursor
    finally:
        cursor.close()


@contextmanager
def _postgres() -> Iterator:
    from pipelines.warehouse.postgres import PostgresReader, PostgresTarget, PostgresUnavailable

    try:
        conn = PostgresReader(PostgresTarget.from_url(os.environ[WAREHOUSE_URL].strip()))
    except PostgresUnavailable as err:
        raise DataNotReady(f"the PostgreSQL warehouse cannot be reached right now: {err}") from err
    try:
        yield conn
    finally:
        conn.close()


def close_published() -> None:
    """Detach every published version (tests that delete their warehouse files, process shutdown)."""
    _ATTACHMENTS.close_all()


@contextmanager
def read_only(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived read-only connection, for files a writer may open next (ingest.duckdb): it is closed at once."""
    if not path.exists():
        raise DataNotReady(f"no data yet: {path.name} has not been built")
    try:
        conn = databases.connect(path, read_only=True)
    except KeyProblem as err:
        raise DataNotReady(str(err)) from err
    except duckdb.Error as err:
        raise DataNotReady(f"the warehouse {path.name} cannot be opened right now: {err}") from err
    try:
        yield conn
    finally:
        conn.close()


def find_relation(conn: duckdb.DuckDBPyConnection, name: str) -> str | None:
    """The quoted, schema-qualified name of a table or view called ``name`` (any schema), or None."""
    rows = conn.execute(
        "select table_schema from information_schema.tables "
        "where table_name = ? and table_catalog = current_database() "
        "order by case when table_schema = 'main' then 0 else 1 end, table_schema",
        [name],
    ).fetchall()
    return f"{quote(rows[0][0])}.{quote(name)}" if rows else None


def relation_columns(conn: duckdb.DuckDBPyConnection, qualified: str) -> list[str]:
    return [column[0] for column in conn.execute(f"select * from {qualified} limit 0").description]
