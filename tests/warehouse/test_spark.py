"""The same warehouse on Spark (README "Scale", docs/spark.md): the session's ingested world (the small world and the
tiny preset in three CSV versions, one request of each report) written as Parquet and built with dbt-spark on a
local Spark session, then the report universe, APR, SPM and DQ marts compared with DuckDB's, row for row.

One Spark session for the whole test session: the one dbt starts for its single `dbt build` (only the compared marts
and what they read; dbt's data tests run on DuckDB and PostgreSQL, not again here, to keep the run short).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from pipelines.config import Settings
from pipelines.warehouse.build import BuildResult
from pipelines.warehouse.parquet_raw import read_sql, write_parquet_raw_layer
from pipelines.warehouse.spark_build import build_spark_warehouse, parquet_folder, spark_tables

from .conftest import BuiltWarehouse
from .test_postgres import _plain

COMPARED = ("hud_apr_", "hud_spm_", "dq_")  # with the report universe (int_report_*), read by all of them
SELECTION = (
    "+path:models/marts/hud_apr +path:models/marts/hud_spm +path:models/marts/dq "
    "+path:models/intermediate/report_universe"
)


@dataclass(frozen=True)
class SparkBuild:
    settings: Settings
    result: BuildResult


@pytest.fixture(scope="session")
def spark_build(built_warehouse: BuiltWarehouse, tmp_path_factory: pytest.TempPathFactory) -> SparkBuild:
    settings = Settings(home=tmp_path_factory.mktemp("spark_home") / "home").ensure()
    shutil.copyfile(built_warehouse.settings.ingest_db, settings.ingest_db)
    result = build_spark_warehouse(settings, select=SELECTION, exclude="resource_type:test resource_type:unit_test")
    return SparkBuild(settings, result)


def _duck_rows(con: duckdb.DuckDBPyConnection, relation: str) -> tuple[list[str], list[tuple]]:
    result = con.execute(f"select * from {relation}")
    columns = [c[0] for c in result.description]
    return columns, sorted((tuple(_plain(v) for v in row) for row in result.fetchall()), key=repr)


def _compared(built_warehouse: BuiltWarehouse) -> list[tuple[str, str]]:
    tables = built_warehouse.query(
        "select table_schema, table_name from information_schema.tables where table_schema in ('marts', 'intermediate')"
    )
    return sorted(
        (schema, name)
        for schema, name in tables
        if (schema == "marts" and name.startswith(COMPARED)) or name.startswith("int_report_")
    )


@pytest.mark.spark
@pytest.mark.slow
def test_report_universe_apr_spm_and_dq_marts_are_equal_on_spark(
    built_warehouse: BuiltWarehouse, spark_build: SparkBuild
):
    compared = _compared(built_warehouse)
    assert len(compared) > 100 and spark_build.result.models >= len(compared)
    duck = duckdb.connect(str(built_warehouse.settings.published_db), read_only=True)
    differing, filled = [], 0
    try:
        for schema, table in compared:
            folder = spark_tables(spark_build.settings, schema, table)
            if not folder.exists():
                differing.append(f"{schema}.{table}: not built on Spark")
                continue
            duck_columns, duck_rows = _duck_rows(duck, f'{schema}."{table}"')
            spark_columns, spark_rows = _duck_rows(duck, f"read_parquet('{folder}/*.parquet')")
            filled += bool(duck_rows)
            if (duck_columns, duck_rows) != (spark_columns, spark_rows):
                only_duck = [r for r in duck_rows if r not in spark_rows][:2]
                only_spark = [r for r in spark_rows if r not in duck_rows][:2]
                differing.append(f"{schema}.{table}: DuckDB-only {only_duck}, Spark-only {only_spark}")
    finally:
        duck.close()
    assert not differing, "\n".join(differing)
    assert filled > len(compared) // 2, "most marts should hold rows for the session's report requests"


def test_parquet_raw_layer_reads_back_as_ingest_duckdb_holds_it(built_warehouse: BuiltWarehouse, tmp_path: Path):
    folder = tmp_path / "parquet"
    written = write_parquet_raw_layer(built_warehouse.settings.ingest_db, folder)
    assert {"raw.client", "raw.enrollment", "meta.export_registry", "meta.current_exports"} <= set(written)
    con = duckdb.connect(str(built_warehouse.settings.ingest_db), read_only=True)
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
