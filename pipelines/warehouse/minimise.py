"""The published warehouse without SSNs (issue 16, PII minimisation).

SSNs are read only by identity matching and the DQ checks, inside the build; what dashboards and reports read is
their results (links, flags, data-quality codes). So a finished build is kept whole, privately, as
``builds/full.duckdb`` (partial builds start from it, so they still read every SSN), and the file published is
a copy of it whose SSN columns are left out. The copy is written table by table into a new file, so no page of
it ever held an SSN (dropping a column in place would leave the values in freed pages of the file).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines.security import databases
from pipelines.store.db import limit_memory

FULL_DATABASE = "full.duckdb"  # in builds/: the last published build, SSNs included, for partial builds


def is_ssn_column(name: str, data_type: str) -> bool:
    """An SSN value column (``ssn``, ``match_ssn``): text named ssn; not ``ssn_data_quality`` or match flags."""
    lowered = name.lower()
    return data_type.upper().startswith("VARCHAR") and (lowered == "ssn" or lowered.endswith("_ssn"))


def write_published_copy(full: Path, published: Path) -> list[str]:
    """Write ``published`` (a new file) from ``full`` with every SSN column left out; the columns left out."""
    key = databases.database_key(full)
    for leftover in (published, published.with_name(published.name + ".wal")):
        leftover.unlink(missing_ok=True)
    con = duckdb.connect(":memory:")
    left_out = []
    try:
        # Under the build's memory limit, spilling beside the build (docs/scale.md "DuckDB within 4 GiB"): without
        # it DuckDB's default (80% of the machine) let this copy of the state build grow past 3 GB.
        limit_memory(con, full.parent / "duckdb_tmp")
        databases.attach(con, full, "src", key=key, read_only=True)
        databases.attach(con, published, "dst", key=key, read_only=False)
        columns = con.execute(
            "select table_schema, table_name, column_name, data_type from information_schema.columns "
            "where table_catalog = 'src' order by table_schema, table_name, ordinal_position"
        ).fetchall()
        tables: dict[tuple[str, str], list[str]] = {}
        for schema, table, column, data_type in columns:
            kept = tables.setdefault((schema, table), [])
            if is_ssn_column(column, data_type):
                left_out.append(f"{schema}.{table}.{column}")
            else:
                kept.append(_q(column))
        for schema in sorted({schema for schema, _ in tables}):
            con.execute(f"create schema if not exists dst.{_q(schema)}")
        for (schema, table), kept in tables.items():
            name = f"{_q(schema)}.{_q(table)}"
            con.execute(f"create table dst.{name} as select {', '.join(kept)} from src.{name}")
        con.execute("DETACH dst")
    finally:
        con.close()
    return left_out


def _q(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
