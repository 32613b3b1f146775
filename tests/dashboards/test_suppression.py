"""Small-cell suppression: small counts hidden, and an attacker solving the row/column equations cannot recover them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import Bounds, LinearConstraint, milp

from dashboards.suppression import (
    COMPLEMENTARY,
    HIDDEN_MARK,
    PRIMARY,
    SHOWN,
    suppress_frame,
    suppress_matrix,
    table_lines,
)

THRESHOLD = 11


def recover(table: np.ndarray, status: np.ndarray, threshold: int = THRESHOLD) -> dict[tuple[int, int], tuple]:
    """The attack: every hidden cell's smallest and largest value consistent with the published table.

    The attacker knows every shown cell, every row/column/grand total, that "<11" means 1..10 and that "*" means
    11 or more, and that all counts are whole numbers; it solves the integer program exactly (HiGHS).
    """
    row_totals = table.shape[1] > 2
    lines = table_lines(table.shape, row_totals=row_totals)
    hidden = [tuple(int(v) for v in c) for c in np.argwhere(status != SHOWN)]
    position = {cell: k for k, cell in enumerate(hidden)}
    if not hidden:
        return {}
    rows, rhs = [], []
    for line in lines:
        coefficients, constant = np.zeros(len(hidden)), 0.0
        for cell in line.cells:
            sign = -1.0 if cell == line.total else 1.0
            if cell in position:
                coefficients[position[cell]] += sign
            else:
                constant += sign * table[cell]
        if coefficients.any():
            rows.append(coefficients)
            rhs.append(-constant)
    lower = [1 if status[c] == PRIMARY else threshold for c in hidden]
    upper = [threshold - 1 if status[c] == PRIMARY else np.inf for c in hidden]
    equations = LinearConstraint(np.array(rows), rhs, rhs)
    found = {}
    for k, cell in enumerate(hidden):
        ends = []
        for direction in (1.0, -1.0):
            cost = np.zeros(len(hidden))
            cost[k] = direction
            result = milp(cost, constraints=equations, integrality=np.ones(len(hidden)), bounds=Bounds(lower, upper))
            if direction == 1.0:
                assert result.status == 0, "the true table must be a solution"
            ends.append(direction * result.fun if result.status == 0 else np.inf)
        found[cell] = tuple(ends)
    return found


def random_tables(count: int, seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    tables = []
    for _ in range(count):
        shape = (int(rng.integers(1, 6)), int(rng.integers(1, 5)))
        small = rng.integers(0, THRESHOLD, shape)
        large = rng.integers(0, 80, shape)
        tables.append(np.where(rng.random(shape) < 0.4, small, large))
    return tables


def test_counts_one_to_ten_are_shown_as_less_than_eleven_and_zero_is_shown():
    frame = pd.DataFrame({"county": ["Kay", "Noble", "Payne", "Osage"], "people": [0, 4, 120, 10]})
    result = suppress_frame(frame, ["people"])
    assert list(result.display["people"][:2]) == ["0", "<11"]
    assert result.display["people"][3] == "<11"
    assert result.display["people"][2] in ("120", HIDDEN_MARK)


def test_small_cells_whose_sum_the_total_reveals_get_a_complementary_partner():
    # 134 - 120 = 14 = Noble + Payne: with only those two hidden, Noble would be at least 4, Payne at least 4
    frame = pd.DataFrame({"county": ["Kay", "Noble", "Payne"], "people": [120, 4, 10]})
    result = suppress_frame(frame, ["people"])
    assert list(result.status["people"]) == [COMPLEMENTARY, PRIMARY, PRIMARY]
    assert list(result.display["people"]) == [HIDDEN_MARK, "<11", "<11"]


def test_lone_small_cell_in_a_row_hides_another_cell_of_that_row():
    counts = np.array([[5, 30, 40], [50, 60, 70]])
    _table, status = suppress_matrix(counts)
    assert status[0, 0] == PRIMARY
    row = status[0, :]
    assert (row != SHOWN).sum() >= 2, "a row with one hidden cell gives it away"
    column = status[:, 0]
    assert (column != SHOWN).sum() >= 2, "a column with one hidden cell gives it away"


def test_complementary_cells_are_never_zero_and_never_small():
    for table in random_tables(60, seed=7):
        full, status = suppress_matrix(table)
        assert (full[status == COMPLEMENTARY] >= THRESHOLD).all()
        assert (status[(full >= 1) & (full < THRESHOLD)] == PRIMARY).all()
        assert (status[full == 0] == SHOWN).all()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_solving_the_table_equations_cannot_recover_any_hidden_cell(seed):
    for counts in random_tables(60, seed=seed):
        table, status = suppress_matrix(counts, row_totals=counts.shape[1] > 1)
        for cell, (smallest, largest) in recover(table, status).items():
            assert smallest < largest, f"cell {cell} of\n{table}\nis pinned to {smallest} by\n{status}"
            if status[cell] == PRIMARY:
                # the attacker learns little: at least half of 1..10 stays possible
                assert largest - smallest + 1 >= (THRESHOLD - 1) // 2, (cell, table, status, smallest, largest)


def test_a_fully_shown_table_needs_no_suppression():
    _table, status = suppress_matrix(np.array([[12, 40], [0, 33]]))
    assert (status == SHOWN).all()


def test_percentages_built_from_hidden_counts_are_hidden():
    frame = pd.DataFrame(
        {
            "project": ["A", "B", "C"],
            "exits": [40, 30, 50],
            "to_permanent": [30, 6, 25],
            "rate": [0.75, 0.2, 0.5],
        }
    )
    result = suppress_frame(frame, ["exits", "to_permanent"], rates={"rate": ("to_permanent", "exits")})
    hidden_counts = (result.status["exits"] != SHOWN) | (result.status["to_permanent"] != SHOWN)
    assert hidden_counts[1]
    assert (result.display["rate"][hidden_counts] == HIDDEN_MARK).all()
    assert result.values["rate"][hidden_counts].isna().all()
    assert result.display["rate"][~hidden_counts].str.endswith("%").all()


def test_each_sub_table_is_totalled_and_protected_separately():
    frame = pd.DataFrame(
        {
            "coc": ["OK-500", "OK-500", "OK-500", "OK-507", "OK-507"],
            "type": ["ES", "PSH", "RRH", "ES", "RRH"],
            "people": [40, 7, 25, 55, 12],
        }
    )
    result = suppress_frame(frame, ["people"], tables_by=["coc"])
    ok500 = result.status[frame["coc"] == "OK-500"]["people"]
    assert (ok500 != SHOWN).sum() >= 2  # 7 plus a partner
    assert list(result.column_totals["coc"]) == ["OK-500", "OK-507"]
    assert (result.status[frame["coc"] == "OK-507"]["people"] == SHOWN).all()


def test_threshold_is_configurable():
    frame = pd.DataFrame({"x": ["a", "b", "c"], "n": [3, 30, 40]})
    assert suppress_frame(frame, ["n"], threshold=3).display["n"][0] == "3"
    assert suppress_frame(frame, ["n"], threshold=5).display["n"][0] == "<5"


def test_values_for_charts_carry_no_hidden_count():
    frame = pd.DataFrame({"x": list("abcd"), "n": [3, 30, 40, 90]})
    result = suppress_frame(frame, ["n"])
    hidden = result.status["n"] != SHOWN
    assert result.values["n"][hidden].isna().all()
    assert not result.values["n"].isin(range(1, THRESHOLD)).any()


def test_negative_counts_are_refused():
    with pytest.raises(ValueError, match="negative"):
        suppress_matrix(np.array([[3, -1]]))
