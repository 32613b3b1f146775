"""The installation as Dagster configuration (never a module global): one resource, ``waypoint_home``, that every
domain's assets, sensors and schedules take (ingest, warehouse, reports)."""

from datetime import date
from pathlib import Path

import dagster as dg

from pipelines.config import Settings, get_settings

HOME = "waypoint_home"  # the resource's one key in the Definitions


class WaypointHome(dg.ConfigurableResource):
    """``home`` overrides WAYPOINT_HOME (every folder and database of the installation lies below it, Settings);
    ``settle_seconds`` is how long a landed file must stay unchanged before the landing sensor takes it (a copy
    still in progress is not read); report builds are recorded as ``requested_by``; ``pit_night`` (MM-DD, empty =
    the last Wednesday of January) is the CoCs' HIC/PIT count night, and the HIC/PIT build runs
    ``pit_report_delay_days`` after it."""

    home: str | None = None
    settle_seconds: float = 5.0
    requested_by: str = "dagster"
    pit_night: str = ""
    pit_report_delay_days: int = 14

    def settings(self) -> Settings:
        return Settings(home=Path(self.home).resolve()) if self.home else get_settings()

    def count_night(self, year: int) -> date:
        from pipelines.reports.hic_pit import check_count_night, default_count_night

        if not self.pit_night:
            return default_count_night(year)
        month, day = (int(part) for part in self.pit_night.split("-"))
        return check_count_night(date(year, month, day))


defs = dg.Definitions(resources={HOME: WaypointHome()})
