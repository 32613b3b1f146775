"""The warehouse's own Dagster resource, dbt (where the installation lives: ``waypoint_home``, defs/home.py)."""

import importlib.metadata
from functools import cached_property

import dagster as dg
from dagster_dbt import DbtCliResource
from packaging import version

from pipelines.warehouse.dbt_cli import dbt_executable
from pipelines.warehouse.dbt_paths import DBT_PROJECT_DIR


class WaypointDbtResource(DbtCliResource):
    """dagster-dbt's resource, minus its ``dbt --version`` call (which asks PyPI for the latest release).

    ``exclude`` (dbt selection) leaves nodes out of every build, as ``waypoint build --exclude`` does (the test
    worlds leave out the tests that only the session's warehouse build runs: docs/testing.md)."""

    exclude: str = ""

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(importlib.metadata.version("dbt-core"))


def dbt_resource(exclude: str = "") -> WaypointDbtResource:
    return WaypointDbtResource(
        project_dir=str(DBT_PROJECT_DIR),
        profiles_dir=str(DBT_PROJECT_DIR),
        dbt_executable=dbt_executable(),
        exclude=exclude,
    )


defs = dg.Definitions(resources={"warehouse_dbt": dbt_resource()})
