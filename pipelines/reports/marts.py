"""One request's rows of a report mart from the published warehouse, as plain cells, and the one "report not built"
error; pipelines/reports/layout.py lays them out as HUD tables."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import duckdb
import pandas as pd

from pipelines.errors import WaypointError
from pipelines.reports.model import ReportTable

MARTS_SCHEMA = "marts"


class ReportNotBuilt(WaypointError):
    """The published warehouse lacks a report's layout, a mart or the request's rows (it was built before the
    request was recorded): the one error every report raises for "build first"."""


def require_rows(tables: list[ReportTable], request_id: str) -> list[ReportTable]:
    """``tables`` unless every one is empty, which means the request was added after the last warehouse build."""
    if all(table.frame.empty for table in tables):
        raise ReportNotBuilt(
            f"the published warehouse has no rows for {request_id}: the request was added after the last "
            "warehouse build; build again (or use `waypoint report`, which does both)"
        )
    return tables


def plain_value(value: object) -> object:
    """Cells as the artifacts print them: None for blank, int for whole counts, float for the rest."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if hasattr(value, "item"):  # numpy scalars
        return plain_value(value.item())
    return value


class MartReader:
    """The published warehouse for writing several reports: each question mart is read in one query for every
    request being written (an APR has 67 tables; 56 APRs one query per table and request took most of the
    writing time), and served one request at a time. Anything else is passed to the connection (``execute``)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, request_ids: Iterable[str]) -> None:
        self.con = con
        self.request_ids = frozenset(request_ids)
        self._marts: dict[str, tuple[dict[str, pd.DataFrame], pd.DataFrame]] = {}

    def execute(self, *args, **kwargs) -> duckdb.DuckDBPyConnection:
        return self.con.execute(*args, **kwargs)

    def rows(self, model: str, request_id: str) -> pd.DataFrame:
        if request_id not in self.request_ids:
            return mart_rows(self.con, model, request_id)
        if model not in self._marts:
            marks = ", ".join("?" for _ in self.request_ids)
            frame = _query(
                self.con,
                model,
                f'select * from {MARTS_SCHEMA}."{model}" where request_id in ({marks}) order by request_id, row_order',
                sorted(self.request_ids),
            )
            groups = {key: part.reset_index(drop=True) for key, part in frame.groupby("request_id", sort=False)}
            self._marts[model] = (groups, frame.iloc[0:0])
        groups, empty = self._marts[model]
        return groups.get(request_id, empty)


Connection = duckdb.DuckDBPyConnection | MartReader


def _query(con: duckdb.DuckDBPyConnection, model: str, sql: str, params: list) -> pd.DataFrame:
    try:
        return con.execute(sql, params).df()
    except duckdb.CatalogException as err:
        raise ReportNotBuilt(f"the published warehouse has no {model}; build it with `waypoint build`") from err


def mart_rows(con: Connection, model: str, request_id: str) -> pd.DataFrame:
    """One request's rows of a question mart, in HUD's row order."""
    if isinstance(con, MartReader):
        return con.rows(model, request_id)
    sql = f'select * from {MARTS_SCHEMA}."{model}" where request_id = ? order by row_order'
    return _query(con, model, sql, [request_id])
