"""Where this installation keeps its files, as Dagster configuration (never a module global): the one rule every
domain's resource shares."""

from pathlib import Path

import dagster as dg

from pipelines.config import Settings, get_settings


class WaypointHome(dg.ConfigurableResource):
    """``home`` overrides WAYPOINT_HOME; every folder and database of the installation lies below it (Settings)."""

    home: str | None = None

    def settings(self) -> Settings:
        return Settings(home=Path(self.home).resolve()) if self.home else get_settings()
