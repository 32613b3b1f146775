"""The warehouse's Dagster resources: where this installation keeps its files, and dbt."""

import dagster as dg

from pipelines.defs.home import WaypointHome
from pipelines.warehouse.dbt_cli import dbt_resource


class WarehouseHome(WaypointHome):
    """``home`` overrides WAYPOINT_HOME (ingest.duckdb is read from it, the published warehouse written to it)."""


defs = dg.Definitions(resources={"warehouse_home": WarehouseHome(), "warehouse_dbt": dbt_resource()})
