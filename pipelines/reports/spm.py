"""System Performance Measures of one CoC and federal fiscal year, from the published ``hud_spm_*`` marts.

Tables come in HUD's order (1a ... 7b.2, seed report_tables); a "Trend" table lines the key figures up for every fiscal
year of the same CoC the warehouse has built; the HDX 2.0 upload (one CSV row, spm.md "HDX 2.0 SPM CSV
upload") is an extra file of the report build.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import date, datetime

import pandas as pd

from pipelines.errors import WaypointError
from pipelines.reports.marts import Connection, plain_value
from pipelines.reports.model import ReportRequest, ReportTable

SOFTWARE_NAME = "Waypoint HMIS Data Warehouse"
_DECIMAL_VARIABLES = ("AvgTime", "MedianTime")


def fiscal_year_period(fiscal_year: int) -> tuple[date, date]:
    """Federal fiscal year ``fiscal_year`` runs Oct 1 of the year before to Sep 30."""
    return date(fiscal_year - 1, 10, 1), date(fiscal_year, 9, 30)


def fiscal_year_of(day: date) -> int:
    return day.year + 1 if day.month >= 10 else day.year


def fiscal_year_rule(start: date, end: date, options: dict[str, str]) -> tuple[date, date]:
    """The registry's period rule of the SPM: a federal fiscal year, nothing else."""
    if (start, end) != fiscal_year_period(fiscal_year_of(end)):
        raise ValueError("SPM periods are federal fiscal years (Oct 1 - Sep 30)")
    return start, end


def trend_requests(request: ReportRequest, options: Mapping[str, str]) -> list[ReportRequest]:
    """The earlier fiscal years of the same CoC a trend of ``trend_years`` lines up, computed in the same build."""
    fiscal_year = fiscal_year_of(request.period_end)
    earlier = range(fiscal_year - int(options.get("trend_years", "1")) + 1, fiscal_year)
    return [
        ReportRequest("spm", *fiscal_year_period(year), "coc", request.scope_ids, request.options) for year in earlier
    ]


def spm_request(coc: str, fiscal_year: int) -> ReportRequest:
    start, end = fiscal_year_period(fiscal_year)
    return ReportRequest("spm", start, end, "coc", (coc,))


def trend_tables(request: ReportRequest, con: Connection) -> list[ReportTable]:
    """The registry's extra tables of the SPM: the trend over the fiscal years built for its CoC, if any."""
    trend = trend_table(request, con)
    return [trend] if trend is not None else []


def trend_table(request: ReportRequest, con: Connection) -> ReportTable | None:
    """Key figures (HDX variables) by fiscal year, for every SPM request of the same scope up to this one."""
    if len(request.scope_ids) != 1:
        return None
    rows = con.execute(
        """
        select column_order, hdx_variable, figure_label, fiscal_year, value
        from marts.hud_spm_trend
        where coc_code = ?
            and report_end <= ?
            and month(report_start) = 10 and day(report_start) = 1
            and report_end = cast(report_start + interval 1 year - interval 1 day as date)
        """,
        [request.scope_ids[0], request.period_end],
    ).df()
    if rows.empty:
        return None
    wide = rows.pivot_table(
        index=["column_order", "hdx_variable", "figure_label"], columns="fiscal_year", values="value", aggfunc="first"
    ).sort_index()
    frame = pd.DataFrame({"": [label for _, _, label in wide.index]})
    for year in sorted(wide.columns):
        frame[f"FY{year}"] = [plain_value(v) for v in wide[year].astype(object)]
    frame["HDX variable"] = [variable for _, variable, _ in wide.index]
    return ReportTable("Trend", "SPM key figures by federal fiscal year (one column per fiscal year built)", frame)


def hdx_upload_csv(request: ReportRequest, con: Connection, *, report_time: datetime) -> str:
    """The HDX 2.0 SPM upload: row 1 the variable names in HDX column order, row 2 the values.

    Integers default to 0 and averages/medians have 2 decimals; the measure 6 and data-quality variables
    are not computed by Waypoint and stay empty for the CoC to fill in HDX.
    """
    if len(request.scope_ids) != 1:
        raise WaypointError("the HDX upload is one CoC per file; request the SPM for one CoC")
    variables = con.execute(
        "select column_order, hdx_variable, hud_table from reference.spm_hdx_variables order by column_order"
    ).fetchall()
    figures = dict(
        con.execute(
            "select hdx_variable, value from marts.hud_spm_trend where request_id = ?", [request.request_id]
        ).fetchall()
    )
    header = {
        "CocCode": request.scope_ids[0],
        "ReportDateTime": report_time.strftime("%Y-%m-%d %H:%M:%S"),
        "ReportStartDate": request.period_start.isoformat(),
        "ReportEndDate": request.period_end.isoformat(),
        "SoftwareName": SOFTWARE_NAME[:50],
        "SourceContactFirst": request.option("contact_first", "") or "",
        "SourceContactLast": request.option("contact_last", "") or "",
        "SourceContactEmail": request.option("contact_email", "") or "",
    }
    names, values = [], []
    for _, variable, hud_table in variables:
        names.append(variable)
        if variable in header:
            values.append(header[variable])
        elif hud_table is None:
            values.append("")
        elif any(part in variable for part in _DECIMAL_VARIABLES):
            value = figures.get(variable)
            values.append("" if value is None else f"{float(value):.2f}")
        else:
            values.append(str(int(figures.get(variable) or 0)))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    writer.writerow(values)
    return out.getvalue()


def spm_extra_files(request: ReportRequest, con: Connection, *, report_time: datetime) -> dict:
    """Files beside the tables: the HDX 2.0 upload CSV (one CoC per file)."""
    if len(request.scope_ids) != 1:
        return {}
    name = f"HDX-SPM-{request.scope_ids[0]}-{request.period_key}.csv"
    return {name: hdx_upload_csv(request, con, report_time=report_time).encode("utf-8")}
