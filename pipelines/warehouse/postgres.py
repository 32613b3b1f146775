"""The PostgreSQL warehouse (docs/scale.md): the raw layer copied from ingest.duckdb, dbt building beside it.

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
from datetime import date
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote, urlsplit

import duckdb
import psycopg2
import psycopg2.errors
import psycopg2.extensions

from pipelines.errors import WaypointError
from pipelines.security import databases

URL_VARIABLE = "WAYPOINT_POSTGRES_URL"
LOADED_SCHEMAS = ("raw", "meta")
LAYER_SCHEMAS = ("staging", "intermediate", "marts", "reference", "hud_validation")
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
    duck = databases.connect(ingest_db, read_only=True)
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


def _schema_exists(cur: psycopg2.extensions.cursor, schema: str) -> bool:
    cur.execute("select 1 from information_schema.schemata where schema_name = %s", [schema])
    return cur.fetchone() is not None


def drop_build_schemas(target: PostgresTarget) -> None:
    """Remove what a failed or killed build left in its ``build_`` schemas."""
    with transaction(target) as cur:
        for layer in LAYER_SCHEMAS:
            cur.execute(f"drop schema if exists {BUILD_PREFIX}{layer} cascade")


def publish_schemas(target: PostgresTarget, build_record: dict[str, object]) -> None:
    """In one transaction: the ``build_`` schemas become the published layers and ``meta.build`` names the build."""
    with transaction(target) as cur:
        for layer in LAYER_SCHEMAS[:4]:
            if not _schema_exists(cur, BUILD_PREFIX + layer):
                raise WaypointError(f"the PostgreSQL build has no schema {BUILD_PREFIX}{layer}; not publishing it")
        for layer in LAYER_SCHEMAS:
            cur.execute(f"drop schema if exists {layer} cascade")
            cur.execute(f"create schema if not exists {BUILD_PREFIX}{layer}")  # hud_validation: only when a rule ran
            cur.execute(f"alter schema {BUILD_PREFIX}{layer} rename to {layer}")
        cur.execute("drop table if exists meta.build")
        cur.execute(
            """
            create table meta.build (
                build_id text, started_at timestamp, finished_at timestamp, dbt_version text,
                input_ingest_ids text, input_exports integer, models integer, tests integer,
                seeds integer, warnings integer
            )
            """
        )
        columns = list(build_record)
        cur.execute(
            f"insert into meta.build ({', '.join(columns)}) values ({', '.join('%s' for _ in columns)})",
            [build_record[c] for c in columns],
        )


class PostgresResult:
    """The rows of one query, read the ways the report writers and the dashboards read DuckDB's (fetchone,
    fetchall, df, description)."""

    def __init__(self, columns: list[str], rows: list[tuple]) -> None:
        self.columns = columns
        self.rows = rows

    @property
    def description(self) -> list[tuple[str]]:
        return [(name,) for name in self.columns]

    def fetchone(self) -> tuple | None:
        return self.rows[0] if self.rows else None

    def fetchall(self) -> list[tuple]:
        return list(self.rows)

    def df(self):
        """A DataFrame typed as DuckDB's ``df()`` types it: numerics as floats, dates as datetime64."""
        import pandas as pd

        frame = pd.DataFrame.from_records(self.rows, columns=self.columns)
        for name in frame.columns:
            values = [v for v in frame[name] if v is not None]
            if values and all(isinstance(v, Decimal) for v in values):
                frame[name] = [None if v is None else float(v) for v in frame[name]]
                frame[name] = frame[name].astype("float64")
            elif values and all(isinstance(v, date) for v in values):
                frame[name] = pd.to_datetime(frame[name])
        return frame


class PostgresReader:
    """The published PostgreSQL warehouse behind DuckDB's ``execute(sql, params)``, read-only: the report writers
    run the same SQL on either engine (``?`` placeholders). Errors are raised as DuckDB's (a missing table as
    CatalogException), the errors those readers already turn into "build it first"."""

    def __init__(self, target: PostgresTarget) -> None:
        self.con = target.connect()
        self.con.set_session(readonly=True, autocommit=True)

    def execute(self, sql: str, params: list | tuple | None = None) -> PostgresResult:
        with self.con.cursor() as cur:
            try:
                cur.execute(sql.replace("%", "%%").replace("?", "%s"), list(params or []))
            except (psycopg2.errors.UndefinedTable, psycopg2.errors.InvalidSchemaName) as err:
                raise duckdb.CatalogException(" ".join(str(err).split())) from err
            except psycopg2.Error as err:
                raise duckdb.Error(" ".join(str(err).split())) from err
            columns = [column.name for column in cur.description or []]
            return PostgresResult(columns, cur.fetchall() if cur.description else [])

    def close(self) -> None:
        self.con.close()
