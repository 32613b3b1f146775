"""Report tables in HUD's layout, read from the warehouse that built the numbers.

A report mart holds ``request_id``, ``row_order``, ``row_label`` and then HUD's value columns (docs/contracts.md).
Which tables a report has, in HUD's order, with HUD's titles, is the seed ``report_tables``; HUD's column labels are
the seed ``report_table_columns`` (``seeds/reports/``). Both are read from the published warehouse, so artifacts
written from an older build carry that build's layout, never the checkout's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb
import pandas as pd

from pipelines.reports.marts import Connection, ReportNotBuilt, mart_rows, plain_value, require_rows
from pipelines.reports.model import ReportRequest, ReportTable

LAYOUT_SCHEMA = "reference"
_NOT_PRINTED = ("request_id", "row_order")
_MODEL_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_LAYOUT_SQL = f"""
    select tables.table_id, tables.model_name, tables.title, columns.column_name, columns.hud_label
    from {LAYOUT_SCHEMA}.report_tables as tables
    left join {LAYOUT_SCHEMA}.report_table_columns as columns
        on tables.model_name = columns.model_name
    where {{where}}
    order by tables.table_order, columns.column_order
"""


@dataclass(frozen=True)
class TableLayout:
    """One table of a report: its HUD id and title, the mart holding it and HUD's label of each printed column
    (``row_label``'s label heads the first column; HUD leaves it empty except in Q4a)."""

    table_id: str
    model: str
    title: str
    labels: dict[str, str]


def _layouts(con: Connection, where: str, params: list) -> list[TableLayout]:
    try:
        rows = con.execute(_LAYOUT_SQL.format(where=where), params).fetchall()
    except duckdb.CatalogException as err:
        raise ReportNotBuilt("the published warehouse has no report layouts; build it with `waypoint build`") from err
    layouts: dict[str, TableLayout] = {}
    for table_id, model, title, column, label in rows:
        if not _MODEL_NAME.match(model):
            raise ValueError(f"report_tables names {model!r} for {table_id}, which is not a mart")
        layout = layouts.setdefault(table_id, TableLayout(table_id, model, title, {}))
        if column is not None:
            layout.labels[column] = label
    return list(layouts.values())


def report_layout(con: Connection, report: str) -> list[TableLayout]:
    """The tables of ``report`` in HUD's order, as the warehouse was built with them."""
    layouts = _layouts(con, "tables.report = ?", [report])
    if not layouts:
        raise ReportNotBuilt(f"the published warehouse has no {report} table layout; build it with `waypoint build`")
    return layouts


def layout_table(con: Connection, layout: TableLayout, request_id: str) -> ReportTable:
    """One request's rows of a mart under HUD's headers, as plain cells (None blank, whole numbers int)."""
    rows = mart_rows(con, layout.model, request_id)
    columns = [c for c in rows.columns if c not in _NOT_PRINTED]
    missing = [c for c in columns if c != "row_label" and c not in layout.labels]
    if missing:
        raise ValueError(f"{layout.model} has columns without a label in report_table_columns: {', '.join(missing)}")
    header = [layout.labels.get(c, "") for c in columns]
    cells = [[plain_value(v) for v in row] for row in rows[columns].to_numpy(dtype=object).tolist()]
    return ReportTable(layout.table_id, layout.title, pd.DataFrame(cells, columns=header, dtype=object))


def layout_tables(report: str, request: ReportRequest, con: Connection) -> list[ReportTable]:
    """Every table of ``report`` for ``request``; ReportNotBuilt when the warehouse holds none of its rows."""
    tables = [layout_table(con, layout, request.request_id) for layout in report_layout(con, report)]
    return require_rows(tables, request.request_id)


def read_mart_table(con: Connection, model: str, request_id: str) -> ReportTable:
    """One request's rows of one report mart (any report's), titled and labelled from the layout seeds."""
    layouts = _layouts(con, "tables.model_name = ?", [model])
    if not layouts:
        raise ReportNotBuilt(f"no report of the published warehouse has {model} in its layout")
    return layout_table(con, layouts[0], request_id)
