"""meta.export_registry, meta.validation_findings and meta.current_exports (docs/contracts.md).

``meta.current_exports`` is the one place that decides which accepted exports are the truth of a
source: the newest full refresh (ExportDirective 2, or 3 "other", or none given) and every delta
(ExportDirective 1) dated after it. Exports are ordered by ExportDate, then time received, so a
re-delivered older export never overrides a newer one (dates in any form ``dates`` reads).
``recency`` 1 is the newest; staging keeps, for each record key, the row of the current export with
the lowest recency.
"""

from __future__ import annotations

from datetime import datetime

import duckdb

from pipelines.ingest.dates import timestamp_sql
from pipelines.ingest.layout import raw_table_ddl
from pipelines.ingest.legacy import LEGACY_SCHEMA, legacy_table_ddl
from pipelines.ingest.models import Finding
from pipelines.spec import FILE_ORDER, load_spec

REGISTRY_COLUMNS: tuple[str, ...] = (
    "ingest_id", "sha256", "source_id", "original_name", "archive_path", "received_at", "status", "export_id",
    "source_type", "csv_version", "csv_version_declared", "export_date", "export_start", "export_end",
    "export_period_type", "export_directive", "hash_status", "software_name", "software_version",
    "implementation_id", "findings_fatal", "findings_error", "findings_warning", "rows_loaded",
)  # fmt: skip

_DDL_TEMPLATE = """
CREATE SCHEMA IF NOT EXISTS meta;
CREATE SCHEMA IF NOT EXISTS raw;
CREATE TABLE IF NOT EXISTS meta.export_registry (
    ingest_id VARCHAR PRIMARY KEY,
    sha256 VARCHAR NOT NULL UNIQUE,
    source_id VARCHAR NOT NULL,
    original_name VARCHAR,
    archive_path VARCHAR NOT NULL,
    received_at TIMESTAMP NOT NULL,
    status VARCHAR NOT NULL,
    export_id VARCHAR,
    source_type VARCHAR,
    csv_version VARCHAR,
    csv_version_declared VARCHAR,
    export_date VARCHAR,
    export_start VARCHAR,
    export_end VARCHAR,
    export_period_type VARCHAR,
    export_directive VARCHAR,
    hash_status VARCHAR,
    software_name VARCHAR,
    software_version VARCHAR,
    implementation_id VARCHAR,
    findings_fatal BIGINT NOT NULL DEFAULT 0,
    findings_error BIGINT NOT NULL DEFAULT 0,
    findings_warning BIGINT NOT NULL DEFAULT 0,
    rows_loaded BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS meta.validation_findings (
    ingest_id VARCHAR NOT NULL,
    file VARCHAR,
    row_number BIGINT,
    column_name VARCHAR,
    rule_id VARCHAR NOT NULL,
    severity VARCHAR NOT NULL,
    message VARCHAR NOT NULL,
    value VARCHAR
);
CREATE OR REPLACE VIEW meta.current_exports AS
WITH loaded AS (
    SELECT *,
        coalesce({export_date}, {export_end}, received_at) AS ordered_at
    FROM meta.export_registry
    WHERE status = 'loaded'
), ranked AS (
    SELECT *,
        row_number() OVER (PARTITION BY source_id ORDER BY ordered_at DESC, received_at DESC, ingest_id DESC) AS recency
    FROM loaded
), base AS (
    SELECT source_id, min(recency) AS base_recency
    FROM ranked
    WHERE coalesce(trim(export_directive), '') <> '1'
    GROUP BY source_id
)
SELECT r.source_id, r.ingest_id, r.export_id, r.export_directive, r.export_period_type, r.export_date,
    r.export_start, r.export_end, r.received_at, r.recency, r.recency = b.base_recency AS is_base
FROM ranked AS r
LEFT JOIN base AS b USING (source_id)
WHERE b.base_recency IS NULL OR r.recency <= b.base_recency;
"""
# Export dates are read as the warehouse reads them (MM-DD-YYYY and the other vendor forms, pipelines.ingest.dates).
_DDL = _DDL_TEMPLATE.replace("{export_date}", timestamp_sql("export_date")).replace(
    "{export_end}", timestamp_sql("export_end")
)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create meta and raw objects that do not exist yet (idempotent)."""
    con.execute(_DDL)
    for file in FILE_ORDER:
        con.execute(raw_table_ddl(file))
    for version, schema in LEGACY_SCHEMA.items():
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        for file in load_spec(version).files:
            con.execute(legacy_table_ddl(version, file))


def registered(con: duckdb.DuckDBPyConnection, sha256: str) -> tuple[str, str] | None:
    """(ingest_id, status) of a file already delivered, by checksum."""
    row = con.execute("SELECT ingest_id, status FROM meta.export_registry WHERE sha256 = ?", [sha256]).fetchone()
    return (row[0], row[1]) if row else None


def insert_registry(con: duckdb.DuckDBPyConnection, record: dict[str, object]) -> None:
    values = [record.get(c) for c in REGISTRY_COLUMNS]
    placeholders = ", ".join("?" for _ in REGISTRY_COLUMNS)
    con.execute(f"INSERT INTO meta.export_registry ({', '.join(REGISTRY_COLUMNS)}) VALUES ({placeholders})", values)


def insert_findings(con: duckdb.DuckDBPyConnection, ingest_id: str, findings: list[Finding]) -> None:
    if not findings:
        return
    con.executemany(
        "INSERT INTO meta.validation_findings VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(ingest_id, f.file, f.row_number, f.column_name, f.rule_id, f.severity, f.message, f.value) for f in findings],
    )


def now() -> datetime:
    return datetime.now().replace(microsecond=0)
