"""The Longitudinal Systems Analysis (LSA) of one CoC for HDX 2.0, from the published ``hud_lsa_*`` marts.

HUD's LSA is a set of CSV files (LSA spec chapter 2): LSAReport, LSAPerson, LSAHousehold and LSAExit (empty for
the HIC), LSACalculated (its data-quality rows 901-921, AIR counts 53-57 and tlsa_Household averages 1-16 so far)
and the project descriptor files (Organization, Project, Funder, ProjectCoC, Inventory, HMISParticipation,
Affiliation). Each file keeps HUD's column names and order (seed ``lsa_columns``, from HUD's data dictionary);
strings are padded with double quotes, integers and dates are not (HMIS CSV format). One ReportID ties the files of
one written LSA together: LSAReport.ReportID, and ExportID of the descriptor files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import duckdb
import pandas as pd

from pipelines.errors import WaypointError
from pipelines.reports.layout import layout_tables
from pipelines.reports.marts import Connection, ReportNotBuilt
from pipelines.reports.model import ReportRequest, ReportTable

FIRST_REPORT_START = date(2018, 10, 1)  # LSA spec §3.1: any ReportStart on or after October 1, 2018
LOOKBACK_YEARS = 7
HIC_SCOPE = "hic"  # option lsa_scope of the HIC LSA (LSAScope 3)
_WRITER_COLUMNS = ("ReportID", "ReportDate", "ExportID")  # set when the files are written, not in the marts
_FORBIDDEN = str.maketrans("", "", "<>[]{}")  # HMIS CSV: stripped from string values


@dataclass
class LsaFile(ReportTable):
    """One LSA CSV file: a report table whose columns carry HUD's data types (they decide the quoting)."""

    data_types: dict[str, str] = field(default_factory=dict)


class BadLsaRequest(WaypointError):
    """An LSA period or project selection HUD's LSA does not allow."""


def period_rule(start: date, end: date, options: dict[str, str]) -> tuple[date, date]:
    """The registry's period rule of the LSA: ReportStart from 2018-10-01; project ids as ``<source>:<id>``; the HIC
    (option ``lsa_scope=hic``, LSAScope 3) is one day, systemwide."""
    if start < FIRST_REPORT_START:
        raise BadLsaRequest(f"the LSA starts on or after {FIRST_REPORT_START} (LSA spec §3.1); got {start}")
    scope = options.get("lsa_scope")
    if scope not in (None, HIC_SCOPE):
        raise BadLsaRequest(f"LSA option lsa_scope is {HIC_SCOPE!r} or absent; got {scope!r}")
    if scope == HIC_SCOPE and (end != start or options.get("projects")):
        raise BadLsaRequest("the HIC LSA is one day (ReportEnd = ReportStart, the count date) and systemwide")
    projects = [p.strip() for p in options.get("projects", "").split(",") if p.strip()]
    if any(":" not in p for p in projects):
        raise BadLsaRequest(f"LSA projects are <source_id>:<ProjectID>, e.g. ok-500:1001 (got {options['projects']})")
    if projects:
        options["projects"] = ",".join(sorted(set(projects)))
    return start, end


def lookback_date(report_start: date) -> date:
    """ReportStart - 7 years (Feb 29 becomes Feb 28), the LSA's LookbackDate."""
    try:
        return report_start.replace(year=report_start.year - LOOKBACK_YEARS)
    except ValueError:
        return report_start.replace(year=report_start.year - LOOKBACK_YEARS, day=28)


def report_id(report_time: datetime) -> int:
    """A system-generated ReportID, as HUD's sample code makes it: the year's last digit, then MMddHHmm."""
    return (report_time.year % 10) * 100_000_000 + int(report_time.strftime("%m%d%H%M"))


def _columns(con: Connection) -> dict[str, list[tuple[str, str]]]:
    try:
        rows = con.execute(
            "select file_name, column_name, data_type from reference.lsa_columns order by file_name, column_number"
        ).fetchall()
    except duckdb.CatalogException as err:
        raise ReportNotBuilt("the published warehouse has no LSA column list; build it with `waypoint build`") from err
    columns: dict[str, list[tuple[str, str]]] = {}
    for file_name, column, data_type in rows:
        columns.setdefault(file_name, []).append((column, data_type))
    return columns


def _with_writer_columns(table: ReportTable, hud: list[tuple[str, str]], filled: dict[str, object]) -> LsaFile:
    """``table`` with ReportID/ReportDate/ExportID where HUD puts them; HUD's exact column order is checked."""
    types = dict(hud)
    frame = pd.DataFrame(
        [[_cell(value, types[str(column)]) for value, column in zip(row, table.frame.columns, strict=True)]
         for row in table.frame.to_numpy(dtype=object).tolist()],
        columns=table.frame.columns,
        dtype=object,
    )  # fmt: skip
    names = [name for name, _ in hud]
    for position, name in enumerate(names):
        if name in _WRITER_COLUMNS:
            frame.insert(position, name, [filled[name]] * len(frame))
    if list(frame.columns) != names:
        raise ValueError(f"{table.table_id}.csv columns {list(frame.columns)} are not HUD's {names}")
    return LsaFile(table.table_id, table.title, frame, table.notes, types)


def lsa_tables(request: ReportRequest, con: Connection) -> list[ReportTable]:
    """The LSA files of ``request`` from the published warehouse, stamped with one ReportID and ReportDate."""
    if len(request.scope_ids) != 1:
        raise WaypointError("an LSA is for one CoC; request one CoC per LSA")
    report_time = datetime.now().replace(microsecond=0)
    stamp = report_id(report_time)
    filled = {"ReportID": stamp, "ExportID": str(stamp), "ReportDate": report_time}
    columns = _columns(con)
    return [_with_writer_columns(t, columns[t.table_id], filled) for t in layout_tables("lsa", request, con)]


def _cell(value: object, data_type: str) -> object:
    """A mart cell as the LSA files hold it: None for null, dates as HUD writes them, everything else as read."""
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    if data_type == "date":
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    if data_type == "datetime":
        return pd.Timestamp(value).strftime("%Y-%m-%d %H:%M:%S")
    return value


def _text(value: object, data_type: str) -> str:
    """One CSV cell: empty for null, strings quoted, integers bare, dates ``YYYY-MM-DD`` (datetimes with time)."""
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return ""
    if data_type.startswith("nvarchar"):
        return '"' + str(value).translate(_FORBIDDEN).replace('"', '""') + '"'
    if data_type == "int":
        return str(int(value))
    if data_type == "date":
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    if data_type == "datetime":
        return pd.Timestamp(value).strftime("%Y-%m-%d %H:%M:%S")
    raise ValueError(f"LSA column type {data_type!r} is not one the writer knows")


def lsa_csv(table: ReportTable) -> str:
    """An LSA file as HDX takes it: a header of HUD's column names, then one line per row (CRLF)."""
    if not isinstance(table, LsaFile):
        raise TypeError(f"{table.table_id} is not an LSA file")
    types = [table.data_types[str(c)] for c in table.frame.columns]
    lines = [",".join(str(c) for c in table.frame.columns)]
    for row in table.frame.to_numpy(dtype=object).tolist():
        lines.append(",".join(_text(value, data_type) for value, data_type in zip(row, types, strict=True)))
    return "\r\n".join(lines) + "\r\n"
