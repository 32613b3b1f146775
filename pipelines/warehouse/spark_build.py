"""`waypoint build --target spark`: the same dbt project built on Spark (dbt-spark), from the raw layer as Parquet.

Steps: ingest.duckdb's raw and meta tables are written as Parquet (pipelines/warehouse/parquet_raw.py, partitioned
by source and delivery); dbt registers them as Spark tables (macros/spark/register_raw_layer.sql) and builds the
models into the schemas staging, intermediate, marts and reference (prefixed by WAYPOINT_SPARK_SCHEMA_PREFIX), as
Parquet tables. Locally the session runs inside dbt's process (``spark`` target), its tables written under
``$WAYPOINT_HOME/spark/building`` and swapped in as ``warehouse`` when the build succeeds. With
WAYPOINT_SPARK_METHOD set it builds on a cluster (``spark_cluster`` target), which must read the Parquet folder at
WAYPOINT_SPARK_RAW_LOCATION; there each table is replaced as it is built (Spark cannot rename a schema). docs/spark.md.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from pipelines.config import Settings, get_settings
from pipelines.errors import WaypointError
from pipelines.ops.locks import writer_lock
from pipelines.warehouse.build import BuildResult, prepare_ingest_db, raise_if_failed, read_outcome, stream_dbt
from pipelines.warehouse.dbt_cli import DbtOutcome, dbt_executable
from pipelines.warehouse.dbt_paths import DBT_PROJECT_DIR
from pipelines.warehouse.parquet_raw import write_parquet_raw_layer
from pipelines.warehouse.publish import BuildFiles, build_lock

METHOD_VARIABLE = "WAYPOINT_SPARK_METHOD"  # unset: a local session; thrift or http: a cluster
RAW_LOCATION_VARIABLE = "WAYPOINT_SPARK_RAW_LOCATION"  # where a cluster reads the Parquet raw layer


def spark_home(settings: Settings) -> Path:
    """The local session's tables: warehouse/<schema>.db/<table> (a build writes building/, then swaps it in)."""
    return settings.home / "spark"


def parquet_folder(settings: Settings) -> Path:
    return settings.home / "parquet"


def spark_tables(settings: Settings, schema: str, table: str) -> Path:
    """The Parquet folder of one table a local Spark build wrote (DuckDB reads it with read_parquet)."""
    return spark_home(settings) / "warehouse" / f"{schema}.db" / table


def run_dbt_on_spark(
    files: BuildFiles,
    settings: Settings,
    raw_tables: list[str],
    *,
    select: str | None = None,
    exclude: str | None = None,
    on_line: Callable[[str], None] | None = None,
) -> DbtOutcome:
    """`dbt build --target spark` (or spark_cluster), in a subprocess: one Spark session for the whole build."""
    files.dbt_target.mkdir(parents=True, exist_ok=True)
    target = "spark_cluster" if os.environ.get(METHOD_VARIABLE) else "spark"
    command = [dbt_executable(), "build", "--target", target]
    command += ["--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)]
    command += ["--target-path", str(files.dbt_target), "--log-path", str(files.dbt_target)]
    command += ["--select", select] if select else []
    command += ["--exclude", exclude] if exclude else []
    home = spark_home(settings)
    shutil.rmtree(home / "building", ignore_errors=True)  # what a killed build left
    home.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "WAYPOINT_SPARK_WAREHOUSE": str(home / "building"),
        "WAYPOINT_SPARK_RAW": os.environ.get(RAW_LOCATION_VARIABLE) or str(parquet_folder(settings)),
        "WAYPOINT_SPARK_RAW_TABLES": ",".join(raw_tables),
        "WAYPOINT_SCHEMA_PREFIX": os.environ.get("WAYPOINT_SPARK_SCHEMA_PREFIX", ""),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    return read_outcome(files, stream_dbt(command, cwd=home, env=env, on_line=on_line))


def _publish_local(home: Path) -> None:
    """A local build wrote its tables under building/: it replaces warehouse/ whole (two renames)."""
    old = home / "warehouse.old"
    shutil.rmtree(old, ignore_errors=True)
    if (home / "warehouse").exists():
        (home / "warehouse").rename(old)
    (home / "building").rename(home / "warehouse")
    shutil.rmtree(old, ignore_errors=True)


def require_spark_extra() -> None:
    """Spark's packages are an optional install (pyproject `spark` extra); say how to get them in one line."""
    if importlib.util.find_spec("dbt.adapters.spark") is None or importlib.util.find_spec("pyspark") is None:
        raise WaypointError("the Spark target is not installed: run `make install-spark` (dbt-spark, pyspark, Java 17)")


def build_spark_warehouse(
    settings: Settings | None = None,
    *,
    select: str | None = None,
    exclude: str | None = None,
    on_line: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build the warehouse on Spark from ingest.duckdb (raw layer written as Parquet first), or raise BuildFailed."""
    require_spark_extra()
    settings = (settings or get_settings()).ensure()
    with build_lock(settings), writer_lock(settings.ingest_db, "warehouse build"):  # no ingest while copying
        prepare_ingest_db(settings.ingest_db)
        files = BuildFiles.new(settings)
        written = write_parquet_raw_layer(settings.ingest_db, parquet_folder(settings))
        outcome = run_dbt_on_spark(files, settings, list(written), select=select, exclude=exclude, on_line=on_line)
        raise_if_failed(files, outcome)
        if not os.environ.get(METHOD_VARIABLE):
            _publish_local(spark_home(settings))
    finished = datetime.now()
    return BuildResult(
        build_id=files.build_id,
        published_path=spark_home(settings) / "warehouse",
        models=outcome.models,
        tests=outcome.tests,
        seeds=outcome.seeds,
        warnings=outcome.warnings,
        seconds=(finished - files.started).total_seconds(),
        dbt_version=outcome.dbt_version,
        input_ingest_ids=(),
    )
