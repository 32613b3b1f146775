"""The planning and funder marts on a real tiny warehouse: aggregates only, persons counted once where the spec says."""

from __future__ import annotations

import pytest

from dashboards.data.catalog import PERSON_COLUMNS

pytestmark = pytest.mark.slow

MARTS = [
    "planning_served_by_scope",
    "planning_persons_served",
    "planning_system_flows",
    "planning_returns",
    "funder_project_outcomes",
]
# Persons with a stay active in a quarter, counted by the warehouse client id (the spec, written out independently).
ACTIVE_PERSONS = """
    select coalesce(i.client_id, e.personal_key) as person, e.coc_code, e.organization_key, e.county_fips
    from intermediate.int_enrollments e
    left join intermediate.int_client_identity i on e.personal_key = i.personal_key
    where e.entry_date <= date '2026-03-31' and (e.exit_date is null or e.exit_date >= date '2026-01-01')
"""


def test_planning_and_funder_marts_hold_no_person_level_rows(pages_world):
    tables = pages_world.query("select table_name, table_schema from information_schema.tables")
    names = set(tables["table_name"])
    assert set(MARTS) <= names
    assert not {n for n in names if n.startswith(("planning_", "funder_")) and n not in MARTS}, "a helper was stored"
    for mart in MARTS:
        columns = set(pages_world.query(f"select * from marts.{mart} limit 0").columns)
        assert not PERSON_COLUMNS & columns, mart
        assert not {c for c in columns if c.endswith(("personal_id", "person_key", "enrollment_key"))}, mart


def test_coc_persons_served_counts_each_person_once_across_sources(pages_world):
    mart = pages_world.query(
        "select coc_code, persons_served from marts.planning_served_by_scope where period_type = 'quarter' "
        "and period_start = date '2026-01-01' and scope_level = 'coc' and project_type = 'all' order by 1"
    )
    expected = pages_world.query(
        f"select coc_code, count(distinct person) as persons_served from ({ACTIVE_PERSONS}) group by 1 order by 1"
    )
    assert mart.to_dict("list") == expected.to_dict("list")
    assert mart["persons_served"].sum() > 0


def test_an_agencys_persons_are_distinct_within_the_agency_not_a_sum_of_its_projects(pages_world):
    rows = pages_world.query(
        "select scope_level, organization_key, sum(persons_served) as persons from marts.planning_served_by_scope "
        "where period_type = 'quarter' and period_start = date '2026-01-01' and project_type = 'all' "
        "and scope_level in ('agency', 'project') group by 1, 2"
    ).pivot(index="organization_key", columns="scope_level", values="persons")
    assert (rows["agency"] <= rows["project"]).all()
    expected = pages_world.query(
        f"select organization_key, count(distinct person) as n from ({ACTIVE_PERSONS}) group by 1"
    ).set_index("organization_key")["n"]
    assert rows["agency"].sort_index().astype(int).to_dict() == expected.sort_index().to_dict()


def test_a_tribal_area_counts_persons_served_in_counties_that_overlap_it(pages_world):
    mart = pages_world.query(
        "select coc_code, breakdown_value, persons_served from marts.planning_persons_served "
        "where period_type = 'quarter' and period_start = date '2026-01-01' and breakdown = 'tribal_area' order by 1, 2"
    )
    expected = pages_world.query(
        f"select a.coc_code, b.tribal_area_code as breakdown_value, count(distinct a.person) as persons_served "
        f"from ({ACTIVE_PERSONS}) a join marts.bridge_tribal_area_county b on a.county_fips = b.county_fips "
        "group by 1, 2 order by 1, 2"
    )
    assert not mart.empty
    assert mart.to_dict("list") == expected.to_dict("list")


def test_returns_grow_with_the_window_and_never_exceed_the_exits(pages_world):
    returns = pages_world.query("select * from marts.planning_returns")
    assert not returns.empty
    assert (returns["returned_6m"] <= returns["returned_12m"]).all()
    assert (returns["returned_12m"] <= returns["returned_24m"]).all()
    assert (returns["returned_24m"] <= returns["exits_to_permanent"]).all()
    rate = returns["returned_12m"] / returns["exits_to_permanent"]
    assert (abs(rate - returns["return_rate_12m"]) < 1e-6).all()


def test_inflow_is_split_into_first_time_and_returning_persons(pages_world):
    flows = pages_world.query("select * from marts.planning_system_flows where period_type = 'fiscal_year'")
    served = pages_world.query(
        "select period_start, coc_code, persons_served from marts.planning_persons_served "
        "where period_type = 'fiscal_year' and breakdown = 'coc'"
    )
    joined = flows.merge(served, on=["period_start", "coc_code"])
    assert (joined["inflow_first_time"] + joined["inflow_returning"] <= joined["persons_served"]).all()
    assert joined["inflow_first_time"].sum() > 0


def test_a_project_alone_in_its_type_and_coc_is_its_own_benchmark(pages_world):
    outcomes = pages_world.query("select * from marts.funder_project_outcomes where coc_project_count = 1")
    assert not outcomes.empty
    for measure in ("persons_served", "leavers", "exits_to_permanent", "adults_with_income_pair"):
        assert (outcomes[measure] == outcomes[f"coc_{measure}"]).all(), measure


def test_funder_rates_are_fractions_of_their_own_counts(pages_world):
    outcomes = pages_world.query("select * from marts.funder_project_outcomes where leavers > 0")
    assert not outcomes.empty
    assert ((outcomes["exits_to_permanent"] / outcomes["leavers"] - outcomes["exit_permanent_rate"]).abs() < 1e-6).all()
    assert outcomes["exit_permanent_rate"].between(0, 1).all()
