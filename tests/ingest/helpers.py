"""Reading the ingest database back in tests."""

from __future__ import annotations

import duckdb

from pipelines.config import Settings
from pipelines.ingest.layout import all_raw_tables


def query(settings: Settings, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(settings.ingest_db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def raw_counts(settings: Settings) -> dict[str, int]:
    if not settings.ingest_db.exists():
        return {}
    return {t: query(settings, f'SELECT count(*) FROM raw."{t}"')[0][0] for t in all_raw_tables().values()}


def raw_snapshot(settings: Settings) -> dict[str, list[tuple]]:
    """Every raw table's rows, sorted: for comparing two warehouses."""
    return {t: sorted(query(settings, f'SELECT * FROM raw."{t}"'), key=repr) for t in all_raw_tables().values()}
