"""Lay one request's rows of a report question mart out as a HUD table (docs/contracts.md).

A question mart holds ``request_id``, ``row_order``, ``row_label`` and then HUD's value columns; the
HUD table id and title are the model's YAML ``meta`` (``hud_table``, ``hud_title``) and each value
column's HUD label is its ``meta.hud_label``. The YAML beside the models is the one place those labels
are written, so the artifacts never drift from the marts' documentation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd
import yaml

from pipelines.errors import WaypointError
from pipelines.reports.model import ReportTable
from pipelines.warehouse.dbt_paths import DBT_PROJECT_DIR

MARTS_SCHEMA = "marts"
_KEY_COLUMNS = ("request_id", "row_order", "row_label")


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


@dataclass(frozen=True)
class MartLayout:
    model: str
    table_id: str
    title: str
    labels: dict[str, str]


def _meta(node: dict) -> dict:
    return {**(node.get("meta") or {}), **((node.get("config") or {}).get("meta") or {})}


@cache
def mart_layouts(models_dir: Path = DBT_PROJECT_DIR / "models" / "marts") -> dict[str, MartLayout]:
    """Every mart whose YAML names a HUD table, by model name."""
    layouts: dict[str, MartLayout] = {}
    for path in sorted(models_dir.rglob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for model in document.get("models") or []:
            meta = _meta(model)
            if "hud_table" not in meta:
                continue
            labels = {c["name"]: _meta(c)["hud_label"] for c in model.get("columns") or [] if "hud_label" in _meta(c)}
            layouts[model["name"]] = MartLayout(
                model["name"], str(meta["hud_table"]), meta.get("hud_title", ""), labels
            )
    return layouts


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


def labelled_frame(rows: pd.DataFrame, labels: dict[str, str], model: str) -> pd.DataFrame:
    """HUD layout: the row label first (unnamed), then the value columns under their HUD labels."""
    values = [c for c in rows.columns if c not in _KEY_COLUMNS]
    missing = [c for c in values if c not in labels]
    if missing:
        raise ValueError(f"{model} has value columns without a HUD label: {', '.join(missing)}")
    frame = pd.DataFrame({"": rows["row_label"].astype(object)})
    for column in values:
        frame[labels[column]] = [plain_value(v) for v in rows[column].astype(object)]
    return frame


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


def read_mart_table(con: Connection, model: str, request_id: str) -> ReportTable:
    """One request's rows of a question mart as a ReportTable titled and labelled from the mart's YAML."""
    layout = mart_layouts()[model]
    rows = mart_rows(con, model, request_id)
    return ReportTable(layout.table_id, layout.title, labelled_frame(rows, layout.labels, model))


def read_mart_tables(con: Connection, models: tuple[str, ...], request_id: str) -> list[ReportTable]:
    """Several marts of one request; every one empty means the request was added after the last build."""
    return require_rows([read_mart_table(con, model, request_id) for model in models], request_id)
