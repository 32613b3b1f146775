"""An ingest is done only when all its steps are: ``meta.ingest_steps`` records each finished step.

Loading (raw rows, registry, structural findings) is one transaction; Great Expectations runs after it and
adds its findings. A crash between the two used to leave an export registered but with its expectation
findings missing for good (a re-run answered "duplicate"). Now the expectations step is recorded when it
ends, and a re-run of the same delivery finds it pending and completes it (GX findings are idempotent).
"""

from __future__ import annotations

import duckdb

EXPECTATIONS = "expectations"

_DDL = """
CREATE TABLE IF NOT EXISTS meta.ingest_steps (
    ingest_id VARCHAR NOT NULL,
    step VARCHAR NOT NULL,
    done_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
    PRIMARY KEY (ingest_id, step)
)
"""


def ensure_table(con: duckdb.DuckDBPyConnection) -> None:
    """Create meta.ingest_steps; on first creation, exports loaded before it count as complete."""
    con.execute("CREATE SCHEMA IF NOT EXISTS meta")
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'meta' AND table_name = 'ingest_steps'"
    ).fetchone()[0]
    if exists:
        return
    con.execute(_DDL)
    has_registry = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'meta' AND table_name = 'export_registry'"
    ).fetchone()[0]
    if has_registry:
        con.execute(
            "INSERT INTO meta.ingest_steps (ingest_id, step) SELECT ingest_id, ? FROM meta.export_registry "
            "WHERE status = 'loaded'",
            [EXPECTATIONS],
        )


def mark_done(con: duckdb.DuckDBPyConnection, ingest_id: str, step: str = EXPECTATIONS) -> None:
    ensure_table(con)
    con.execute(
        "INSERT INTO meta.ingest_steps (ingest_id, step) VALUES (?, ?) ON CONFLICT DO NOTHING", [ingest_id, step]
    )


def pending(con: duckdb.DuckDBPyConnection, ingest_ids: list[str], step: str = EXPECTATIONS) -> list[str]:
    """The loaded exports among ``ingest_ids`` whose ``step`` has not finished."""
    if not ingest_ids:
        return []
    ensure_table(con)
    rows = con.execute(
        "SELECT r.ingest_id FROM meta.export_registry r WHERE r.status = 'loaded' AND r.ingest_id IN "
        f"({', '.join('?' for _ in ingest_ids)}) AND NOT EXISTS (SELECT 1 FROM meta.ingest_steps s "
        "WHERE s.ingest_id = r.ingest_id AND s.step = ?) ORDER BY r.ingest_id",
        [*ingest_ids, step],
    ).fetchall()
    return [row[0] for row in rows]


def unfinished_ingests(settings, results) -> list[str]:
    """Ingest ids of these results (loaded now, or duplicates of earlier loads) whose expectations are pending."""
    from pipelines.store.db import connect

    ids = [r.ingest_id for r in results if r.status in ("loaded", "duplicate") and r.ingest_id]
    if not ids:
        return []
    con = connect(settings.ingest_db)
    try:
        return pending(con, ids)
    finally:
        con.close()
