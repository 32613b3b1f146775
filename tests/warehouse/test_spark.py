"""The same warehouse on Spark (README "Scale", docs/spark.md): the session's ingested world (the small world and the
tiny preset in three CSV versions, one request of each report) written as Parquet and built with dbt-spark on a
local Spark session, then the report universe, APR, SPM and DQ marts compared with DuckDB's, row for row.

One Spark session for the whole test session: the one dbt starts for its single `dbt build` (only the compared marts
and what they read; dbt's data tests run on DuckDB and PostgreSQL, not again here, to keep the run short).

Not part of `make test` (CI time): it runs only when asked for, `pytest -m spark tests/warehouse/test_spark.py`, after
`make install-spark` (docs/spark.md). Without `-m spark` it is skipped before anything is built.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from importlib.util import find_spec

import duckdb
import pytest

from pipelines.config import Settings
from pipelines.security import databases
from pipelines.warehouse.build import BuildResult
from pipelines.warehouse.spark_build import build_spark_warehouse, spark_tables

from .conftest import BuiltWarehouse
from .test_postgres import _plain

pytestmark = [
    pytest.mark.spark,
    pytest.mark.slow,
    pytest.mark.skipif(
        "'spark' not in (config.getoption('markexpr') or '')",
        reason="Spark equality runs only with `pytest -m spark` (not in make test: CI time; docs/spark.md)",
    ),
    pytest.mark.skipif(find_spec("pyspark") is None, reason="needs `make install-spark` (dbt-spark, pyspark, Java)"),
]

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


def test_report_universe_apr_spm_and_dq_marts_are_equal_on_spark(
    built_warehouse: BuiltWarehouse, spark_build: SparkBuild
):
    compared = _compared(built_warehouse)
    assert len(compared) > 100 and spark_build.result.models >= len(compared)
    duck = databases.connect(built_warehouse.settings.published_db, read_only=True)
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
