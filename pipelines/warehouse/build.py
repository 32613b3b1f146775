"""`build_warehouse`: dbt build into a new DuckDB file, check it, record it, publish it atomically.

The CLI (`waypoint build`) and the Dagster dbt assets share these steps; only how dbt is started
differs (Dagster streams its events per model).
"""

from __future__ import annotations

import json
import os
import subprocess
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from pipelines.config import Settings, get_settings
from pipelines.errors import WaypointError
from pipelines.ops.cleanup import die_with_parent, low_on_space, sweep_build_leftovers
from pipelines.ops.failures import explain
from pipelines.ops.locks import writer_lock
from pipelines.security import databases
from pipelines.store.db import connect as connect_ingest_db
from pipelines.store.requests import ensure_table as ensure_report_requests
from pipelines.store.retention import retention_days, retire_stale
from pipelines.warehouse.dbt_cli import DbtOutcome, dbt_env, dbt_executable, summarise_run_results
from pipelines.warehouse.dbt_paths import DBT_PROJECT_DIR
from pipelines.warehouse.hud_validation import RequestFailure, record_hud_validation
from pipelines.warehouse.publish import (
    BuildFiles,
    build_lock,
    prune_builds,
    publish,
    restore_parse_state,
    save_parse_state,
    seed_from_published,
    share_parse_state,
)

INGEST_WAIT_SECONDS = 60.0


class BuildFailed(WaypointError):
    """dbt or the checks failed; the published warehouse is untouched."""


@dataclass(frozen=True)
class BuildResult:
    build_id: str
    published_path: Path
    models: int
    tests: int
    seeds: int
    warnings: int
    seconds: float
    dbt_version: str
    input_ingest_ids: tuple[str, ...]
    hud_failures: tuple[RequestFailure, ...] = ()  # report requests that failed a HUD rule (published anyway)


def prepare_ingest_db(ingest_db: Path, wait_seconds: float = INGEST_WAIT_SECONDS) -> None:
    """Make sure ingest.duckdb can be read and holds every table dbt reads (docs/contracts.md: the build
    creates meta.report_requests when no report was ever requested) and retire the report requests nobody asked
    for within the retention period (pipelines/store/retention.py); waits while an ingestion writes it."""
    if not ingest_db.exists():
        raise WaypointError(f"no ingest database at {ingest_db}; run `waypoint ingest` first")
    con = connect_ingest_db(ingest_db, wait_seconds=wait_seconds)
    try:
        ensure_report_requests(con)
        retire_stale(con, retention_days())
    finally:
        con.close()


@contextmanager
def new_build(settings: Settings, *, partial: bool = False) -> Iterator[BuildFiles]:
    """Ready a build: the build lock held (a second build refuses), the writer lock held until the build ends
    (an ingest waits; pipelines.ops.locks), ingest.duckdb prepared, what killed builds left removed, and for a
    partial build the new file started as a copy of the published warehouse (models not rebuilt stay as
    published)."""
    with build_lock(settings), writer_lock(settings.ingest_db, "warehouse build"):  # until dbt exits
        prepare_ingest_db(settings.ingest_db)
        sweep_build_leftovers(settings)
        files = BuildFiles.new(settings)
        files.clear_working()
        if partial:
            seed_from_published(settings, files)
        restore_parse_state(settings, files)
        try:
            yield files
        except BaseException:
            files.keep_failed()
            raise


def record_build(files: BuildFiles, outcome: DbtOutcome) -> tuple[tuple[str, ...], tuple[RequestFailure, ...]]:
    """Write meta.build into the built file (what was built, when, from which exports, with which dbt) and the
    HUD rules' results (meta.hud_rules_checked, meta.hud_validation_failures: the requests they mark)."""
    try:
        ingest_ids = _write_build_record(files, outcome)
        failures = record_hud_validation(files.database, files.dbt_target, files.build_id)
    except duckdb.Error as err:
        raise BuildFailed(f"warehouse build {files.build_id} is incomplete ({err}); not publishing it") from err
    return ingest_ids, tuple(failures)


def _write_build_record(files: BuildFiles, outcome: DbtOutcome) -> tuple[str, ...]:
    con = databases.connect(files.database)
    try:
        ingest_ids = tuple(
            row[0]
            for row in con.execute("select ingest_id from staging.stg_meta__current_exports order by 1").fetchall()
        )
        con.execute("create schema if not exists meta")
        con.execute(
            """
            create or replace table meta.build (
                build_id varchar, started_at timestamp, finished_at timestamp, dbt_version varchar,
                input_ingest_ids varchar, input_exports integer, models integer, tests integer,
                seeds integer, warnings integer
            )
            """
        )
        con.execute(
            "insert into meta.build values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                files.build_id,
                files.started,
                datetime.now(),
                outcome.dbt_version,
                ",".join(ingest_ids),
                len(ingest_ids),
                outcome.models,
                outcome.tests,
                outcome.seeds,
                outcome.warnings,
            ],
        )
    finally:
        con.close()
    return ingest_ids


def raise_if_failed(files: BuildFiles, outcome: DbtOutcome) -> None:
    """A build with any model error or failed test is never published. HUD's report rules warn instead of
    failing (dbt_project.yml): they mark report requests (hud_validation.py), never the build."""
    if outcome.ok and outcome.models:
        return
    if not outcome.failures:
        raise BuildFailed(f"warehouse build {files.build_id} built no models; not publishing it")
    shown = "; ".join(outcome.failures[:5])
    if len(outcome.failures) > 5:
        shown += f"; and {len(outcome.failures) - 5} more"
    raise BuildFailed(
        f"warehouse build {files.build_id} failed ({len(outcome.failures)} problems: {shown}). "
        f"The published warehouse was left as it was; dbt log: {files.log}"
    )


def verify_build(files: BuildFiles, outcome: DbtOutcome) -> None:
    """Read the finished file back: every model's table and the build record must be there."""
    con = databases.connect(files.database, read_only=True)
    try:
        tables = con.execute("select count(*) from information_schema.tables where table_schema <> 'meta'").fetchone()
        builds = con.execute("select count(*) from meta.build").fetchone()
    finally:
        con.close()
    if not tables or tables[0] < outcome.models or not builds or builds[0] != 1:
        raise BuildFailed(f"warehouse build {files.build_id} is incomplete; not publishing it")


def finish_build(files: BuildFiles, settings: Settings, outcome: DbtOutcome) -> BuildResult:
    """Record, check and publish a finished dbt build; raise BuildFailed (keeping the file) if it is not fit."""
    save_parse_state(settings, files)
    try:
        raise_if_failed(files, outcome)
        ingest_ids, hud_failures = record_build(files, outcome)
        verify_build(files, outcome)
        published = publish(files, settings)
    except BaseException:
        files.keep_failed()  # before pruning, which keeps only the dbt folders of kept build files
        raise
    finally:
        prune_builds(settings, keep=0 if low_on_space(settings.build_dir) else 3)  # a full disk is not kept full
    return BuildResult(
        build_id=files.build_id,
        published_path=published,
        models=outcome.models,
        tests=outcome.tests,
        seeds=outcome.seeds,
        warnings=outcome.warnings,
        seconds=(datetime.now() - files.started).total_seconds(),
        dbt_version=outcome.dbt_version,
        input_ingest_ids=ingest_ids,
        hud_failures=hud_failures,
    )


def run_dbt_build(
    files: BuildFiles,
    settings: Settings,
    *,
    select: str | None = None,
    on_line: Callable[[str], None] | None = None,
) -> DbtOutcome:
    """`dbt build` (seeds, models, data tests, unit tests) into the build file, in a subprocess."""
    files.dbt_target.mkdir(parents=True, exist_ok=True)
    command = [dbt_executable(), "build", "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)]
    command += ["--target-path", str(files.dbt_target), "--log-path", str(files.dbt_target)]
    command += ["--select", select] if select else []
    env = {**os.environ, **dbt_env(files.database, settings.ingest_db, cwd=settings.build_dir)}
    # the profile's relative paths (dbt_env) start in build_dir; no orphaned dbt when the CLI is killed
    said = stream_dbt(command, cwd=settings.build_dir, env=env, on_line=on_line, preexec_fn=die_with_parent)
    share_parse_state(files)
    return read_outcome(files, said)


def stream_dbt(
    command: list[str],
    *,
    cwd: Path,
    env: dict[str, str],
    on_line: Callable[[str], None] | None = None,
    preexec_fn: Callable[[], None] | None = None,
) -> str:
    """Run dbt, passing each output line to `on_line`; returns "exit CODE: <its last lines>" for read_outcome."""
    last_lines: deque[str] = deque(maxlen=15)
    with subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, preexec_fn=preexec_fn
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            last_lines.append(line.rstrip("\n"))
            if on_line:
                on_line(last_lines[-1])
    said = " | ".join(line.strip() for line in last_lines if line.strip())
    return f"exit {process.returncode}: {said[-1500:]}"


def read_outcome(files: BuildFiles, context: str = "") -> DbtOutcome:
    """What dbt did, from the build's run_results.json (missing when dbt stopped before running anything)."""
    run_results = files.dbt_target / "run_results.json"
    if not run_results.exists():
        line = explain(context, doing="the warehouse build") if context else None
        raise BuildFailed(line or f"dbt stopped before building anything ({context or f'dbt log: {files.log}'})")
    return summarise_run_results(json.loads(run_results.read_text()))


def build_warehouse(
    settings: Settings | None = None,
    *,
    select: str | None = None,
    on_line: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build the warehouse from ingest.duckdb and publish it, or raise BuildFailed leaving it as it was.

    ``select`` (dbt node selection, e.g. ``"staging.hmis+"``) rebuilds only those nodes, starting from a
    copy of the published warehouse so everything else stays as published. ``on_line`` receives dbt's
    progress lines (the CLI prints them with --verbose).
    """
    settings = (settings or get_settings()).ensure()
    with new_build(settings, partial=bool(select)) as files:
        outcome = run_dbt_build(files, settings, select=select, on_line=on_line)
        return finish_build(files, settings, outcome)
