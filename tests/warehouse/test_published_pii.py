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
    """Every ``schema.table.column`` of ``database`` with a value containing one of ``ssns`` (every type, as text).

    One scan per table: ``COLUMNS(*)`` asks the question of every column at once."""
    pattern = "|".join(re.escape(ssn) for ssn in ssns)
    con = databases.connect(database, read_only=True)
    found = []
    try:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_catalog = current_database() order by 1, 2"
        ).fetchall()
        for schema, table in tables:
            relation = con.execute(
                f"select coalesce(bool_or(regexp_matches(cast(columns(*) as varchar), ?)), false) "
                f'from "{schema}"."{table}"',
                [pattern],
            )
            names = [d[0] for d in relation.description]
            hits = relation.fetchone()
            found += [f"{schema}.{table}.{name}" for name, hit in zip(names, hits, strict=True) if hit]
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
