"""Where this installation keeps its files, as a configurable Dagster resource (never a module global)."""

import dagster as dg

from pipelines.defs.home import WaypointHome


class IngestHome(WaypointHome):
    """``home`` overrides WAYPOINT_HOME; ``settle_seconds`` is how long a landed file must stay unchanged
    before the sensor takes it (a copy still in progress is not read)."""

    settle_seconds: float = 5.0


defs = dg.Definitions(resources={"ingest_home": IngestHome()})
