"""What the data pages share: the broadest dataset a user may read, period pickers, and measures for display.

Scope, level and suppression stay in the access layer; these helpers only choose among its answers and draw them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence

import pandas as pd
import streamlit as st

from dashboards.data.access import AccessDenied, Answer, DataAccess
from dashboards.data.warehouse import DataNotReady
from dashboards.suppression import HIDDEN_MARK, SHOWN

PERIOD_TYPES = {"month": "Month", "quarter": "Quarter", "fiscal_year": "Federal fiscal year"}


@st.cache_data(ttl=600, max_entries=256, show_spinner=False)
def _cached_aggregate(_data: DataAccess, name: str, where: tuple, scope: str, version: tuple) -> Answer:
    return _data.aggregate(name, where={column: list(values) for column, values in where})


@st.cache_data(ttl=120, max_entries=32, show_spinner=False)
def _cached_person_level(_data: DataAccess, name: str, where: tuple, scope: str, version: tuple) -> Answer:
    return _data.person_level(name, where={column: list(values) for column, values in where})


def _keys(data: DataAccess, where: Mapping[str, Iterable[str]] | None) -> tuple[tuple, str, tuple]:
    """What an answer depends on: the filters, the user's whole scope, the published warehouse and the threshold."""
    filters = tuple(
        sorted((c, (v,) if isinstance(v, str) else tuple(str(x) for x in v)) for c, v in (where or {}).items())
    )
    scope = json.dumps(data.scope.to_dict(), sort_keys=True)
    published = data.settings.published_db
    version = (
        str(published),
        published.stat().st_mtime_ns if published.exists() else 0,
        data.security.suppression_threshold,
    )
    return filters, scope, version


def aggregate(data: DataAccess, name: str, *, where: Mapping[str, Iterable[str]] | None = None) -> Answer:
    """``data.aggregate``, remembered for ten minutes per (dataset, filters, the user's scope, published warehouse):
    reruns of a page (every widget change) and users with the same scope do not query and suppress again."""
    return _cached_aggregate(data, name, *_keys(data, where))


def person_level(data: DataAccess, name: str, *, where: Mapping[str, Iterable[str]] | None = None) -> Answer:
    """``data.person_level``, remembered for two minutes per (dataset, filters, the user's scope, warehouse)."""
    return _cached_person_level(data, name, *_keys(data, where))


Filters = Mapping[str, Iterable[str]]


def broadest(
    data: DataAccess,
    names: Sequence[str],
    *,
    where: Filters | Callable[[str], Filters] | None = None,
    quiet: bool = False,
) -> tuple[str, Answer] | None:
    """The first of ``names`` (broadest level first) the user's scope allows; a "not built yet" note otherwise.

    ``where`` may depend on the dataset (e.g. its ``scope_level``). ``quiet``: a section that only some roles get
    says nothing when the user's scope allows none of ``names``.
    """
    refused: AccessDenied | None = None
    for name in names:
        try:
            return name, aggregate(data, name, where=where(name) if callable(where) else where)
        except AccessDenied as err:
            refused = err
        except DataNotReady as err:
            st.info(f"Not built yet. {str(err).capitalize()}.")
            return None
    if not quiet:
        st.warning(f"Not available for your role: {refused}.")
    return None


def pick_period(frame: pd.DataFrame, *, key: str, label: str = "Period", complete_only: bool = True) -> str | None:
    """A select box of the periods in ``frame`` (labels, newest first); defaults to the newest complete one."""
    if frame.empty:
        return None
    periods = frame.drop_duplicates("period_label").sort_values("period_start", ascending=False)
    labels = list(periods["period_label"])
    complete = list(periods.loc[periods["is_complete_period"].astype(bool), "period_label"]) if complete_only else []
    default = labels.index(complete[0]) if complete else 0
    return st.selectbox(label, labels, index=default, key=key)


MAX_SERIES = 8  # lines or bar groups on a chart before it asks which to draw


def pick_series(current: pd.DataFrame, key: str, name: str, named: Mapping[str, str] | None = None) -> list[str]:
    """The scopes (CoCs, agencies, projects) to chart: all of them, or when there are many, the ones the user
    picks (at first the largest by persons served this period). Tables below always list every one."""
    ranked = current.sort_values("persons_served", ascending=False, na_position="last")[key].drop_duplicates()
    keys = [str(k) for k in ranked]
    if len(keys) <= MAX_SERIES:
        return keys
    return st.multiselect(
        f"{name}s on the charts ({len(keys)} with data in the period shown)",
        sorted(keys, key=lambda k: (named or {}).get(k, k)),
        default=keys[:MAX_SERIES],
        format_func=lambda k: (named or {}).get(k, k),
        key=f"series_{key}",
        help=f"At first the {MAX_SERIES} with the most persons served in the period shown.",
    )


def pick_period_type(options: Sequence[str], *, key: str, default: str = "quarter") -> str:
    index = list(options).index(default) if default in options else 0
    return st.radio("Periods", list(options), index=index, format_func=PERIOD_TYPES.get, horizontal=True, key=key)


def hidden(answer: Answer, column: str) -> pd.Series:
    """True where the access layer suppressed the cell (always False for roles without suppression)."""
    if answer.suppression is None or column not in answer.suppression.status:
        return pd.Series(False, index=answer.values.index)
    return answer.suppression.status[column].reindex(answer.values.index) != SHOWN


def display_measures(answer: Answer, formats: Mapping[str, str]) -> pd.DataFrame:
    """The answer's table with the named measure columns formatted (``{:.1%}``, ``{:,.0f} days``) or hidden."""
    table = answer.table.copy()
    for column, pattern in formats.items():
        if column not in answer.values:
            continue
        masked = hidden(answer, column)
        table[column] = [
            HIDDEN_MARK if is_hidden else ("" if pd.isna(value) else pattern.format(float(value)))
            for value, is_hidden in zip(answer.values[column], masked, strict=True)
        ]
    return table


def not_built(what: str) -> None:
    st.info(f"Not built yet: {what} appear here once the warehouse build has produced them.")


def names(data: DataAccess) -> dict[str, str]:
    """Agency and project names by key, as far as the user's scope reaches (keys stand in for the rest)."""
    found: dict[str, str] = {}
    for dataset, key, name in (
        ("agency_names", "organization_key", "organization_name"),
        ("project_names", "project_key", "project_name"),
    ):
        try:
            rows = aggregate(data, dataset).values
        except (AccessDenied, DataNotReady):
            continue
        found.update(zip(rows[key].astype(str), rows[name].astype(str), strict=True))
    return found


def headline(answer: Answer, period_start: object, count: str) -> tuple[str, float | None]:
    """A page's headline for one count: the sum over the answer's rows of the period (label, value), as the access
    layer suppressed it with the rest of the page (a derived total, hidden when it would reveal a small cell)."""
    totals = getattr(answer.suppression, "totals", None)
    if totals is not None and not totals.empty and count in totals:
        when = pd.Timestamp(period_start)
        row = totals[(totals["rule"] == "headline") & (pd.to_datetime(totals["period_start"]) == when)]
        if not row.empty:
            value = row[f"{count}_value"].iloc[0]
            return str(row[count].iloc[0]), None if pd.isna(value) else float(value)
    rows = answer.values[pd.to_datetime(answer.values["period_start"]) == pd.Timestamp(period_start)]
    if rows[count].isna().any():
        return "hidden", None
    value = float(rows[count].sum())
    return f"{int(value):,}", value
