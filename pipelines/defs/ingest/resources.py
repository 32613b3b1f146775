"""Where this installation keeps its files, as a configurable Dagster resource (never a module global)."""

from pathlib import Path

import dagster as dg

from pipelines.config import Settings, get_settings


class IngestHome(dg.ConfigurableResource):
    """``home`` overrides WAYPOINT_HOME; ``settle_seconds`` is how long a landed file must stay unchanged
    before the sensor takes it (a copy still in progress is not read)."""

    home: str | None = None
    settle_seconds: float = 5.0

    def settings(self) -> Settings:
        return Settings(home=Path(self.home).resolve()) if self.home else get_settings()


defs = dg.Definitions(resources={"ingest_home": IngestHome()})
