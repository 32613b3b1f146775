"""The generated staging layer stays true to the HUD spec: no drift, every column, readable names."""

from __future__ import annotations

import re

import pytest

from pipelines.spec import FILE_ORDER, load_spec
from pipelines.warehouse import staging_codegen
from pipelines.warehouse.dbt_paths import DBT_PROJECT_DIR
from pipelines.warehouse.naming import snake_case
from pipelines.warehouse.staging_columns import foreign_keys, staged_columns


def test_committed_staging_models_match_the_spec():
    assert staging_codegen.drifted() == [], "run `python -m pipelines.warehouse.staging_codegen` and commit"


@pytest.mark.parametrize("file", FILE_ORDER)
def test_every_hud_column_of_both_versions_is_staged(file):
    staged = {c.hud_column for c in staged_columns(file)}
    fy2026 = set(load_spec("fy2026").file(file).column_names)
    fy2024 = set(load_spec("fy2024").file(file).column_names) - {"HispanicLatinaeo"}  # folded into HispanicLatinao
    assert (fy2026 | fy2024) - {"DateDeleted"} <= staged


@pytest.mark.parametrize(
    ("hud", "snake"),
    [
        ("RelationshipToHoH", "relationship_to_hoh"),
        ("EnrollmentCoC", "enrollment_coc"),
        ("ProjectCoCID", "project_coc_id"),
        ("HealthAndDVID", "health_and_dv_id"),
        ("DOBDataQuality", "dob_data_quality"),
        ("DateToStreetESSH", "date_to_street_essh"),
        ("MidEastNAfrican", "mid_east_n_african"),
        ("HH5Plus", "hh5_plus"),
        ("DependentUnder6", "dependent_under_6"),
    ],
)
def test_hud_names_become_readable_snake_case(hud, snake):
    assert snake_case(hud) == snake


def test_staged_column_names_are_unique_lowercase_identifiers():
    for file in FILE_ORDER:
        names = [c.name for c in staged_columns(file)]
        assert len(names) == len(set(names)), file
        assert all(re.fullmatch(r"[a-z][a-z0-9_]*", n) for n in names), file


def test_foreign_keys_come_from_hud_rule_sheet():
    assert {(fk.column, fk.file) for fk in foreign_keys("Affiliation")} == {
        ("ProjectID", "Project"),
        ("ResProjectID", "Project"),
    }
    references = {c.name: c.references for c in staged_columns("Exit") if c.references}
    assert references == {"enrollment_key": "stg_hmis__enrollments", "personal_key": "stg_hmis__clients"}


def test_income_sources_macro_lists_every_cash_income_amount_of_the_spec():
    income = load_spec("fy2026").file("IncomeBenefits")
    amounts = {snake_case(c.name) for c in income.columns if c.dtype in ("M", "M+") and c.name != "TotalMonthlyIncome"}
    macro = (DBT_PROJECT_DIR / "macros" / "hud" / "income.sql").read_text()
    pairs = set(re.findall(r"\('([a-z_]+)', '([a-z_]+)'\)", macro))
    assert {amount for _, amount in pairs} == amounts
    flags = {snake_case(c.name) for c in income.columns if c.value_list == "1.7"}
    assert {flag for flag, _ in pairs} <= flags
