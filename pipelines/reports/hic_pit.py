"""Housing Inventory Count and sheltered PIT count of one CoC on its count night, from ``hud_hic_pit_*`` marts
(HIC, then the sheltered PIT tables in HUD's order, hic-pit-lsa.md §3.4: seed report_tables).

The count night is a night in the last ten days of January chosen by the CoC (hic-pit-lsa.md §1);
the request carries it as option ``pit_date`` with period start = end = that night.
"""

from __future__ import annotations

from datetime import date, timedelta

from pipelines.errors import WaypointError
from pipelines.reports.model import ReportRequest


class NotACountNight(WaypointError):
    """A PIT/HIC night outside the last ten days of January."""


def check_count_night(night: date) -> date:
    """HUD's window for the count: one of the last ten nights of January (Jan 22-31)."""
    if night.month != 1 or night.day < 22:
        raise NotACountNight(f"{night} is not in the last ten days of January; HUD's HIC/PIT night is one of Jan 22-31")
    return night


def default_count_night(year: int) -> date:
    """The last Wednesday of January of ``year`` (always within the last ten days): the usual choice."""
    night = date(year, 1, 31)
    while night.weekday() != 2:
        night -= timedelta(days=1)
    return night


def count_night_rule(start: date, end: date, options: dict[str, str]) -> tuple[date, date]:
    """The registry's period rule of the HIC/PIT: one count night (option ``pit_date``, default the period's start)."""
    night = check_count_night(date.fromisoformat(options.setdefault("pit_date", start.isoformat())))
    return night, night


def hic_pit_request(coc: str, night: date) -> ReportRequest:
    check_count_night(night)
    return ReportRequest("hic_pit", night, night, "coc", (coc,), (("pit_date", night.isoformat()),))
