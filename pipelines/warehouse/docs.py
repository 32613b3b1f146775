"""dbt docs of the published warehouse: model and column documentation, tests and the lineage graph.

    python -m pipelines.warehouse.docs            # generate, then open dbt_project/target/static_index.html
    python -m pipelines.warehouse.docs --serve    # generate, then serve target/ on http://localhost:8080
    python -m pipelines.warehouse.docs --no-open  # generate only (CI)

The catalog (column types, row counts) is read from the published warehouse and ingest.duckdb, both
opened read-only, so running dashboards are not disturbed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import webbrowser
from pathlib import Path

from pipelines.config import Settings, get_settings
from pipelines.errors import WaypointError
from pipelines.security.databases import KEY_VARIABLE, database_key
from pipelines.warehouse.dbt_cli import dbt_executable
from pipelines.warehouse.dbt_paths import DBT_PROJECT_DIR, DBT_TARGET_DIR
from pipelines.warehouse.manifest import target_lock

STATIC_INDEX = DBT_TARGET_DIR / "static_index.html"


def _dbt(*args: str) -> list[str]:
    return [dbt_executable(), *args, "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)]


def _env(settings: Settings) -> dict[str, str]:
    return {
        **os.environ,
        "WAYPOINT_PUBLISHED_DB": str(settings.published_db),
        "WAYPOINT_INGEST_DB": str(settings.ingest_db),
        KEY_VARIABLE: database_key(settings.ingest_db, settings.home) or "",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }


def generate_docs(settings: Settings | None = None) -> Path:
    """Run `dbt docs generate --static` against the published warehouse; return the single-file site."""
    settings = settings or get_settings()
    for path, hint in ((settings.published_db, "waypoint build"), (settings.ingest_db, "waypoint ingest")):
        if not path.exists():
            raise WaypointError(f"{path} does not exist yet; run `{hint}` first")
    command = _dbt("docs", "generate", "--static", "--target", "docs")
    with target_lock():
        done = subprocess.run(command, cwd=DBT_PROJECT_DIR, env=_env(settings), capture_output=True, text=True)
    if done.returncode != 0 or not STATIC_INDEX.exists():
        raise WaypointError(f"dbt docs generate failed: {(done.stdout + done.stderr).strip()[-1500:]}")
    return STATIC_INDEX


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate (and open or serve) the dbt docs of the warehouse.")
    parser.add_argument("--serve", action="store_true", help="serve dbt_project/target with `dbt docs serve`")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--no-open", action="store_true", help="only generate; do not open a browser")
    args = parser.parse_args(argv)
    settings = get_settings()
    try:
        index = generate_docs(settings)
    except WaypointError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"dbt docs: {index}")
    if args.serve:
        command = _dbt("docs", "serve", "--target", "docs", "--port", str(args.port), "--no-browser")
        return subprocess.call(command, cwd=DBT_PROJECT_DIR, env=_env(settings))
    if not args.no_open:
        webbrowser.open(index.as_uri())
    return 0


if __name__ == "__main__":
    sys.exit(main())
