"""The PostgreSQL warehouse (README "Scale"): the raw layer copied from ingest.duckdb, dbt building beside it.

Layout of the database named by ``WAYPOINT_POSTGRES_URL``: schemas ``raw`` and ``meta`` hold ingest.duckdb's
tables as they are (dbt's sources); a build writes its models into ``build_<layer>`` schemas and publishing
renames them to ``staging``, ``intermediate``, ``marts`` and ``reference`` in one transaction, with the build
record in ``meta.build``: readers see the old warehouse or the new one, never half of one.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import duckdb
import psycopg2
import psycopg2.extensions

from pipelines.errors import WaypointError

URL_VARIABLE = "WAYPOINT_POSTGRES_URL"
LOADED_SCHEMAS = ("raw", "meta")
LAYER_SCHEMAS = ("staging", "intermediate", "marts", "reference")
BUILD_PREFIX = "build_"

# DuckDB column types of ingest.duckdb and what each becomes in PostgreSQL (anything else is an error).
_TYPES = {
    "VARCHAR": "text",
    "BIGINT": "bigint",
    "INTEGER": "integer",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIMESTAMP": "timestamp",
    "DOUBLE": "double precision",
    "VARCHAR[]": "text[]",
    "MAP(VARCHAR, VARCHAR)": "jsonb",
}


class PostgresUnavailable(WaypointError):
    """No PostgreSQL warehouse is configured, or it cannot be reached."""


@dataclass(frozen=True)
class PostgresTarget:
    """Where the PostgreSQL warehouse is, parsed from a ``postgresql://user:password@host:port/database`` URL."""

    host: str
    port: int
    user: str
    password: str
    database: str

    @classmethod
    def from_url(cls, url: str) -> PostgresTarget:
        parts = urlsplit(url)
        if parts.scheme not in {"postgresql", "postgres"} or not parts.path.strip("/"):
            raise PostgresUnavailable(
                f"{URL_VARIABLE} must look like postgresql://user:password@host:port/database (got {parts.scheme}://...)"
            )
        return cls(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 5432,
            user=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
            database=unquote(parts.path.strip("/")),
        )

    @classmethod
    def from_environment(cls) -> PostgresTarget:
        url = os.environ.get(URL_VARIABLE, "").strip()
        if not url:
            raise PostgresUnavailable(
                f"set {URL_VARIABLE} to the PostgreSQL warehouse (scripts/postgres.sh start prints a local one)"
            )
        return cls.from_url(url)

    def dbt_env(self) -> dict[str, str]:
        """The variables dbt_project/profiles.yml's ``postgres`` target reads."""
        return {
            "WAYPOINT_PG_HOST": self.host,
            "WAYPOINT_PG_PORT": str(self.port),
            "WAYPOINT_PG_USER": self.user,
            "WAYPOINT_PG_PASSWORD": self.password,
            "WAYPOINT_PG_DATABASE": self.database,
        }

    def connect(self) -> psycopg2.extensions.connection:
        try:
            return psycopg2.connect(
                host=self.host,
                port=self.port,
                user=self.user,
                password=self.password,
                dbname=self.database,
                connect_timeout=15,
            )
        except psycopg2.OperationalError as err:
            message = " ".join(str(err).split())
            raise PostgresUnavailable(
                f"cannot reach PostgreSQL at {self.host}:{self.port}/{self.database} ({message})"
            ) from err


@contextmanager
def transaction(target: PostgresTarget) -> Iterator[psycopg2.extensions.cursor]:
    """One transaction: committed when the block ends, rolled back (nothing changed) when it raises."""
    con = target.connect()
    try:
        with con, con.cursor() as cur:
            yield cur
    finally:
        con.close()


def _ingest_tables(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    return con.execute(
        "select table_schema, table_name from information_schema.tables "
        f"where table_schema in {LOADED_SCHEMAS} order by 1, 2"
    ).fetchall()


def _columns(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> list[tuple[str, str]]:
    rows = con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = ? and table_name = ? order by ordinal_position",
        [schema, table],
    ).fetchall()
    unknown = sorted({kind for _, kind in rows if kind not in _TYPES})
    if unknown:
        raise WaypointError(f"ingest table {schema}.{table} has column types PostgreSQL loading lacks: {unknown}")
    return rows


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _csv_expression(column: str, kind: str) -> str:
    """A DuckDB expression writing one column as PostgreSQL's COPY reads it (lists as array literals, maps as JSON)."""
    quoted = _quoted(column)
    if kind == "VARCHAR[]":
        item = "'\"' || replace(replace(x, '\\', '\\\\'), '\"', '\\\"') || '\"'"
        return f"'{{' || array_to_string(list_transform({quoted}, lambda x: {item}), ',') || '}}' as {quoted}"
    if kind.startswith("MAP("):
        return f"cast(to_json({quoted}) as varchar) as {quoted}"
    return quoted


def _copy_table(
    duck: duckdb.DuckDBPyConnection, cur: psycopg2.extensions.cursor, schema: str, table: str, scratch: Path
) -> int:
    columns = _columns(duck, schema, table)
    name = f"{_quoted(schema)}.{_quoted(table)}"
    cur.execute(f"create table {name} ({', '.join(f'{_quoted(c)} {_TYPES[k]}' for c, k in columns)})")
    select = ", ".join(_csv_expression(c, k) for c, k in columns)
    csv_path = scratch / f"{schema}.{table}.csv"
    duck.execute(f"copy (select {select} from {name}) to '{csv_path}' (header, delimiter ',', quote '\"')")
    with csv_path.open("rb") as data:
        cur.copy_expert(f"copy {name} from stdin with (format csv, header true)", io.BufferedReader(data))
    csv_path.unlink()
    return cur.rowcount


def load_raw_layer(ingest_db: Path, target: PostgresTarget, scratch: Path) -> dict[str, int]:
    """Replace schemas raw and meta's ingest tables with ingest.duckdb's, in one transaction; rows per table.

    ``meta.build`` (the published build's record) is kept: it belongs to the warehouse, not to ingestion.
    """
    scratch.mkdir(parents=True, exist_ok=True)
    duck = duckdb.connect(str(ingest_db), read_only=True)
    loaded: dict[str, int] = {}
    try:
        tables = _ingest_tables(duck)
        with transaction(target) as cur:
            cur.execute("drop schema if exists raw cascade")
            cur.execute("create schema raw")
            cur.execute("create schema if not exists meta")
            for schema, table in tables:
                if schema == "meta":
                    cur.execute(f"drop table if exists meta.{_quoted(table)} cascade")
                loaded[f"{schema}.{table}"] = _copy_table(duck, cur, schema, table, scratch)
    finally:
        duck.close()
    return loaded
