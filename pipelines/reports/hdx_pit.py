"""The HIC/PIT files for HDX 2.0, written beside the HIC/PIT tables (pit-hdx.md §6-7).

HDX 2.0 takes the PIT by hand entry (HUD publishes no PIT import format) and the HIC from an LSA upload
(LSAScope 3). Waypoint writes what a CoC needs for both: ``HDX-PIT-<CoC>-<night>.csv``, every PIT table
in HDX's order with its sheltered (Emergency, Transitional, Safe Haven) and HMIS-based Unsheltered
columns, one line per HDX cell row; and ``HDX-HIC-<CoC>-<night>.csv``, one line per project and ES bed
type with HDX's HIC column names (those of HUD's "HIC Output from LSA Files"), to check against HDX's
HIC screens after the LSA upload. Both come from the marts ``hud_hic_pit_sheltered_counts`` and
``hud_hic_pit_hdx_hic_rows``.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pandas as pd

from pipelines.reports.marts import Connection, plain_value
from pipelines.reports.model import ReportRequest

# HDX's PIT tables in its order: (table key in hud_hic_pit_sheltered_counts, HDX title, has a Safe Haven column)
PIT_TABLES = (
    ("with_children", "Persons in Households with at least one Adult and one Child", False),
    ("without_children", "Persons in Households without Children", True),
    ("only_children", "Persons in Households with only Children", True),
    ("veterans_with_children", "Veteran Households with at least one Adult and one Child", False),
    ("veterans_without_children", "Veteran Households without Children", True),
    ("unaccompanied_youth", "Unaccompanied Youth Households", True),
    ("parenting_youth", "Parenting Youth Households", False),
    ("additional_populations", "Additional Homeless Populations", True),
)
PIT_HEADER = ("Table", "Row", "Emergency", "Transitional", "Safe Haven", "Unsheltered", "Total")

# HDX's HIC columns (HUD's LSA sample code, "99 HIC Output from LSA Files") and the mart column of each.
HIC_COLUMNS = (
    ("HudNum", "coc_code"), ("Year", None), ("Organization Name", "organization_name"),
    ("HMIS Org ID", "organization_id"), ("useHmisDb", None), ("Project Name", "project_name"),
    ("HMIS Project ID", "project_id"), ("HIC Date", "pit_date"), ("Project Type", "hic_project_group"),
    ("Bed Type", "bed_type"), ("Geo Code", "geocode"), ("HMIS Participating", "hmis_participating"),
    ("Inventory Type", "inventory_type"), ("Target Population", "target_population"),
    ("housingType", "housing_type"), ("Victim Service Provider", "victim_service_provider"),
    ("Beds HH w/ Children", "beds_with_children"), ("Units HH w/ Children", "units_with_children"),
    ("Veteran Beds HH w/ Children", "veteran_beds_with_children"),
    ("Youth Beds HH w/ Children", "youth_beds_with_children"), ("CH Beds HH w/ Children", "chronic_beds_with_children"),
    ("Beds HH w/o Children", "beds_without_children"),
    ("Veteran Beds HH w/o Children", "veteran_beds_without_children"),
    ("Youth Beds HH w/o Children", "youth_beds_without_children"),
    ("CH Beds HH w/o Children", "chronic_beds_without_children"), ("Beds HH w/ only Children", "beds_only_children"),
    ("CH Beds HH w only Children", "chronic_beds_only_children"), ("Year-Round Beds", "year_round_beds"),
    ("DV Beds", "dv_beds"), ("Total Seasonal Beds", "seasonal_beds"),
    ("Availability Start Date", "seasonal_start_date"),
    ("Availability End Date", "seasonal_end_date"), ("O/V Beds", "overflow_beds"), ("PIT Count", "pit_count"),
    ("Total Beds", "total_beds"),
)  # fmt: skip


def _csv(rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows([["" if value is None else value for value in row] for row in rows])
    return out.getvalue().encode("utf-8")


def pit_hdx_csv(request: ReportRequest, con: Connection) -> bytes:
    """Every PIT table in HDX's order, sheltered and unsheltered; Safe Haven empty where HDX has no such column."""
    rows: list[list[object]] = [list(PIT_HEADER)]
    for table, title, has_safe_haven in PIT_TABLES:
        cells = con.execute(
            "select row_label, emergency_shelter, transitional_housing, safe_haven, unsheltered, "
            "total_with_unsheltered from marts.hud_hic_pit_sheltered_counts "
            "where request_id = ? and pit_table = ? order by row_order",
            [request.request_id, table],
        ).fetchall()
        for label, es, th, sh, unsheltered, total in cells:
            rows.append([title, label, es, th, sh if has_safe_haven else None, unsheltered, total])
    return _csv(rows)


def hic_hdx_csv(request: ReportRequest, con: Connection) -> bytes:
    """One line per HIC project and ES bed type under HDX's HIC column names."""
    frame = con.execute(
        "select * from marts.hud_hic_pit_hdx_hic_rows where request_id = ? order by row_order", [request.request_id]
    ).df()
    year = request.period_start.year
    fixed = {"Year": year, "useHmisDb": "Yes"}
    rows: list[list[object]] = [[name for name, _ in HIC_COLUMNS]]
    for record in frame.to_dict("records"):
        rows.append([fixed[name] if column is None else _text(record[column]) for name, column in HIC_COLUMNS])
    return _csv(rows)


def _text(value: object) -> object:
    """A cell as HDX reads it: dates as YYYY-MM-DD (pandas gives timestamps), missing values empty."""
    if value is pd.NaT:
        return None
    value = plain_value(value)
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat() if hasattr(value, "isoformat") else value


def hic_pit_extra_files(request: ReportRequest, con: Connection, *, report_time: datetime) -> dict[str, bytes]:
    """The HDX PIT and HIC files of one CoC's count night (report_time is not printed: HDX asks for none)."""
    del report_time
    if len(request.scope_ids) != 1:
        return {}
    stem = f"{request.scope_ids[0]}-{request.period_start.isoformat()}"
    return {f"HDX-PIT-{stem}.csv": pit_hdx_csv(request, con), f"HDX-HIC-{stem}.csv": hic_hdx_csv(request, con)}
