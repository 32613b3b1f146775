"""dbt's manifest for Dagster: parsed from the project when missing or older than the project files.

``target/`` is not committed, so the first load (code server, test, CLI) parses the project; later
loads reuse the manifest until a model, macro, seed or config file changes.
"""

from __future__ import annotations

import fcntl
import json
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipelines.config import PROJECT_ROOT
from pipelines.errors import WaypointError
from pipelines.warehouse import parse_state
from pipelines.warehouse.dbt_cli import dbt_executable
from pipelines.warehouse.dbt_paths import DBT_PROJECT_DIR, DBT_TARGET_DIR, MANIFEST_PATH
from pipelines.warehouse.hud_validation import HUD_RULE_TAG

_WATCHED = ("models", "macros", "tests", "dbt_project.yml", "profiles.yml")
_SEEDS_DIR = PROJECT_ROOT / "seeds"


def _newest_source_mtime() -> float:
    paths: list[Path] = []
    for name in _WATCHED:
        path = DBT_PROJECT_DIR / name
        paths += [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    paths += list(_SEEDS_DIR.rglob("*.csv"))
    return max((p.stat().st_mtime for p in paths), default=0.0)


def manifest_is_stale() -> bool:
    return not MANIFEST_PATH.exists() or MANIFEST_PATH.stat().st_mtime < _newest_source_mtime()


@contextmanager
def target_lock() -> Iterator[None]:
    """dbt_project/target is shared (parse for Dagster, docs): one writer at a time."""
    DBT_TARGET_DIR.mkdir(parents=True, exist_ok=True)
    with open(DBT_TARGET_DIR / ".parse.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def ensure_manifest() -> Path:
    """Return target/manifest.json, running `dbt parse` first when it is missing or stale."""
    with target_lock():
        if manifest_is_stale():
            parse_state.begin(DBT_TARGET_DIR)  # dbt parses in place: never from a parse of another project
            command = [dbt_executable(), "parse", "--project-dir", str(DBT_PROJECT_DIR)]
            command += ["--profiles-dir", str(DBT_PROJECT_DIR), "--quiet"]
            done = subprocess.run(command, cwd=DBT_PROJECT_DIR, capture_output=True, text=True, check=False)
            if done.returncode != 0 or not MANIFEST_PATH.exists():
                raise WaypointError(
                    f"dbt could not parse {DBT_PROJECT_DIR}: {(done.stdout + done.stderr).strip()[-2000:]}"
                )
            MANIFEST_PATH.touch()
    return MANIFEST_PATH


def dagster_manifest() -> dict:
    """The parsed manifest for Dagster, with every HUD report rule attached to the first model it reads.

    dagster-dbt makes a singular test an asset check only when it reads one model or names one in
    ``meta.dagster.ref``; HUD's cross-table rules read several, so each is attached here (the project's files
    stay as they are) and shows as a check, failed with severity WARN when a request breaks it.
    """
    manifest = json.loads(ensure_manifest().read_text())
    nodes = manifest.get("nodes", {})
    for node in nodes.values():
        config = node.get("config", {})
        meta = config.get("meta") or {}
        if meta.get("waypoint_check") != HUD_RULE_TAG or "dagster" in meta:
            continue
        models = sorted(n for n in node.get("depends_on", {}).get("nodes", []) if n.startswith("model."))
        if models:
            config["meta"] = {**meta, "dagster": {"ref": {"name": nodes[models[0]]["name"]}}}
    return manifest
