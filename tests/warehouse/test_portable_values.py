"""The value macros' twins read what ingestion reads, on every engine, and never raise on a hostile value.

``hmis_date`` / ``hmis_timestamp`` / ``hmis_integer`` / ``hmis_money`` are DuckDB SQL with PostgreSQL and Spark
twins generated from the same rules (pipelines/warehouse/value_macros.py, portable_values.py). Each engine reads
every hostile value of tests/warehouse/hostile.py and the edge cases below, in one query, and must give what
``pipelines.ingest.dates.parse`` and the type rules give (null for what cannot be read).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

import duckdb
import pytest

from pipelines.ingest import dates
from pipelines.warehouse import portable_values, value_macros
from pipelines.warehouse.postgres import PostgresTarget

from .hostile import HOSTILE, expected
from .test_postgres import _server_url

EDGES = {
    "T": ("2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "12/31/99", "1/1/30", "7-4-26", "2025-01-01 12:00 AM",
          "2025-01-01 12:30 PM", "2025-01-01 00:30 AM", "2025-01-01 13:00 PM", "2025-01-01T08:00:00.123456",
          "2025-01-01 08:00:00.5", "2025-01-01 8:5", "  2025-01-01  ", "2025-01-01 08:00 pm", "2025-01-01T3:04 PM",
          "2025/01-05", "2025-1-5 23:59:59", "2025-01-01 23:60", "2025-01-01 10:00:60", "4/31/2025", "12-31-1999",
          "2025-13-01", "2025-00-10",
          "2024-02-29 23:59:59", "2023-02-29 10:00:00", "2025-04-31 00:00:00", "2025-01-01 24:00:00"),
    "I": ("-12", "0", "2147483647", "-0", "00000000000000000000000000000000000000000000000001", " 7", "7 "),
    "M": ("12", "12.5", "-0.05", "999999999999.99", "1000000000000", "0012.30", "12.", ".5"),
}  # fmt: skip
_KINDS = {"D": "date", "T": "timestamp", "I": "integer", "M": "money", "M+": "money"}


def _cases() -> list[tuple[str, str]]:
    cases = {(dtype, value) for dtype, values in HOSTILE.items() for value in values}
    cases |= {(dtype, value) for dtype, values in EDGES.items() for value in values}
    cases |= {("D", value) for value in EDGES["T"]}
    return sorted(cases)


def _sql(kind: str, ref: str, dialect: portable_values.Dialect | None) -> str:
    if dialect is None:  # DuckDB's own macros
        return {
            "date": dates.date_sql,
            "timestamp": dates.timestamp_sql,
            "integer": value_macros.integer_sql,
            "money": value_macros.money_sql,
        }[kind](ref)
    return {
        "date": portable_values.date_sql,
        "timestamp": portable_values.timestamp_sql,
        "integer": portable_values.integer_sql,
        "money": portable_values.money_sql,
    }[kind](ref, dialect)


def read_on(
    run: Callable[[str], list[tuple]], dialect: portable_values.Dialect | None, text: str = "varchar"
) -> list[tuple[str, str, object, object]]:
    """(type, value, what the engine read, what the rules read) for every case, read in one query."""
    cases = _cases()
    values = ", ".join(f"({n}, '{v.replace(chr(39), chr(39) * 2)}')" for n, (_, v) in enumerate(cases))
    columns = ", ".join(f"{_sql(_KINDS[d], 'v', dialect)} as c{n}" for n, (d, _) in enumerate(cases))
    # One row per case, read by the expression of its own type (a CASE on the case number).
    picks = " ".join(f"when n = {n} then cast(c{n} as {text})" for n in range(len(cases)))
    rows = run(
        f"select n, case {picks} end from (select n, {columns} from (values {values}) as t(n, v)) as read_values"
    )
    read = dict(rows)
    return [(d, v, read[n], _as_text(expected(d, v))) for n, (d, v) in enumerate(cases)]


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f").rstrip("0").rstrip(".")
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(value)


def _normalised(value: object) -> str | None:
    """An engine's text of a value in the form _as_text gives (timestamps to the microsecond, no zero fraction)."""
    if value is None:
        return None
    text = str(value)
    if len(text) >= 19 and text[4] == "-" and text[10] in " T":
        whole, _, fraction = text[:26].replace("T", " ").partition(".")
        return f"{whole}.{fraction}".rstrip("0").rstrip(".")
    return text


def _types(read: list[tuple[str, str, object, object]]) -> set[str]:
    return {dtype for dtype, *_ in read}


def _types_read_to_a_value(read: list[tuple[str, str, object, object]]) -> set[str]:
    return {dtype for dtype, _, _, want in read if want is not None}


def mismatches(read: list[tuple[str, str, object, object]]) -> list[tuple]:
    return [(d, v, got, want) for d, v, got, want in read if _normalised(got) != want]


def test_duckdb_macros_read_what_ingestion_reads():
    con = duckdb.connect()
    read = read_on(lambda sql: con.execute(sql).fetchall(), None)
    assert mismatches(read) == []
    assert _types_read_to_a_value(read) == _types(read)  # vendor forms of every type read, not only nulls


@pytest.mark.postgres
def test_postgres_twins_read_what_ingestion_reads_and_never_raise():
    con = PostgresTarget.from_url(_server_url()).connect()
    with con, con.cursor() as cur:
        cur.execute("set timezone = 'UTC'")

        def run(sql: str) -> list[tuple]:
            cur.execute(sql)
            return cur.fetchall()

        read = read_on(run, portable_values.POSTGRES, text="text")
    con.close()
    assert mismatches(read) == []
    assert _types_read_to_a_value(read) == _types(read)
