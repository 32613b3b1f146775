"""Build just the data-quality part of the warehouse (and what it stands on) into a test's own file.

It runs dbt the way ``pipelines.warehouse.build`` does (same project, profile, environment and parse of the
project: ``database`` should be a home's ``builds/building.duckdb``), but
selects the identity and DQ models, so the DQ tests do not depend on every other mart being
finished; `dbt test` then runs the data tests and unit tests of those models.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pipelines.warehouse.dbt_cli import DbtOutcome, dbt_env, dbt_executable, summarise_run_results
from pipelines.warehouse.dbt_paths import DBT_PROJECT_DIR
from pipelines.warehouse.publish import SHARED_PARSE_STATE, copy_parse_state

DQ_MODELS = ("path:models/marts/dq", "path:models/intermediate/identity")
DQ_SEEDS = ("path:../seeds/dq",)


@dataclass(frozen=True)
class DqBuild:
    database: Path
    run: DbtOutcome
    test: DbtOutcome
    seconds: dict[str, float]


def _dbt(args: list[str], database: Path, ingest_db: Path, target: Path) -> tuple[DbtOutcome, float]:
    """One dbt command; every step shares ``target`` so later steps reuse the parsed project."""
    if not target.exists() and SHARED_PARSE_STATE.exists():  # start from the session's parse of the project
        copy_parse_state(SHARED_PARSE_STATE, target)
    target.mkdir(parents=True, exist_ok=True)
    command = [dbt_executable(), *args, "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)]
    command += ["--target-path", str(target), "--log-path", str(target)]
    env = {**os.environ, **dbt_env(database, ingest_db, cwd=database.parent)}
    done = subprocess.run(command, cwd=database.parent, env=env, capture_output=True, text=True, check=False)
    results_path = target / "run_results.json"
    if not results_path.exists():
        raise AssertionError(f"dbt {args[0]} did not run:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    results = json.loads(results_path.read_text())
    results_path.unlink()
    return summarise_run_results(results), float(results.get("elapsed_time", 0.0))


def build_dq(database: Path, ingest_db: Path, work: Path) -> DqBuild:
    """Seed, run the DQ models and everything upstream, then test the DQ models; raise if a step errors."""
    seconds = {}
    seeded, seconds["seed"] = _dbt(["seed"], database, ingest_db, work)
    assert seeded.ok, seeded.failures
    selection = [f"+{path}" for path in DQ_MODELS]
    run, seconds["run"] = _dbt(["run", "--select", *selection], database, ingest_db, work)
    assert run.ok, run.failures
    tested, seconds["test"] = _dbt(["test", "--select", *DQ_MODELS, *DQ_SEEDS], database, ingest_db, work)
    return DqBuild(database=database, run=run, test=tested, seconds=seconds)
