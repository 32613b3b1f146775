"""Drawing answers of the access layer: sortable tables with an audited download, and plain "no data yet" notes."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboards.data.access import AccessDenied, Answer
from dashboards.data.warehouse import DataNotReady
from dashboards.formats import GRID_PERCENT, SCORE, grid_percent
from dashboards.session_cookie import bind_download
from dashboards.suppression import HIDDEN_MARK
from dashboards.ui.context import session_token
from dashboards.ui.labels import label, readable
from pipelines.spec import load_spec


def fetch(load: Callable[[], Answer]) -> Answer | None:
    """Runs one access-layer call; a missing mart or a refusal becomes a plain note instead of a stack trace."""
    try:
        return load()
    except DataNotReady as err:
        st.info(f"No data yet. {str(err).capitalize()}.")
    except AccessDenied as err:
        st.warning(f"Not available for your role: {err}.")
    return None


def suppression_note(answer: Answer) -> None:
    if answer.suppression is not None:
        threshold = answer.suppression.threshold
        st.caption(
            f"Small counts are suppressed: <{threshold} means 1 to {threshold - 1}; {HIDDEN_MARK} hides a count "
            f"of {threshold} or more so that totals cannot reveal a small one. Percentages from hidden counts "
            "are hidden too."
        )


# Rows a table draws in the browser at most; its CSV download always holds every row. Tens of thousands of rows
# (an agency's records to fix on a state-sized warehouse) cost seconds to send and draw, and nobody scrolls them.
MAX_SHOWN_ROWS = 2000


def table(
    frame: pd.DataFrame,
    *,
    name: str,
    page: str,
    on_download: Callable[[str, str, int], None],
) -> None:
    """A sortable table (click a column header) and a CSV download of all its rows, audited. The CSV is made only
    when the button is pressed, so drawing a page never pays for files nobody downloads."""
    if len(frame) > MAX_SHOWN_ROWS:
        st.caption(f"Showing the first {MAX_SHOWN_ROWS:,} of {len(frame):,} rows; the CSV download holds them all.")
    st.dataframe(
        shown_table(frame.head(MAX_SHOWN_ROWS)), hide_index=True, width="stretch", column_config=number_formats(frame)
    )
    download_button(
        st,
        "Download CSV",
        data=lambda: readable(frame, for_csv=True).to_csv(index=False).encode(),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"download-{name}",
        on_click=on_download,
        args=(page, name, len(frame)),
    )


RATE_COLUMNS = {"metric_value", "threshold"}  # dq_scorecard_metrics: shares of 0..1 like every *rate* column


def rate_columns(frame: pd.DataFrame) -> list[str]:
    """The columns holding shares of 0..1 (drawn as percentages): ``RATE_COLUMNS`` and every ``*rate*`` column."""
    return [
        column
        for column in frame.columns
        if isinstance(column, str)
        and pd.api.types.is_float_dtype(frame[column])
        and (column in RATE_COLUMNS or "rate" in column.split("_"))
    ]


def shown_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as the grid draws it: ``readable``, its rates scaled to 0..100 for ``GRID_PERCENT``."""
    rates = rate_columns(frame)
    return readable(frame.assign(**{column: grid_percent(frame[column]) for column in rates}))


def number_formats(frame: pd.DataFrame) -> dict[str, object]:
    """How the grid shows numbers (the CSV keeps them whole): scores to one decimal, rates (0..1 in the warehouse)
    as percentages to one decimal (dashboards/formats.py), so 0.0037 beside a 0.05 threshold reads 0.4% beside
    5.0%."""
    formats = {label(column): st.column_config.NumberColumn(format=GRID_PERCENT) for column in rate_columns(frame)}
    for column in frame.columns:
        if isinstance(column, str) and pd.api.types.is_float_dtype(frame[column]) and column.endswith("score"):
            formats[label(column)] = st.column_config.NumberColumn(format=SCORE)
    return formats


def download_button(container, label: str, *, data: bytes | Callable[[], bytes], **options) -> None:
    """``container.download_button`` whose file the server hands only to this signed-in session, for a while
    (dashboards/session_cookie.py); a callable ``data`` is still made only when the button is pressed."""
    token = session_token()
    if callable(data):
        producer = data
        container.download_button(label, data=lambda: bind_download(token, _as_bytes(producer())), **options)
    else:
        container.download_button(label, data=bind_download(token, _as_bytes(data)), **options)


def _as_bytes(data: bytes | str) -> bytes:
    return data.encode() if isinstance(data, str) else data


def answer_table(answer: Answer, *, page: str, on_download: Callable[[str, str, int], None]) -> None:
    if answer.empty:
        st.info("Nothing in your scope yet.")
        return
    table(answer.table, name=answer.dataset.name, page=page, on_download=on_download)
    suppression_note(answer)


def with_labels(frame: pd.DataFrame, column: str, list_id: str) -> pd.DataFrame:
    """Replaces HUD codes in ``column`` by their labels from the HUD spec (codes without a label stay)."""
    labels = load_spec("fy2026").lists.get(list_id, {})
    out = frame.copy()
    out[column] = [labels.get(str(v), v) for v in out[column]]
    return out


def in_sentence(name: str) -> str:
    """A heading word inside a sentence: lower case, except acronyms ("CoC", "HUD") and names as written."""
    return name if any(ch.isupper() for ch in name[1:]) else name[:1].lower() + name[1:]


def sentence(text: str) -> str:
    """First letter up, the rest as written (``str.capitalize`` would lowercase names and ids)."""
    return text[:1].upper() + text[1:]
