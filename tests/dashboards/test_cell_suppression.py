"""Whole-dataset suppression (dashboards.cell_suppression): one fate per cell, the fewest and smallest complements,
totals that add up "at least" (people in two counties), derived headline totals; no hidden cell can be narrowed."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboards.cell_suppression import Sum, suppress_cells, suppress_dataset
from dashboards.suppression import COMPLEMENTARY, PRIMARY, SHOWN, Line, reader_bounds


def narrowed(values, lines, status, threshold=11) -> bool:
    """True when a reader combining the lines learns more of a small hidden cell than 1..threshold-1."""
    table = np.asarray(values)[None, :]
    solver = [Line(np.zeros(len(cells), dtype=np.int64), np.array(cells), at_least) for cells, at_least in lines]
    lo, hi = reader_bounds(table, np.asarray(status)[None, :], solver, threshold)
    small = np.asarray(status)[None, :] == PRIMARY
    return bool(((lo[small] > 1) | (hi[small] < threshold - 1)).any())


def test_one_larger_complement_instead_of_several_smaller_ones():
    values, lines = [1, 13, 24, 38], [([0, 1, 2, 3], False)]  # 1 + 13 + 24 = 38
    status = suppress_cells(values, lines)
    # hiding 13 would leave the 1 at most 3 (38 - 24 - 11): 24 is the one complement that protects it
    assert list(status) == [PRIMARY, SHOWN, COMPLEMENTARY, SHOWN]
    assert not narrowed(values, lines, status)


def test_parts_adding_up_to_at_least_the_total_hide_only_what_a_lower_bound_reveals():
    counties, coc = [13, 24, 1, 1, 17], 48  # people served in two counties: the counties add up to more
    lines = [([0, 1, 2, 3, 4, 5], True)]
    status = suppress_cells([*counties, coc], lines)
    assert list(status) == [SHOWN, SHOWN, PRIMARY, PRIMARY, SHOWN, SHOWN]
    tight = suppress_cells([30, 5, 34], [([0, 1, 2], True)])  # the 5 is at least 34 - 30 = 4: pinned
    assert tight[1] == PRIMARY and (tight[[0, 2]] == COMPLEMENTARY).any()
    assert not narrowed([30, 5, 34], [([0, 1, 2], True)], tight)


def test_a_count_listed_twice_has_one_fate_and_headlines_are_derived_and_protected():
    frame = pd.DataFrame(
        {
            "funder": ["A", "A", "B", "B", "B"],
            "project": ["p1", "p2", "p1", "p3", "p4"],
            "served": [40, 4, 40, 25, 60],
        }
    )
    result = suppress_dataset(
        frame, ["served"], sums=[Sum(within=("funder",), name="headline")], cell_keys={"served": ("project",)}
    )
    p1 = result.display.loc[frame["project"] == "p1", "served"]
    assert p1.nunique() == 1  # one cell, whatever funder lists it
    assert result.display.loc[1, "served"] == "<11"
    totals = result.totals.set_index("funder")
    assert totals.loc["A", "served"] != "44" or p1.iloc[0] != "40"  # 44 - 40 would give the 4 away
    assert totals.loc["B", "served"] == "125" or (result.status["served"] != SHOWN).sum() >= 2


def test_random_tables_never_let_a_reader_narrow_a_small_cell():
    rng = np.random.default_rng(7)
    for _ in range(40):
        parts = rng.choice([0, 1, 3, 8, 12, 15, 30, 80], size=rng.integers(2, 7))
        total = int(parts.sum()) - int(rng.integers(0, 3))  # at least
        exact = bool(rng.integers(0, 2))
        total = int(parts.sum()) if exact else max(total, int(parts.max()))
        values = [*parts.tolist(), total]
        lines = [(list(range(len(values))), not exact)]
        status = suppress_cells(values, lines)
        assert not narrowed(values, lines, status), (values, exact, status)
        assert all(v >= 11 for v, s in zip(values, status, strict=True) if s == COMPLEMENTARY)


def test_an_empty_frame_is_an_empty_answer():
    frame = pd.DataFrame({"period_start": pd.Series([], dtype=object), "served": pd.Series([], dtype="int64")})
    result = suppress_dataset(frame, ["served"], sums=[Sum(within=("period_start",), name="headline")])
    assert result.display.empty and result.totals.empty


def test_a_tribal_area_of_one_county_cannot_give_away_a_county_hidden_to_protect_another():
    """CoC 61 = counties 30 + 25 + 6 (the 6 small); a tribal area holds only the 25-county. Hiding the 25 to
    protect the 6 is worthless if the tribal area prints 25: the crosswalk hides it with its county."""
    frame = pd.DataFrame(
        {
            "coc": ["C"] * 5,
            "breakdown": ["coc", "county", "county", "county", "tribal_area"],
            "breakdown_value": ["C", "a", "b", "c", "t"],
            "served": [61, 30, 25, 6, 25],
        }
    )
    sums = [
        Sum(within=("coc",), parts=("breakdown", "county"), total=("breakdown", "coc"), exact=True),
        Sum(
            within=("coc",),
            parts=("breakdown", "county"),
            total=("breakdown", "tribal_area"),
            exact=False,
            parts_of={"t": ("b",)},
        ),
    ]
    without = suppress_dataset(frame, ["served"], sums=sums[:1]).status["served"].tolist()
    assert without[3] == PRIMARY and without[2] != SHOWN and without[1] == without[4] == SHOWN  # 61-30-25 = 6
    status = suppress_dataset(frame, ["served"], sums=sums).status["served"].tolist()
    assert status[3] == PRIMARY and status[2] != SHOWN
    assert status[4] != SHOWN or status[1] != SHOWN  # the tribal area's 25 is the county's: 30 must hide then


def test_a_project_without_a_benchmark_bounds_no_line_and_breaks_nothing():
    """A project whose CoC is unknown has no CoC benchmark (its ``coc_*`` counts and their ``parts_count`` are
    null): no line for that group, while the group that has a benchmark still protects its small cell."""
    frame = pd.DataFrame(
        {
            "coc_code": ["OK-500", "OK-500", None],
            "project_key": ["a:1", "a:2", "a:3"],
            "leavers": [4, 30, 7],
            "coc_leavers": [34, 34, None],
            "coc_project_count": [2, 2, None],
        }
    )
    result = suppress_dataset(
        frame,
        ["leavers", "coc_leavers"],
        sums=[
            Sum(within=("coc_code",), measures={"leavers": "coc_leavers"}, exact=False, parts_count="coc_project_count")
        ],
        cell_keys={"leavers": ("project_key",), "coc_leavers": ("coc_code",)},
    )
    status = result.status["leavers"].tolist()
    assert status[0] == PRIMARY and status[2] == PRIMARY  # the small counts are hidden
    assert status[1] == COMPLEMENTARY or result.status.loc[0, "coc_leavers"] != SHOWN  # 34 - 30 would give 4 away
