"""APR and CAPER question tables, read from the published warehouse in HUD's layout.

One `dbt build` computes every requested report set-wise into the ``marts.hud_apr_*`` / ``hud_caper_*``
question marts (docs/contracts.md). These functions only lay one request's rows out: the tables of the
report in HUD's order (seed ``apr_report_tables``), HUD's column labels (seed ``apr_table_columns``),
row labels first, intentionally blank cells empty. The artifact writer turns them into the Sage zip.
"""

from __future__ import annotations

import re

import pandas as pd

from pipelines.reports.marts import Connection, ReportNotBuilt, mart_rows, plain_value, require_rows
from pipelines.reports.model import ReportRequest, ReportTable

MARTS_SCHEMA = "marts"
LAYOUT_SCHEMA = "reference"
_MODEL_NAME = re.compile(r"^hud_(apr|caper)_[a-z0-9_]+$")
_NOT_HUD_COLUMNS = ("request_id", "row_order")


def apr_tables(request: ReportRequest, con: Connection) -> list[ReportTable]:
    """The CoC APR question tables of ``request`` (report ``apr``), in HUD's order."""
    return report_tables("apr", request, con)


def caper_tables(request: ReportRequest, con: Connection) -> list[ReportTable]:
    """The ESG CAPER question tables of ``request`` (report ``caper``), in HUD's order."""
    return report_tables("caper", request, con)


def report_tables(report: str, request: ReportRequest, con: Connection) -> list[ReportTable]:
    if request.report != report:
        raise ValueError(f"request {request.request_id} is a {request.report} report, not {report}")
    layout = con.execute(
        f"select table_id, model_name, title from {LAYOUT_SCHEMA}.apr_report_tables "
        "where report = ? order by table_order",
        [report],
    ).fetchall()
    if not layout:
        raise ReportNotBuilt(f"the warehouse has no {report.upper()} table layout; rebuild it with `waypoint build`")
    labels = _column_labels(con)
    tables = [
        _table(request, con, table_id, model, title, labels.get(table_id, {})) for table_id, model, title in layout
    ]
    return require_rows(tables, request.request_id)


def _column_labels(con: Connection) -> dict[str, dict[str, str]]:
    rows = con.execute(
        f"select table_id, column_name, hud_label from {LAYOUT_SCHEMA}.apr_table_columns "
        "order by table_id, column_order"
    ).fetchall()
    labels: dict[str, dict[str, str]] = {}
    for table_id, column, label in rows:
        labels.setdefault(table_id, {})[column] = label
    return labels


def _table(
    request: ReportRequest,
    con: Connection,
    table_id: str,
    model: str,
    title: str,
    labels: dict[str, str],
) -> ReportTable:
    if not _MODEL_NAME.match(model):
        raise ValueError(f"apr_report_tables names {model!r} for {table_id}, which is not a question mart")
    rows = mart_rows(con, model, request.request_id)
    columns = [c for c in rows.columns if c not in _NOT_HUD_COLUMNS]
    missing = [c for c in columns[1:] if c not in labels]
    if missing:
        raise ValueError(f"{model} has columns without a HUD label in apr_table_columns: {', '.join(missing)}")
    # HUD's Q4a names its first column ("Organization Name"); other tables leave the label column unnamed.
    first = "Organization Name" if table_id == "Q4a" else ""
    header = [first if c == "row_label" else labels.get(c, c) for c in columns]
    return ReportTable(table_id=table_id, title=title, frame=_plain_cells(rows[columns], header))


def _plain_cells(frame: pd.DataFrame, header: list[str]) -> pd.DataFrame:
    """Plain Python cells under HUD's headers: blank ("intentionally blank") cells None and whole numbers int,
    so every writer prints them as HUD expects: an empty cell, ``12`` rather than ``12.0``."""
    cells = [[plain_value(v) for v in row] for row in frame.to_numpy(dtype=object).tolist()]
    return pd.DataFrame(cells, columns=header, dtype=object)
