"""Small-cell suppression for aggregate tables shown to planners and funders.

Counts 1..threshold-1 are hidden and shown as "<11" (primary suppression). Then complementary suppression hides
more cells, line by line (every row and column, with their totals), until no line lets a reader work a hidden
cell back out of the totals: a line never has exactly one hidden cell, and the row/column equations cannot narrow
a small cell to less than its whole 1..10 range. A reader is assumed to know the threshold, that "<11" means 1..10,
that a cell hidden to protect another ("*") holds 11 or more (zeros are never hidden; 1..10 are all primary), and
every row, column and grand total, shown or not. Bounds are propagated across all lines, so a cell pinned by its
column cannot be used to unlock its row. Percentages built from a hidden count are hidden too.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

SHOWN, PRIMARY, COMPLEMENTARY = 0, 1, 2
HIDDEN_MARK = "*"

Cell = tuple[int, int]


@dataclass(frozen=True)
class Line:
    """One equation of the table: the parts of a row or column add up to its total (the last cell)."""

    rows: np.ndarray
    cols: np.ndarray
    # The parts add up to at least the total (a person counted in two parts counts once in the total): a reader
    # learns only a lower bound for a part and an upper bound for the total.
    at_least: bool = False

    @property
    def cells(self) -> list[Cell]:
        return list(zip(self.rows.tolist(), self.cols.tolist(), strict=True))

    @property
    def total(self) -> Cell:
        return int(self.rows[-1]), int(self.cols[-1])

    @property
    def signs(self) -> np.ndarray:
        """+1 for a part, -1 for the total: the parts minus the total is zero."""
        signs = np.ones(len(self.rows))
        signs[-1] = -1
        return signs


def with_margins(counts: np.ndarray, *, row_totals: bool = True, column_totals: bool = True) -> np.ndarray:
    """The count matrix with a total column (right) and a total row (bottom), grand total in the corner."""
    table = np.asarray(counts, dtype=np.int64)
    if row_totals:
        table = np.hstack([table, table.sum(axis=1, keepdims=True)])
    if column_totals:
        table = np.vstack([table, table.sum(axis=0, keepdims=True)])
    return table


def table_lines(shape: tuple[int, int], *, row_totals: bool = True, column_totals: bool = True) -> list[Line]:
    """The equations of a table with margins as laid out by ``with_margins``."""
    n_rows, n_cols = shape
    lines: list[Line] = []
    if row_totals:
        for i in range(n_rows):
            lines.append(Line(np.full(n_cols, i), np.arange(n_cols)))
    if column_totals:
        for j in range(n_cols):
            lines.append(Line(np.arange(n_rows), np.full(n_rows, j)))
    return lines


def _label_bounds(table: np.ndarray, status: np.ndarray, threshold: int) -> tuple[np.ndarray, np.ndarray]:
    """What a reader knows of each cell from its label alone."""
    lo = table.astype(float)
    hi = table.astype(float)
    lo[status == PRIMARY], hi[status == PRIMARY] = 1, threshold - 1
    lo[status == COMPLEMENTARY], hi[status == COMPLEMENTARY] = threshold, math.inf
    return lo, hi


def _sum_without_each(values: np.ndarray) -> np.ndarray:
    """For each position, the sum of all other values; infinities handled without inf - inf."""
    infinite = np.isinf(values)
    finite_sum = values[~infinite].sum()
    others = finite_sum - np.where(infinite, 0.0, values)
    if infinite.any():
        sign = np.sign(values[infinite][0])  # all infinities of one sum share a sign
        others = np.where(infinite.sum() - infinite > 0, sign * math.inf, others)
    return others


def _implied(line: Line, lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each cell of a line, the range that the other cells of the line allow."""
    signs, cell_lo, cell_hi = line.signs, lo[line.rows, line.cols], hi[line.rows, line.cols]
    # a_k * x_k = -sum(a_m * x_m for m != k); the range of -a_m * x_m:
    term_lo = np.where(signs > 0, -cell_hi, cell_lo)
    term_hi = np.where(signs > 0, -cell_lo, cell_hi)
    low, high = _sum_without_each(term_lo), _sum_without_each(term_hi)
    low, high = np.where(signs > 0, low, -high), np.where(signs > 0, high, -low)
    if line.at_least:
        high = np.where(signs > 0, math.inf, high)
        low = np.where(signs > 0, low, -math.inf)
    return low, high


def reader_bounds(
    table: np.ndarray, status: np.ndarray, lines: Sequence[Line], threshold: int, sweeps: int = 25
) -> tuple[np.ndarray, np.ndarray]:
    """Bounds a reader can reach by combining labels and line equations until nothing tightens."""
    lo, hi = _label_bounds(table, status, threshold)
    active = [line for line in lines if (status[line.rows, line.cols] != SHOWN).any()]
    for _ in range(sweeps):
        changed = False
        for line in active:
            low, high = _implied(line, lo, hi)
            low, high = np.ceil(low - 1e-9), np.floor(high + 1e-9)
            old_lo, old_hi = lo[line.rows, line.cols], hi[line.rows, line.cols]
            new_lo, new_hi = np.maximum(old_lo, low), np.minimum(old_hi, high)
            if (new_lo > old_lo).any() or (new_hi < old_hi).any():
                lo[line.rows, line.cols], hi[line.rows, line.cols] = new_lo, new_hi
                changed = True
        if not changed:
            break
    return lo, hi


def _line_is_safe(line: Line, status: np.ndarray, lo: np.ndarray, hi: np.ndarray, threshold: int) -> bool:
    states = status[line.rows, line.cols]
    hidden = int((states != SHOWN).sum())
    if hidden == 0:
        return True
    if hidden == 1 and not line.at_least:
        return False
    low, high = _implied(line, lo, hi)
    primary = states == PRIMARY
    return not ((low[primary] > 1) | (high[primary] < threshold - 1)).any()


def _candidates(line: Line, lines: Sequence[Line], table: np.ndarray, status: np.ndarray) -> list[Cell]:
    """Shown non-zero cells of the line; when it has none, those of the lines crossing it."""
    own = [c for c in line.cells if status[c] == SHOWN and table[c] > 0]
    if own:
        return own
    cells = set(line.cells)
    crossing = {c for other in lines if cells & set(other.cells) for c in other.cells}
    return sorted(c for c in crossing if status[c] == SHOWN and table[c] > 0)


def _cheapest_complement(
    line: Line,
    candidates: list[Cell],
    table: np.ndarray,
    status: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    threshold: int,
) -> Cell:
    """The smallest candidate whose hiding alone makes the line safe; when none does, the smallest (more follow).

    Hiding the next-smallest count often leaves a small cell pinned (two cells of 1 and 13 beside a total tell that
    the small one is at most 3), so taking the smallest each time ends up hiding several mid-sized counts where one
    larger one would do: this chooses the least hidden in total."""
    ordered = sorted(candidates, key=lambda c: (table[c], c == line.total))
    for cell in ordered:
        if cell not in set(line.cells):
            continue
        trial_status, trial_lo, trial_hi = status.copy(), lo.copy(), hi.copy()
        trial_status[cell] = COMPLEMENTARY
        trial_lo[cell], trial_hi[cell] = threshold, math.inf
        if _line_is_safe(line, trial_status, trial_lo, trial_hi, threshold):
            return cell
    return ordered[0]


def suppress_table(table: np.ndarray, lines: Sequence[Line], threshold: int = 11) -> np.ndarray:
    """Status of every cell (SHOWN, PRIMARY, COMPLEMENTARY), iterated to a fixed point."""
    table = np.asarray(table, dtype=np.int64)
    if (table < 0).any():
        raise ValueError("counts cannot be negative")
    status = np.where((table >= 1) & (table < threshold), PRIMARY, SHOWN)
    exhausted: set[int] = set()
    while True:
        lo, hi = reader_bounds(table, status, lines, threshold)
        added = False
        for index, line in enumerate(lines):
            if index in exhausted or _line_is_safe(line, status, lo, hi, threshold):
                continue
            candidates = _candidates(line, lines, table, status)
            if not candidates:
                exhausted.add(index)
                continue
            smallest = _cheapest_complement(line, candidates, table, status, lo, hi, threshold)
            status[smallest] = COMPLEMENTARY
            lo[smallest], hi[smallest] = threshold, math.inf  # what a reader knows until the next propagation
            added = True
        if not added:
            return status


def suppress_matrix(
    counts: np.ndarray, threshold: int = 11, *, row_totals: bool = True, column_totals: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """Suppresses a body of counts as if its row and column totals were published. Returns (table, status)."""
    table = with_margins(counts, row_totals=row_totals, column_totals=column_totals)
    lines = table_lines(table.shape, row_totals=row_totals, column_totals=column_totals)
    return table, suppress_table(table, lines, threshold)


@dataclass(frozen=True)
class SuppressedFrame:
    """A table ready to show: ``display`` has labels ("<11", "*"), ``values`` has NaN where hidden (for charts)."""

    display: pd.DataFrame
    values: pd.DataFrame
    status: pd.DataFrame
    column_totals: pd.DataFrame
    threshold: int

    @property
    def hidden_cells(self) -> int:
        return int((self.status != SHOWN).to_numpy().sum())


def _label(value: float, state: int, threshold: int) -> str:
    if state == PRIMARY:
        return f"<{threshold}"
    if state == COMPLEMENTARY:
        return HIDDEN_MARK
    return f"{int(value):,}"


def suppress_frame(
    frame: pd.DataFrame,
    counts: Sequence[str],
    *,
    threshold: int = 11,
    tables_by: Sequence[str] = (),
    rates: Mapping[str, tuple[str, str]] | None = None,
) -> SuppressedFrame:
    """Suppresses the ``counts`` columns of each sub-table (``tables_by``) of a long frame; hides dependent rates.

    ``rates`` maps a rate column to its (numerator, denominator) count columns in the same row.
    """
    rates = dict(rates or {})
    counts = list(counts)
    body = frame.reset_index(drop=True)
    values = body.copy()
    status = pd.DataFrame(SHOWN, index=body.index, columns=[*counts, *rates])
    totals = []
    by = list(tables_by) if len(tables_by) > 1 else (tables_by[0] if tables_by else None)
    groups = body.groupby(by, sort=False, dropna=False).groups if by is not None else {(): body.index}
    for key, index in groups.items():
        matrix = body.loc[index, counts].fillna(0).to_numpy(dtype=np.int64)
        table, cell_status = suppress_matrix(matrix, threshold, row_totals=len(counts) > 1, column_totals=True)
        status.loc[index, counts] = cell_status[: len(index), : len(counts)]
        total_row = {c: _label(table[-1, j], cell_status[-1, j], threshold) for j, c in enumerate(counts)}
        key_values = key if isinstance(key, tuple) else (key,)
        totals.append({**dict(zip(tables_by, key_values, strict=True)), **total_row})
    for rate, (numerator, denominator) in rates.items():
        status[rate] = np.where((status[numerator] != SHOWN) | (status[denominator] != SHOWN), COMPLEMENTARY, SHOWN)
    display = body.astype({c: object for c in [*counts, *rates]})
    for column in counts:
        values[column] = body[column].where(status[column] == SHOWN).astype(float)
        display[column] = [_label(v, s, threshold) for v, s in zip(body[column].fillna(0), status[column], strict=True)]
    for rate in rates:
        values[rate] = body[rate].where(status[rate] == SHOWN).astype(float)
        display[rate] = [
            HIDDEN_MARK if s != SHOWN else ("" if pd.isna(v) else f"{float(v):.1%}")
            for v, s in zip(body[rate], status[rate], strict=True)
        ]
    return SuppressedFrame(display, values, status, pd.DataFrame(totals), threshold)
