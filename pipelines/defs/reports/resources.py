"""The report builds' Dagster resource: where this installation keeps its files, who builds, the PIT night."""

from datetime import date

import dagster as dg

from pipelines.defs.home import WaypointHome
from pipelines.reports.hic_pit import check_count_night, default_count_night


class ReportBuildSettings(WaypointHome):
    """``home`` overrides WAYPOINT_HOME; ``pit_night`` (MM-DD, empty = the last Wednesday of January) is
    the CoCs' HIC/PIT count night, and the HIC/PIT build runs ``pit_report_delay_days`` after it."""

    requested_by: str = "dagster"
    pit_night: str = ""
    pit_report_delay_days: int = 14

    def count_night(self, year: int) -> date:
        if not self.pit_night:
            return default_count_night(year)
        month, day = (int(part) for part in self.pit_night.split("-"))
        return check_count_night(date(year, month, day))


defs = dg.Definitions(resources={"report_build_settings": ReportBuildSettings()})
