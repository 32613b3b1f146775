"""Issue 16.1, PII minimisation: the published warehouse holds no SSN anywhere; the whole build, SSNs included,
is kept privately (builds/full.duckdb) for partial builds, which still read them."""

from __future__ import annotations

import re

from pipelines.security import databases
from pipelines.warehouse.minimise import FULL_DATABASE


def _ssns(settings) -> list[str]:
    """The delivered SSNs worth looking for: nine digits, not one digit repeated (placeholders like 000000000)."""
    con = databases.connect(settings.ingest_db, read_only=True)
    try:
        sql = 'select distinct "SSN" from raw.client where regexp_full_match("SSN", \'[0-9]{9}\')'
        rows = con.execute(sql).fetchall()
    finally:
        con.close()
    return sorted(ssn for (ssn,) in rows if len(set(ssn)) > 1)


def _holding(database, ssns: list[str]) -> list[str]:
    """Every ``schema.table.column`` of ``database`` with a value containing one of ``ssns`` (every type, as text)."""
    pattern = "|".join(re.escape(ssn) for ssn in ssns)
    con = databases.connect(database, read_only=True)
    found = []
    try:
        columns = con.execute(
            "select table_schema, table_name, column_name from information_schema.columns "
            "where table_catalog = current_database() order by 1, 2, 3"
        ).fetchall()
        for schema, table, column in columns:
            hit = con.execute(
                f'select count(*) from "{schema}"."{table}" where regexp_matches(cast("{column}" as varchar), ?)',
                [pattern],
            ).fetchone()[0]
            if hit:
                found.append(f"{schema}.{table}.{column}")
    finally:
        con.close()
    return found


def test_the_published_warehouse_holds_no_ssn_in_any_table_or_column(built_warehouse):
    settings = built_warehouse.settings
    ssns = _ssns(settings)
    assert ssns, "the tiny world delivers SSNs"
    assert _holding(settings.published_db, ssns) == []
    full = _holding(settings.build_dir / FULL_DATABASE, ssns)  # the private whole build still has them
    assert "staging.stg_hmis__clients.ssn" in full, full
    assert _no_ssn_bytes(settings.published_db, ssns)


def _no_ssn_bytes(database, ssns: list[str]) -> bool:
    """Not even in freed pages: the published copy was written table by table (unencrypted here, so readable)."""
    data = database.read_bytes()
    return not [ssn for ssn in ssns if ssn.encode() in data]
