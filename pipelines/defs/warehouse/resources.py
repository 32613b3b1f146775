"""The warehouse's Dagster resources: where this installation keeps its files, and dbt."""

from pathlib import Path

import dagster as dg

from pipelines.config import Settings, get_settings
from pipelines.warehouse.dbt_cli import dbt_resource


class WarehouseHome(dg.ConfigurableResource):
    """``home`` overrides WAYPOINT_HOME (ingest.duckdb is read from it, the published warehouse written to it)."""

    home: str | None = None

    def settings(self) -> Settings:
        return Settings(home=Path(self.home).resolve()) if self.home else get_settings()


defs = dg.Definitions(resources={"warehouse_home": WarehouseHome(), "warehouse_dbt": dbt_resource()})
