"""Which question tables a report request produces: one function per report family, chosen by ``request.report``.

APR and CAPER come from the APR module; SPM and HIC/PIT from theirs; ``dq`` is HUD's data quality
report: the APR's report validations (Q5a) and data quality tables (Q6a-Q6f) for the request's scope
and period. ``con`` is a read-only connection to the published warehouse.
"""

from __future__ import annotations

from datetime import datetime

import duckdb

from pipelines.reports.marts import Connection, ReportNotInWarehouse, labelled_frame, mart_rows
from pipelines.reports.model import ReportRequest, ReportTable

DQ_TABLE_IDS: tuple[str, ...] = ("Q5a", "Q6a", "Q6b", "Q6c", "Q6d", "Q6e", "Q6f")


def report_tables(request: ReportRequest, con: Connection) -> list[ReportTable]:
    if request.report == "apr":
        from pipelines.reports.apr import apr_tables

        return apr_tables(request, con)
    if request.report == "caper":
        from pipelines.reports.apr import caper_tables

        return caper_tables(request, con)
    if request.report == "spm":
        from pipelines.reports.spm import spm_tables

        return spm_tables(request, con)
    if request.report == "hic_pit":
        from pipelines.reports.hic_pit import hic_pit_tables

        return hic_pit_tables(request, con)
    if request.report == "dq":
        return dq_tables(request, con)
    raise ValueError(f"no tables are defined for report {request.report!r}")


def report_extra_files(request: ReportRequest, con: Connection, *, report_time: datetime) -> dict:
    """Files a report adds beside its tables (name -> bytes): the SPM's HDX upload."""
    if request.report == "spm":
        from pipelines.reports.spm import spm_extra_files

        return spm_extra_files(request, con, report_time=report_time)
    return {}


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
        raise ReportNotInWarehouse("the published warehouse has no APR table layout; build it first") from err
    labels: dict[str, dict[str, str]] = {}
    for table_id, column, label in label_rows:
        labels.setdefault(table_id, {})[column] = label
    tables = []
    for table_id, model, title in layout:
        rows = mart_rows(con, model, request.request_id)
        tables.append(ReportTable(table_id, title, labelled_frame(rows, labels.get(table_id, {}), model)))
    if not tables or all(t.frame.empty for t in tables):
        raise ReportNotInWarehouse(
            f"the published warehouse has no data quality rows for {request.request_id}: build again, then "
            "write the report"
        )
    return tables
