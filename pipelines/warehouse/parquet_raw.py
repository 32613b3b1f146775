"""The raw layer as Parquet (docs/spark.md): what Spark reads, and DuckDB or any engine can read too.

ingest.duckdb's tables written under one folder, one folder per table:

    <folder>/raw/<table>/_source_id=<source>/_ingest_id=<ingest>/data_0.parquet   (Hive-style partitions)
    <folder>/meta/<table>/data.parquet

The raw tables are partitioned by source and delivery, so an engine reading one source or one delivery
reads only its files; the partition columns come back from the folder names (``hive_partitioning`` in DuckDB,
partition discovery in Spark). The folder is rewritten whole, in a sibling folder swapped in when complete:
a reader never sees half a layer.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from pipelines.security import databases

PARTITIONS = ("_source_id", "_ingest_id")


def _tables(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    return con.execute(
        "select table_schema, table_name from information_schema.tables "
        "where table_schema in ('raw', 'meta') order by 1, 2"  # views too (meta.current_exports), as tables
    ).fetchall()


def write_parquet_raw_layer(ingest_db: Path, folder: Path) -> dict[str, int]:
    """Write ingest.duckdb's raw and meta tables as Parquet under ``folder``; rows per ``schema.table``."""
    staging = folder.with_name(folder.name + ".part")
    shutil.rmtree(staging, ignore_errors=True)
    written: dict[str, int] = {}
    con = databases.connect(ingest_db, read_only=True)
    try:
        for schema, table in _tables(con):
            target = staging / schema / table
            target.mkdir(parents=True)
            rows = con.execute(f'select count(*) from {schema}."{table}"').fetchone()[0]
            if schema == "raw" and rows:
                partition = f"(format parquet, partition_by ({', '.join(PARTITIONS)}), overwrite_or_ignore)"
                con.execute(f"copy {schema}.\"{table}\" to '{target}' {partition}")
            else:  # meta tables, and raw tables without rows (one file still says their columns)
                con.execute(f"copy {schema}.\"{table}\" to '{target / 'data.parquet'}' (format parquet)")
            written[f"{schema}.{table}"] = rows
    finally:
        con.close()
    old = folder.with_name(folder.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    staging.rename(folder)
    shutil.rmtree(old, ignore_errors=True)
    return written


def read_sql(folder: Path, schema: str, table: str) -> str:
    """DuckDB SQL reading one table of the Parquet raw layer back (partition columns as text)."""
    path = folder / schema / table
    if any(path.glob("_source_id=*")):
        return f"read_parquet('{path}/*/*/*.parquet', hive_partitioning = true, hive_types_autocast = false)"
    return f"read_parquet('{path}/data.parquet')"
