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
from functools import cached_property, lru_cache

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

    @cached_property
    def cells(self) -> list[Cell]:
        return list(zip(self.rows.tolist(), self.cols.tolist(), strict=True))

    @cached_property
    def cell_set(self) -> frozenset[Cell]:
        return frozenset(self.cells)

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


def _sum_without_each(values: list[float]) -> list[float]:
    """For each position, the sum of all other values; infinities handled without inf - inf.

    Plain floats, not numpy: lines are short and this runs hundreds of thousands of times per page. The values are
    whole numbers or infinities, so the sums are exact in any order."""
    finite = [v for v in values if v not in _INFINITIES]
    finite_sum = sum(finite)
    infinite_count = len(values) - len(finite)
    if not infinite_count:
        return [finite_sum - v for v in values]
    sign_inf = next(v for v in values if v in _INFINITIES)  # all infinities of one sum share a sign
    others = []
    for v in values:
        if v in _INFINITIES:
            others.append(sign_inf if infinite_count > 1 else finite_sum)
        else:
            others.append(sign_inf)
    return others


_INFINITIES = (math.inf, -math.inf)


def _implied_lists(cell_lo: list[float], cell_hi: list[float], at_least: bool) -> tuple[list[float], list[float]]:
    """``_implied`` on a line's bounds as lists (parts first, the total last)."""
    last = len(cell_lo) - 1
    # a_k * x_k = -sum(a_m * x_m for m != k); the range of -a_m * x_m (a part's sign +1, the total's -1):
    term_lo = [-h for h in cell_hi[:last]] + cell_lo[last:]
    term_hi = [-lo for lo in cell_lo[:last]] + cell_hi[last:]
    low, high = _sum_without_each(term_lo), _sum_without_each(term_hi)
    if last >= 0:
        low[last], high[last] = -high[last], -low[last]
        if at_least:
            high[:last] = [math.inf] * last
            low[last] = -math.inf
    return low, high


def _implied(line: Line, lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each cell of a line, the range that the other cells of the line allow."""
    low, high = _implied_lists(lo[line.rows, line.cols].tolist(), hi[line.rows, line.cols].tolist(), line.at_least)
    return np.array(low, dtype=float), np.array(high, dtype=float)


def _ceil(value: float) -> float:
    return float(math.ceil(value)) if math.isfinite(value) else value


def _floor(value: float) -> float:
    return float(math.floor(value)) if math.isfinite(value) else value


def reader_bounds(
    table: np.ndarray, status: np.ndarray, lines: Sequence[Line], threshold: int, sweeps: int = 25
) -> tuple[np.ndarray, np.ndarray]:
    """Bounds a reader can reach by combining labels and line equations until nothing tightens."""
    lo, hi = _label_bounds(table, status, threshold)
    active = [line for line in lines if (status[line.rows, line.cols] != SHOWN).any()]
    if not active:
        return lo, hi
    width = lo.shape[1]
    flat_lo, flat_hi = lo.ravel().tolist(), hi.ravel().tolist()
    positions = [[r * width + c for r, c in line.cells] for line in active]
    lines_of: dict[int, list[int]] = {}
    for index, cells in enumerate(positions):
        for k in cells:
            lines_of.setdefault(k, []).append(index)
    # A line none of whose cells changed since it was last applied would change nothing: it is skipped.
    dirty = [True] * len(active)
    for _ in range(sweeps):
        changed = False
        for index, (line, cells) in enumerate(zip(active, positions, strict=True)):
            if not dirty[index]:
                continue
            dirty[index] = False
            old_lo, old_hi = [flat_lo[k] for k in cells], [flat_hi[k] for k in cells]
            low, high = _implied_lists(old_lo, old_hi, line.at_least)
            for k, was_lo, was_hi, a, b in zip(cells, old_lo, old_hi, low, high, strict=True):
                new_lo, new_hi = max(was_lo, _ceil(a - 1e-9)), min(was_hi, _floor(b + 1e-9))
                if new_lo > was_lo or new_hi < was_hi:
                    changed = True
                    flat_lo[k], flat_hi[k] = new_lo, new_hi
                    for other in lines_of[k]:
                        dirty[other] = True
        if not changed:
            break
    return np.array(flat_lo, dtype=float).reshape(lo.shape), np.array(flat_hi, dtype=float).reshape(hi.shape)


def _line_is_safe(line: Line, status: np.ndarray, lo: np.ndarray, hi: np.ndarray, threshold: int) -> bool:
    states = status[line.rows, line.cols]
    hidden = int((states != SHOWN).sum())
    if hidden == 0:
        return True
    if hidden == 1 and not line.at_least:
        return False
    low, high = _implied_lists(lo[line.rows, line.cols].tolist(), hi[line.rows, line.cols].tolist(), line.at_least)
    return not any(
        a > 1 or b < threshold - 1 for a, b, state in zip(low, high, states.tolist(), strict=True) if state == PRIMARY
    )


def _candidates(line: Line, lines: Sequence[Line], table: np.ndarray, status: np.ndarray) -> list[Cell]:
    """Shown non-zero cells of the line; when it has none, those of the lines crossing it."""
    own = [c for c in line.cells if status[c] == SHOWN and table[c] > 0]
    if own:
        return own
    cells = line.cell_set
    crossing = {c for other in lines if not cells.isdisjoint(other.cell_set) for c in other.cells}
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
        if cell not in line.cell_set:
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
    if not status.any():  # nothing small: every line is safe as it stands (most sub-tables of a page)
        return status
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
    """Suppresses a body of counts as if its row and column totals were published. Returns (table, status).

    The answer depends only on the counts and the options, and one page repeats the same small sub-table many
    times (measured on the session test warehouse's planner datasets: 15,275 sub-tables, 1,715 distinct), so
    answers are remembered (``_suppressed_matrix``); callers get their own copies."""
    body = np.ascontiguousarray(counts, dtype=np.int64)
    table, status = _suppressed_matrix(body.shape, body.tobytes(), threshold, row_totals, column_totals)
    return table.copy(), status.copy()


@lru_cache(maxsize=8192)
def _suppressed_matrix(
    shape: tuple[int, ...], data: bytes, threshold: int, row_totals: bool, column_totals: bool
) -> tuple[np.ndarray, np.ndarray]:
    counts = np.frombuffer(data, dtype=np.int64).reshape(shape)
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

    ``rates`` maps a rate column to its (numerator, denominator) count columns in the same row. The sub-tables are
    cut out of one array (no pandas per sub-table): a page may hold hundreds of them.
    """
    rates = dict(rates or {})
    counts = list(counts)
    body = frame.reset_index(drop=True)
    values = body.copy()
    matrix_all = body[counts].fillna(0).to_numpy(dtype=np.int64)
    status_all = np.full(matrix_all.shape, SHOWN, dtype=np.int64)
    totals = []
    by = list(tables_by) if len(tables_by) > 1 else (tables_by[0] if tables_by else None)
    groups = body.groupby(by, sort=False, dropna=False).groups if by is not None else {(): body.index}
    for key, index in groups.items():
        positions = np.asarray(index, dtype=np.intp)  # the body's RangeIndex: labels are positions
        table, cell_status = suppress_matrix(
            matrix_all[positions], threshold, row_totals=len(counts) > 1, column_totals=True
        )
        status_all[positions] = cell_status[: len(positions), : len(counts)]
        total_row = {c: _label(table[-1, j], cell_status[-1, j], threshold) for j, c in enumerate(counts)}
        key_values = key if isinstance(key, tuple) else (key,)
        totals.append({**dict(zip(tables_by, key_values, strict=True)), **total_row})
    status = pd.DataFrame(status_all, index=body.index, columns=counts)
    for rate in rates:
        status[rate] = SHOWN
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
