"""Read-only connections to the published warehouse and the ingest database, and relation lookup across schemas."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from pipelines.errors import WaypointError


class DataNotReady(WaypointError):
    """The warehouse, or the relation a page needs, has not been built or published yet."""


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


@contextmanager
def read_only(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection; readers never block the build (DESIGN: readers never see half a build)."""
    if not path.exists():
        raise DataNotReady(f"no data yet: {path.name} has not been built")
    try:
        conn = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as err:
        raise DataNotReady(f"the warehouse {path.name} cannot be opened right now: {err}") from err
    try:
        yield conn
    finally:
        conn.close()


def find_relation(conn: duckdb.DuckDBPyConnection, name: str) -> str | None:
    """The quoted, schema-qualified name of a table or view called ``name`` (any schema), or None."""
    rows = conn.execute(
        "select table_schema from information_schema.tables where table_name = ? "
        "order by case when table_schema = 'main' then 0 else 1 end, table_schema",
        [name],
    ).fetchall()
    return f"{quote(rows[0][0])}.{quote(name)}" if rows else None


def relation_columns(conn: duckdb.DuckDBPyConnection, qualified: str) -> list[str]:
    return [row[0] for row in conn.execute(f"describe {qualified}").fetchall()]
