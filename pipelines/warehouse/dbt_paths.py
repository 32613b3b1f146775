"""Where the dbt project lives, for the build, the code generator and the Dagster definitions."""

from __future__ import annotations

from pipelines.config import PROJECT_ROOT

DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
DBT_TARGET_DIR = DBT_PROJECT_DIR / "target"
MANIFEST_PATH = DBT_TARGET_DIR / "manifest.json"
