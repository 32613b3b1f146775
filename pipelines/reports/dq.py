"""HUD's data quality report (``dq``): the APR's report validations (Q5a) and data quality tables (Q6a-Q6f) for
the request's scope and period, read from the published warehouse (``con``, read-only)."""

from __future__ import annotations

import duckdb

from pipelines.reports.marts import Connection, ReportNotBuilt, labelled_frame, mart_rows, require_rows
from pipelines.reports.model import ReportRequest, ReportTable

DQ_TABLE_IDS: tuple[str, ...] = ("Q5a", "Q6a", "Q6b", "Q6c", "Q6d", "Q6e", "Q6f")


def dq_tables(request: ReportRequest, con: Connection) -> list[ReportTable]:
    """HUD DQ report tables: the APR marts' Q5a and Q6a-Q6f rows of this (``dq``) request.

    Titles, models and HUD column labels come from the APR layout seeds (reference.apr_report_tables,
    reference.apr_table_columns), so the DQ report prints exactly as those APR questions do.
    """
    placeholders = ", ".join("?" for _ in DQ_TABLE_IDS)
    try:
        layout = con.execute(
            "select table_id, model_name, title from reference.apr_report_tables "
            f"where report = 'apr' and table_id in ({placeholders}) order by table_order",
            list(DQ_TABLE_IDS),
        ).fetchall()
        label_rows = con.execute(
            "select table_id, column_name, hud_label from reference.apr_table_columns "
            f"where table_id in ({placeholders})",
            list(DQ_TABLE_IDS),
        ).fetchall()
    except duckdb.CatalogException as err:
        raise ReportNotBuilt("the published warehouse has no APR table layout; build it first") from err
    labels: dict[str, dict[str, str]] = {}
    for table_id, column, label in label_rows:
        labels.setdefault(table_id, {})[column] = label
    tables = []
    for table_id, model, title in layout:
        rows = mart_rows(con, model, request.request_id)
        tables.append(ReportTable(table_id, title, labelled_frame(rows, labels.get(table_id, {}), model)))
    return require_rows(tables, request.request_id)
