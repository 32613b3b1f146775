"""Running dbt for Waypoint, pointed at a build's files (Dagster's dbt resource: pipelines/defs/warehouse/resources.py;
this module imports no Dagster, so the CLI starts quickly).

The dbt profile (dbt_project/profiles.yml) reads the build file and ingest.duckdb from environment
variables; ``build_environment`` sets them only for the moment dbt's subprocess is started.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipelines.security.databases import KEY_VARIABLE, database_key


def dbt_executable() -> str:
    """The dbt of this Python environment (the venv's bin is not always on PATH)."""
    beside_python = Path(sys.executable).with_name("dbt")
    return str(beside_python) if beside_python.exists() else "dbt"


TEMP_DIRECTORY = "WAYPOINT_DUCKDB_TEMP_DIRECTORY"  # where DuckDB spills what exceeds its memory_limit (profiles.yml)


def dbt_env(build_db: Path, ingest_db: Path, *, cwd: Path | None = None) -> dict[str, str]:
    """The environment variables profiles.yml reads, for one build.

    With ``cwd`` (the folder dbt runs in) the paths are relative to it: the profile then reads the same in
    every Waypoint home laid out alike, so dbt's saved parse of the project stays valid from one home to the
    next (dbt parses the whole project again, ~30 s, whenever the profile changes). The home's database key, if
    any, goes in WAYPOINT_DUCKDB_KEY (pipelines/security/dbt_encryption.py; empty: the files are plain)."""
    key = database_key(Path(ingest_db))
    if cwd is not None:
        build_db, ingest_db = (Path(os.path.relpath(path, cwd)) for path in (build_db, ingest_db))
    env = {
        "WAYPOINT_BUILD_DB": str(build_db),
        "WAYPOINT_INGEST_DB": str(ingest_db),
        KEY_VARIABLE: key or "",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    if cwd is None and not os.environ.get(TEMP_DIRECTORY):  # else the profile's default, relative to cwd
        env[TEMP_DIRECTORY] = str(Path(build_db).parent / "duckdb_tmp")
    return env


@contextmanager
def build_environment(build_db: Path, ingest_db: Path) -> Iterator[None]:
    """Point the dbt profile at one build (dagster-dbt copies os.environ when it starts dbt); restored afterwards."""
    values = dbt_env(build_db, ingest_db)
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@dataclass(frozen=True)
class DbtOutcome:
    """What a `dbt build` did, from its run_results.json."""

    models: int
    tests: int
    seeds: int
    warnings: int
    failures: tuple[str, ...]  # "<node>: <message>" for every error or failed test
    dbt_version: str

    @property
    def ok(self) -> bool:
        return not self.failures


def summarise_run_results(run_results: dict[str, Any]) -> DbtOutcome:
    """Count what ran and collect every failure in plain words."""
    counts = {"model": 0, "test": 0, "seed": 0}
    warnings = 0
    failures = []
    for result in run_results.get("results", []):
        unique_id = result.get("unique_id", "")
        parts = unique_id.split(".")
        kind = parts[0]
        kind = "test" if kind == "unit_test" else kind
        if kind in counts:
            counts[kind] += 1
        status = result.get("status")
        if status == "warn":
            warnings += 1
        elif status in {"error", "fail", "runtime error"}:
            message = " ".join(str(result.get("message") or status).split())
            name = parts[2] if kind == "test" and parts[0] == "test" and len(parts) > 3 else parts[-1]
            failures.append(f"{name}: {message[:300]}")
    return DbtOutcome(
        models=counts["model"],
        tests=counts["test"],
        seeds=counts["seed"],
        warnings=warnings,
        failures=tuple(failures),
        dbt_version=run_results.get("metadata", {}).get("dbt_version", ""),
    )
