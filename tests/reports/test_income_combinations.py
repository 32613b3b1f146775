"""Every adult lands in exactly one income category of Q16, Q18, Q20b and Q27h, whatever their records say.

INCOME-TH (fixtures/apr/income_combinations.py) holds one leaver and one stayer per combination of
IncomeFromAnySource x TotalMonthlyIncome x each source's yes/no and amount (864 of them), with the benefits
answers of Q20b riding along, plus the record-selection edge cases. The expected category of each person and
column comes from HUD's chart written again in Python; the cells are the counts of those categories.
"""

from __future__ import annotations

from collections import Counter

import pytest
from fixtures.apr.apr_world import SOURCE, rule_request
from fixtures.apr.built_world import BuiltWorld, built_world
from fixtures.apr.hmis_export import HmisExport
from fixtures.apr.income_combinations import (
    COMBINATIONS,
    IncomePerson,
    add_income_combinations,
    expected_category,
    expected_q16_row,
    expected_q18_row,
    expected_q20b_row,
)

pytestmark = pytest.mark.slow

COLUMNS = ("at_start", "at_annual_assessment", "at_exit")
Q16_ROWS = (
    "no_income", "1_150", "151_250", "251_500", "501_1000", "1001_1500", "1501_2000", "2001_plus", "dk_pnta",
    "data_not_collected", "aa_not_yet_required", "aa_missing", "total",
)  # fmt: skip
Q18_ROWS = (
    "only_earned", "only_other", "both", "no_income", "dk_pnta", "data_not_collected", "aa_not_yet_required",
    "aa_missing", "total",
)  # fmt: skip
Q20B_ROWS = ("no_sources", "one_or_more_sources", "dk_pnta", "data_not_collected", "total")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> BuiltWorld:
    return built_world(tmp_path_factory)


@pytest.fixture(scope="module")
def people() -> list[IncomePerson]:
    return add_income_combinations(HmisExport(SOURCE))


def _expected(person: IncomePerson, column: str, categorise, *, not_owed: str, owed_missing: str) -> str | None:
    """The row of ``person`` in ``column`` (None: not in the column's universe)."""
    if column == "at_start":
        return categorise(person.at_start)
    if column == "at_exit":
        return categorise(person.at_exit) if person.is_leaver else None
    if person.is_leaver:
        return None
    if not person.owes_annual_assessment:
        return not_owed
    return owed_missing if person.at_annual_assessment is None else categorise(person.at_annual_assessment)


def _expected_cells(people, categorise, rows, *, not_owed="aa_not_yet_required", owed_missing="aa_missing"):
    cells = {}
    for column in COLUMNS:
        counted = Counter(
            _expected(p, column, categorise, not_owed=not_owed, owed_missing=owed_missing) for p in people
        )
        counted.pop(None, None)
        counted["total"] = sum(counted.values())
        cells[column] = [counted.get(row, 0) for row in rows]
    return cells


def _cells(world: BuiltWorld, model: str, rows: int) -> dict[str, list[int]]:
    con = world.connect()
    try:
        found = con.execute(
            f"select at_start, at_annual_assessment, at_exit from marts.{model} where request_id = ? "
            "order by row_order limit ?",
            [rule_request("income_combinations", "apr").request_id, rows],
        ).fetchall()
    finally:
        con.close()
    by_column = zip(*found, strict=True)
    return {column: [value or 0 for value in values] for column, values in zip(COLUMNS, by_column, strict=True)}


def test_the_combinations_cover_every_answer_hud_reads():
    assert len(COMBINATIONS) == 6 * 4 * 6 * 6
    assert {expected_category(c) for c in COMBINATIONS} == {"income", "no_income", "dk_pnta", "data_not_collected"}
    assert {expected_q18_row(c) for c in COMBINATIONS} >= {"only_earned", "only_other", "both"}


def test_each_adult_is_in_the_category_hud_gives_their_record(world, people):
    """Person by person and column, the warehouse's category (int_report_cash_income) is the chart's."""
    con = world.connect()
    try:
        found = con.execute(
            """
            select clients.personal_id, income.income_column, income.income_category
            from intermediate.int_report_cash_income as income
            inner join staging.stg_hmis__clients as clients on income.personal_key = clients.personal_key
            where income.request_id = ?
            """,
            [rule_request("income_combinations", "apr").request_id],
        ).fetchall()
    finally:
        con.close()
    actual = {(pid, column): category for pid, column, category in found}
    expected = {}
    for person in people:
        for column in COLUMNS:
            row = _expected(
                person, column, expected_category, not_owed="aa_not_yet_required", owed_missing="aa_missing"
            )
            if row is not None:
                expected[(person.personal_id, column)] = row
    wrong = {key: (actual.get(key), want) for key, want in expected.items() if actual.get(key) != want}
    assert not wrong, f"{len(wrong)} people in the wrong category (found, expected), e.g. {list(wrong.items())[:5]}"
    assert set(actual) == set(expected)


def test_q16_ranges_hold_every_adult_once(world, people):
    adults = [p for p in people if p.personal_id != "IC-X8"]
    assert _cells(world, "hud_apr_q16_cash_income_ranges", len(Q16_ROWS)) == _expected_cells(
        adults, expected_q16_row, Q16_ROWS
    )


def test_q18_categories_hold_every_adult_once(world, people):
    adults = [p for p in people if p.personal_id != "IC-X8"]
    assert _cells(world, "hud_apr_q18_cash_income_categories", len(Q18_ROWS)) == _expected_cells(
        adults, expected_q18_row, Q18_ROWS
    )


def test_q27h_categories_hold_every_youth_once(world, people):
    youth = [p for p in people if p.is_youth]
    assert _cells(world, "hud_apr_q27h_youth_income_categories", len(Q18_ROWS)) == _expected_cells(
        youth, expected_q18_row, Q18_ROWS
    )


def test_q20b_benefit_categories_hold_every_adult_once(world, people):
    adults = [p for p in people if p.personal_id != "IC-X8"]
    assert _cells(world, "hud_apr_q20b_number_of_non_cash_benefit_sources", len(Q20B_ROWS)) == _expected_cells(
        adults, expected_q20b_row, Q20B_ROWS, not_owed="data_not_collected", owed_missing="data_not_collected"
    )


def test_no_hud_rule_fails_for_the_combinations(world):
    con = world.connect()
    try:
        failed = con.execute(
            "select rule from meta.hud_validation_failures where request_id in (?, ?)",
            [rule_request("income_combinations", r).request_id for r in ("apr", "caper")],
        ).fetchall()
    finally:
        con.close()
    assert failed == []
