"""The raw layer as Parquet (docs/spark.md), what Spark reads: written from the session's ingest.duckdb and read
back with DuckDB, partitioned by source and delivery."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines.config import Settings
from pipelines.warehouse.parquet_raw import read_sql, write_parquet_raw_layer
from pipelines.warehouse.spark_build import parquet_folder

from .raw_layer import write_raw_layer
from .small_world import small_world_exports


def test_parquet_raw_layer_reads_back_as_ingest_duckdb_holds_it(tmp_path: Path):
    ingest_db = write_raw_layer(tmp_path / "ingest.duckdb", small_world_exports())  # two sources, three deliveries
    folder = tmp_path / "parquet"
    written = write_parquet_raw_layer(ingest_db, folder)
    assert {"raw.client", "raw.enrollment", "meta.export_registry", "meta.current_exports"} <= set(written)
    con = duckdb.connect(str(ingest_db), read_only=True)
    try:
        for name in ("raw.client", "raw.enrollment", "meta.current_exports"):
            schema, table = name.split(".")
            columns = [c for (c,) in con.execute(f"select column_name from (describe {name})").fetchall()]
            listed = ", ".join(f'"{c}"' for c in columns)
            ingest = sorted(con.execute(f"select {listed} from {name}").fetchall(), key=repr)
            written_back = con.execute(f"select {listed} from {read_sql(folder, schema, table)}").fetchall()
            parquet = sorted(written_back, key=repr)
            assert parquet == ingest and ingest, name
        sources = con.execute("select count(distinct _source_id) from raw.client").fetchone()[0]
    finally:
        con.close()
    by_source = list((folder / "raw" / "client").iterdir())
    assert len(by_source) == sources and all(p.name.startswith("_source_id=") for p in by_source)
    assert all(any(q.name.startswith("_ingest_id=") for q in p.iterdir()) for p in by_source)
    assert parquet_folder(Settings(home=tmp_path)) == tmp_path / "parquet"
