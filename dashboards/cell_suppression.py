"""Suppression of a whole dataset at once, so that every table and chart a page draws from it agrees.

A dataset's rows are cut into *cells*: one per count column and per value of that column's identifying columns
(``cell_keys``), so a project's count printed under two funders is one cell with one fate. ``Sum`` rules say which
cells add up to which (the counties of a CoC to the CoC's row, the project types to "all", the rows of a page to
the headline it prints). Every rule becomes a line of the solver in ``dashboards.suppression``: counts 1..threshold-1
are hidden, then the fewest and smallest other cells until no line lets a reader work a hidden one back out. A
total a page prints but the warehouse does not hold (a headline sum) is a *derived* cell: suppressed like the
others and handed to the page in ``CellSuppression.totals``. The solver runs per connected group of lines, so a
long series of periods costs little more than one period.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from dashboards.suppression import COMPLEMENTARY, HIDDEN_MARK, SHOWN, Line, SuppressedFrame, suppress_table


@dataclass(frozen=True)
class Sum:
    """In each group of rows with equal ``within`` columns, the ``parts`` rows add up to a total.

    ``parts``: the rows where (column, value) holds; None: every row of the group but the total row.
    ``total``: the row where (column, value) holds; None: the parts add up to a total the page prints itself
    (a derived cell, in ``CellSuppression.totals`` under ``name``), or, with ``measures``, to another column of the
    group's rows (a CoC benchmark beside each of its projects).
    ``measures``: part column -> total column; None: each count column adds up to itself.
    """

    within: tuple[str, ...]
    parts: tuple[str, str] | None = None
    total: tuple[str, str] | None = None
    measures: Mapping[str, str] | None = None
    name: str = ""
    # False: the parts add up to at least the total (a person in two counties is one person of the CoC)
    exact: bool = True
    # A column holding how many parts the total pools: a group is a line only when all of them are present
    # (a benchmark over projects the user cannot see bounds none of the ones shown)
    parts_count: str | None = None
    # Parts named per total by a crosswalk (a tribal area counts the persons of the counties overlapping it): the
    # relation and its (total, part) columns, matched to the rows' ``key`` column; ``parts_of`` is it loaded.
    pairs_from: tuple[str, str, str] | None = None
    key: str = "breakdown_value"
    parts_of: Mapping[str, tuple[str, ...]] | None = None


@dataclass(frozen=True)
class CellSuppression(SuppressedFrame):
    """A suppressed frame plus the derived totals of its ``Sum`` rules: one row per (rule name, group), with each
    measure's display label and its value (NaN when hidden)."""

    totals: pd.DataFrame = field(default_factory=pd.DataFrame)


class _Cells:
    """Unique cells: an index per identity, their values, and whether the warehouse holds them."""

    def __init__(self) -> None:
        self.index: dict[tuple, int] = {}
        self.values: list[int] = []

    def add(self, identity: tuple, value: int) -> int:
        found = self.index.get(identity)
        if found is None:
            found = self.index[identity] = len(self.values)
            self.values.append(int(value))
        return found


CellLine = tuple[Sequence[int], bool]  # (parts' indices then the total's, whether the parts add up to at least it)


def _components(n_cells: int, lines: Sequence[CellLine]) -> list[tuple[np.ndarray, list[CellLine]]]:
    """Connected groups of cells through shared lines (union-find); cells on no line form their own groups."""
    parent = list(range(n_cells))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for line, _ in lines:
        root = find(line[0])
        for cell in line[1:]:
            other = find(cell)
            if other != root:
                parent[other] = root
    groups: dict[int, list[int]] = {}
    for cell in range(n_cells):
        groups.setdefault(find(cell), []).append(cell)
    lines_of: dict[int, list[CellLine]] = {}
    for line, at_least in lines:
        lines_of.setdefault(find(line[0]), []).append((list(line), at_least))
    return [(np.array(cells), lines_of.get(root, [])) for root, cells in groups.items()]


def suppress_cells(values: Sequence[int], lines: Sequence[CellLine], threshold: int = 11) -> np.ndarray:
    """Status (SHOWN, PRIMARY, COMPLEMENTARY) of each cell of a flat list; a line is its parts' indices followed
    by its total's index, and whether the parts add up to at least the total rather than exactly. Complements are
    the fewest, smallest shown cells that close every line (see suppress_table)."""
    values = np.asarray(values, dtype=np.int64)
    status = np.zeros(len(values), dtype=np.int64)
    for cells, component_lines in _components(len(values), lines):
        local = {int(c): i for i, c in enumerate(cells)}
        shape = tuple((tuple(local[c] for c in line), bool(at_least)) for line, at_least in component_lines)
        status[cells] = _component_status(tuple(values[cells].tolist()), shape, threshold)
    return status


@lru_cache(maxsize=8192)
def _component_status(
    values: tuple[int, ...], lines: tuple[tuple[tuple[int, ...], bool], ...], threshold: int
) -> np.ndarray:
    """``suppress_table`` of one connected component, remembered: a page repeats the same small components (the
    same counts under the same lines) many times. Read-only: callers copy it into their own status array."""
    table = np.asarray(values, dtype=np.int64)[None, :]
    solver_lines = [
        Line(np.zeros(len(line), dtype=np.int64), np.array(line, dtype=np.int64), at_least) for line, at_least in lines
    ]
    status = suppress_table(table, solver_lines, threshold)[0]
    status.flags.writeable = False
    return status


def _pooled(counts: np.ndarray) -> int | None:
    """How many parts a total pools, from its rows' ``parts_count``; None when no row knows (no total published:
    a project without a CoC has no CoC benchmark beside it)."""
    known = pd.to_numeric(pd.Series(counts), errors="coerce").dropna()
    return int(known.max()) if len(known) else None


def _matches(frame: pd.DataFrame, rule: tuple[str, str] | None) -> pd.Series:
    if rule is None:
        return pd.Series(True, index=frame.index)
    column, value = rule
    return frame[column].astype(str) == value


def _groups(frame: pd.DataFrame, within: Sequence[str]) -> list[tuple[np.ndarray, dict]]:
    """Row positions of each group of equal ``within`` values, with those values."""
    if not within:
        return [(np.arange(len(frame)), {})]
    codes = frame.groupby(list(within), sort=False, dropna=False).ngroup().to_numpy()
    order = np.argsort(codes, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(codes[order]) != 0])
    firsts = frame[list(within)].to_numpy(dtype=object)
    return [
        (rows, dict(zip(within, firsts[rows[0]], strict=True))) for rows in np.split(order, starts[1:]) if len(rows)
    ]


def _lines(parts: list[int], total: int, exact: bool) -> list[tuple[list[int], bool]]:
    """The sum's line; for parts that add up to at least the total (people counted in two parts), each part is
    also a subset of the total: one more line per part saying the total is at least that part. (Only crosswalk
    totals need these: a part's bound by its own line's total never narrows a small cell of that line, but a tribal
    area bounds its counties within their CoC's line.)"""
    found = [([*parts, total], not exact)]
    if not exact:
        found.extend(([total, part], True) for part in parts if part != total)
    return found


def _crosswalk_lines(
    body: pd.DataFrame,
    rule: Sum,
    is_part: np.ndarray,
    is_total: np.ndarray,
    cell_arrays: Mapping[str, np.ndarray],
    measures: Mapping[str, str],
) -> list[tuple[list[int], bool]]:
    """One line per total row: the part rows of its group whose key the crosswalk lists for the total's key."""
    keys = body[rule.key].astype(str).to_numpy()
    found = []
    for rows, _record in _groups(body, rule.within):
        parts_by_key = {keys[r]: r for r in rows[is_part[rows]]}
        for total_row in rows[is_total[rows]]:
            part_rows = [parts_by_key[k] for k in (rule.parts_of or {}).get(keys[total_row], ()) if k in parts_by_key]
            if not part_rows:
                continue
            for part, total in measures.items():
                parts = sorted({int(cell_arrays[part][r]) for r in part_rows})
                found.extend(_lines(parts, int(cell_arrays[total][total_row]), rule.exact))
    return found


def _label(value: float, state: int, threshold: int) -> str:
    if state == SHOWN:
        return f"{int(value):,}"
    return HIDDEN_MARK if state == COMPLEMENTARY else f"<{threshold}"


def suppress_dataset(
    frame: pd.DataFrame,
    counts: Sequence[str],
    *,
    sums: Sequence[Sum],
    cell_keys: Mapping[str, Sequence[str]] | None = None,
    threshold: int = 11,
    rates: Mapping[str, tuple[str, str]] | None = None,
) -> CellSuppression:
    """Suppresses every count of ``frame`` as one system of cells and ``Sum`` lines (see the module docstring).

    ``cell_keys``: count column -> the columns that identify its cell (default: every non-count column).
    """
    body = frame.reset_index(drop=True)
    counts, rates = list(counts), dict(rates or {})
    identity_default = [c for c in body.columns if c not in counts and c not in rates]
    cells = _Cells()
    cell_of = pd.DataFrame(-1, index=body.index, columns=counts)
    for column in counts:
        keys = list((cell_keys or {}).get(column, identity_default))
        numbers = body[column].fillna(0).astype(np.int64)
        identities = zip(*(body[k].astype(str) for k in keys), numbers, strict=True)
        cell_of[column] = [cells.add((column, *identity), identity[-1]) for identity in identities]

    lines: list[tuple[list[int], bool]] = []
    derived: list[dict] = []  # rule name, group columns, measure -> derived cell index
    cell_arrays = {c: cell_of[c].to_numpy() for c in counts}
    for rule in sums:
        measures = dict(rule.measures or {c: c for c in counts})
        is_total = _matches(body, rule.total).to_numpy() if rule.total is not None else np.zeros(len(body), bool)
        is_part = _matches(body, rule.parts).to_numpy() & ~is_total
        bounds = body[rule.parts_count].to_numpy() if rule.parts_count is not None else None
        if rule.parts_of is not None:
            lines.extend(_crosswalk_lines(body, rule, is_part, is_total, cell_arrays, measures))
            continue
        for rows, record in _groups(body, rule.within):
            part_rows, total_rows = rows[is_part[rows]], rows[is_total[rows]]
            if len(part_rows) == 0 or (rule.total is not None and len(total_rows) == 0):
                continue  # nothing to add up, or a total that is not published: no equation
            group_identity = tuple(str(v) for v in record.values())
            pooled = _pooled(bounds[rows]) if bounds is not None else None  # the group's, whatever the measure
            for part, total in measures.items():
                parts = sorted(set(cell_arrays[part][part_rows].tolist()))
                if rule.total is not None:
                    totals = sorted(set(cell_arrays[total][total_rows].tolist()))
                elif total != part:
                    totals = sorted(set(cell_arrays[total][rows].tolist()))
                else:
                    value = sum(cells.values[p] for p in parts)
                    totals = [cells.add(("derived", rule.name, part, *group_identity), value)]
                    record[part] = totals[0]
                if bounds is not None and len(parts) != pooled:
                    continue  # the total pools parts not shown (or there is no total: no benchmark)
                lines.extend(([*parts, total_cell], not rule.exact) for total_cell in totals)
            if rule.total is None and rule.measures is None:
                derived.append({"rule": rule.name, **record})

    status = suppress_cells(cells.values, lines, threshold)
    values_arr = np.asarray(cells.values, dtype=float)

    cell_status = pd.DataFrame(
        {c: status[cell_of[c].to_numpy(dtype=np.int64)] for c in counts}, index=body.index, dtype=np.int64
    )
    for rate, (numerator, denominator) in rates.items():
        hidden = (cell_status[numerator] != SHOWN) | (cell_status[denominator] != SHOWN)
        cell_status[rate] = np.where(hidden, COMPLEMENTARY, SHOWN)
    values = body.copy()
    display = body.astype({c: object for c in [*counts, *rates]})
    for column in counts:
        values[column] = body[column].where(cell_status[column] == SHOWN).astype(float)
        display[column] = [
            _label(v, s, threshold) for v, s in zip(body[column].fillna(0), cell_status[column], strict=True)
        ]
    for rate in rates:
        values[rate] = body[rate].where(cell_status[rate] == SHOWN).astype(float)
        display[rate] = [
            HIDDEN_MARK if s != SHOWN else ("" if pd.isna(v) else f"{float(v):.1%}")
            for v, s in zip(body[rate], cell_status[rate], strict=True)
        ]

    totals = []
    for record in derived:
        row = {k: v for k, v in record.items() if k not in counts}
        for column in counts:
            if column in record:
                index = record[column]
                row[column] = _label(values_arr[index], status[index], threshold)
                row[f"{column}_value"] = values_arr[index] if status[index] == SHOWN else np.nan
        totals.append(row)
    return CellSuppression(display, values, cell_status, pd.DataFrame(), threshold, pd.DataFrame(totals))
