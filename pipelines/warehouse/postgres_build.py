"""`waypoint build --target postgres`: the same dbt project built on PostgreSQL, published by renaming schemas.

Steps as for DuckDB (pipelines/warehouse/build.py): the raw layer and the meta tables dbt reads are copied from
ingest.duckdb into the database, dbt builds every model and test into ``build_`` schemas, and only a build with
no failure is published, in one transaction (pipelines/warehouse/postgres.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime

from pipelines.config import Settings, get_settings
from pipelines.ops.locks import writer_lock
from pipelines.warehouse.build import BuildResult, prepare_ingest_db, raise_if_failed, read_outcome, stream_dbt
from pipelines.warehouse.dbt_cli import DbtOutcome, dbt_executable
from pipelines.warehouse.dbt_paths import DBT_PROJECT_DIR
from pipelines.warehouse.postgres import (
    BUILD_PREFIX,
    PostgresTarget,
    drop_build_schemas,
    load_raw_layer,
    publish_schemas,
    transaction,
)
from pipelines.warehouse.publish import BuildFiles, build_lock

DBT_TARGET = "postgres"


def run_dbt_on_postgres(
    files: BuildFiles, target: PostgresTarget, *, on_line: Callable[[str], None] | None = None
) -> DbtOutcome:
    """`dbt build --target postgres` into the ``build_`` schemas, in a subprocess."""
    files.dbt_target.mkdir(parents=True, exist_ok=True)
    command = [dbt_executable(), "build", "--target", DBT_TARGET]
    command += ["--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)]
    command += ["--target-path", str(files.dbt_target), "--log-path", str(files.dbt_target)]
    env = {
        **os.environ,
        **target.dbt_env(),
        "WAYPOINT_SCHEMA_PREFIX": BUILD_PREFIX,
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    return read_outcome(files, stream_dbt(command, cwd=DBT_PROJECT_DIR, env=env, on_line=on_line))


def _ingest_ids(target: PostgresTarget) -> tuple[str, ...]:
    with transaction(target) as cur:
        cur.execute(f"select ingest_id from {BUILD_PREFIX}staging.stg_meta__current_exports order by 1")
        return tuple(row[0] for row in cur.fetchall())


def build_postgres_warehouse(
    settings: Settings | None = None,
    *,
    target: PostgresTarget | None = None,
    on_line: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build the warehouse on PostgreSQL (``WAYPOINT_POSTGRES_URL``) from ingest.duckdb and publish it there, or
    raise BuildFailed leaving the published schemas as they were."""
    settings = (settings or get_settings()).ensure()
    target = target or PostgresTarget.from_environment()
    with build_lock(settings), writer_lock(settings.ingest_db, "warehouse build"):  # no ingest while copying
        prepare_ingest_db(settings.ingest_db)
        files = BuildFiles.new(settings)
        drop_build_schemas(target)
        load_raw_layer(settings.ingest_db, target, files.dbt_target / "raw_layer")
        outcome = run_dbt_on_postgres(files, target, on_line=on_line)
        raise_if_failed(files, outcome)  # the build_ schemas stay for inspection until the next build
        ingest_ids = _ingest_ids(target)
        finished = datetime.now()
        publish_schemas(
            target,
            {
                "build_id": files.build_id,
                "started_at": files.started,
                "finished_at": finished,
                "dbt_version": outcome.dbt_version,
                "input_ingest_ids": ",".join(ingest_ids),
                "input_exports": len(ingest_ids),
                "models": outcome.models,
                "tests": outcome.tests,
                "seeds": outcome.seeds,
                "warnings": outcome.warnings,
            },
        )
    return BuildResult(
        build_id=files.build_id,
        published_path=files.dbt_target,  # its dbt folder (run_results.json, dbt.log); the data is in PostgreSQL
        models=outcome.models,
        tests=outcome.tests,
        seeds=outcome.seeds,
        warnings=outcome.warnings,
        seconds=(finished - files.started).total_seconds(),
        dbt_version=outcome.dbt_version,
        input_ingest_ids=ingest_ids,
    )
