"""`make docs`: dbt docs generate works against the published warehouse and carries the lineage."""

from __future__ import annotations

import json

from pipelines.warehouse.dbt_paths import DBT_TARGET_DIR
from pipelines.warehouse.docs import generate_docs


def test_dbt_docs_describe_the_published_models_and_their_lineage(built_warehouse):
    index = generate_docs(built_warehouse.settings)

    assert index.exists() and index.stat().st_size > 100_000
    catalog = json.loads((DBT_TARGET_DIR / "catalog.json").read_text())
    spine = catalog["nodes"]["model.waypoint.int_enrollments"]
    assert "reporting_age_group" in spine["columns"]
    assert spine["metadata"]["database"] == "warehouse"  # read from the published file
    assert "PersonalID" in catalog["sources"]["source.waypoint.raw.client"]["columns"]  # read from ingest.duckdb
    manifest = json.loads((DBT_TARGET_DIR / "manifest.json").read_text())
    assert "model.waypoint.stg_hmis__clients" in manifest["child_map"]["source.waypoint.raw.client"]
    assert manifest["nodes"]["model.waypoint.int_enrollments"]["description"].startswith("One row per enrollment")
