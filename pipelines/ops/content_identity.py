"""An export is recognised by its content (ExportID and each file's digest), not only by its zip's bytes.

The same CSVs re-zipped (another tool, another date in the zip headers) give a new zip checksum; without this
they were loaded into raw a second time. The digest covers each HMIS file's name and bytes as unpacked, in
file order, plus the declared ExportID; ``meta.export_contents`` keeps it per loaded ingest. Exports loaded
before this table existed are not recognised this way (only by their zip checksum).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

import duckdb

from pipelines.security.keys import MasterKey
from pipelines.security.workfiles import open_read

_DDL = """
CREATE TABLE IF NOT EXISTS meta.export_contents (
    ingest_id VARCHAR PRIMARY KEY,
    export_id VARCHAR,
    content_sha256 VARCHAR NOT NULL
)
"""
_CHUNK = 1 << 20


def digest(export_id: str | None, files: Mapping[str, Path], key: MasterKey | None = None) -> str:
    """SHA-256 over the ExportID and every (HMIS file name, digest of its plaintext), sorted by name."""
    outer = hashlib.sha256(f"export_id={export_id or ''}\n".encode())
    for name in sorted(files):
        inner = hashlib.sha256()
        with open_read(files[name], key) as handle:
            while chunk := handle.read(_CHUNK):
                inner.update(chunk)
        outer.update(f"{name}={inner.hexdigest()}\n".encode())
    return outer.hexdigest()


def ensure_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE SCHEMA IF NOT EXISTS meta")
    con.execute(_DDL)


def loaded_with(con: duckdb.DuckDBPyConnection, content_sha256: str, source_id: str) -> str | None:
    """The ingest id of an export of this source loaded with this content, if any."""
    row = con.execute(
        "SELECT c.ingest_id FROM meta.export_contents c JOIN meta.export_registry r USING (ingest_id) "
        "WHERE c.content_sha256 = ? AND r.source_id = ? AND r.status = 'loaded' ORDER BY r.received_at LIMIT 1",
        [content_sha256, source_id],
    ).fetchone()
    return row[0] if row else None


def remember(con: duckdb.DuckDBPyConnection, ingest_id: str, export_id: str | None, content_sha256: str) -> None:
    """Record the content of an ingest about to be written (a row whose write fails is never matched:
    ``loaded_with`` joins the registry)."""
    con.execute(
        "INSERT INTO meta.export_contents VALUES (?, ?, ?) "
        "ON CONFLICT DO UPDATE SET content_sha256 = excluded.content_sha256, export_id = excluded.export_id",
        [ingest_id, export_id, content_sha256],
    )
