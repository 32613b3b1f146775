"""Role x dataset x scope for the data pages' datasets on a real warehouse: a role gets only the levels its scope
can be narrowed to, only rows inside its scope, no person-level row unless it may see people, and planners and
funders never see a count from 1 to 10."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboards.data.access import AccessDenied, DataAccess
from dashboards.data.catalog import DATASETS, PERSON_COLUMNS, Level
from dashboards.roles import Role

pytestmark = pytest.mark.slow

ALL = set(Role)
AGENCY_ROLES = {Role.AGENCY_ADMIN, Role.CASE_MANAGER_III, Role.CASE_MANAGER_II}
COC_WIDE = {Role.SYSTEM_ADMINISTRATOR, Role.PLANNER}
# Who may read each dataset, by what its rows can be narrowed to (the spec, written out).
ALLOWED = {
    "activity_by_coc": COC_WIDE,
    "activity_by_agency": COC_WIDE | AGENCY_ROLES,
    "activity_by_project": ALL,
    "dq_scorecards_project": ALL,
    "dq_scorecards_agency": COC_WIDE | AGENCY_ROLES,
    "dq_scorecards_coc": COC_WIDE,
    "trends_persons_served": COC_WIDE,
    "trends_system_flows": COC_WIDE,
    "trends_returns": COC_WIDE,
    "funded_project_outcomes": ALL,
    "dq_records_to_fix": {Role.SYSTEM_ADMINISTRATOR, Role.AGENCY_ADMIN, Role.CASE_MANAGER_III},
    "dq_check_settings": ALL,  # shared: about no one
    "dq_check_catalogue": ALL,
    "project_names": ALL,
    "agency_names": ALL - {Role.CASE_MANAGER_I, Role.FUNDER},
}
for _prefix in ("dq_metrics", "dq_framework_elements", "dq_framework_chronic", "dq_framework_timeliness"):
    ALLOWED[f"{_prefix}_coc"] = COC_WIDE
    ALLOWED[f"{_prefix}_agency"] = COC_WIDE | AGENCY_ROLES
    ALLOWED[f"{_prefix}_project"] = COC_WIDE | {Role.CASE_MANAGER_I, Role.FUNDER}
for _level, _roles in (("coc", COC_WIDE), ("agency", COC_WIDE | AGENCY_ROLES)):
    ALLOWED[f"dq_framework_inactive_{_level}"] = _roles
ALLOWED["dq_framework_inactive_project"] = COC_WIDE | {Role.CASE_MANAGER_I, Role.FUNDER}


def test_every_page_dataset_has_an_expectation():
    framework = {"projects", "people_served_by_project", "people_served_by_project_type", "enrollments"}
    assert set(DATASETS) - framework == set(ALLOWED)


def check_in_scope(world, role: Role, name: str, frame: pd.DataFrame) -> None:
    projects = world.projects_of(role)
    dims = world.query("select project_key, organization_key, single_coc_code from marts.dim_project")
    agencies = set(dims.loc[dims["project_key"].isin(projects), "organization_key"])
    if "project_key" in frame:
        assert set(frame["project_key"].dropna()) <= projects, f"{role} {name}: projects outside the scope"
    if "organization_key" in frame and role is not Role.FUNDER:
        assert set(frame["organization_key"].dropna()) <= agencies, f"{role} {name}: agencies outside the scope"
    if "scope_key" in frame:
        level = name.rsplit("_", 1)[1]
        allowed = {"project": projects, "agency": agencies}.get(level)
        if allowed is not None and role not in COC_WIDE:
            assert set(frame["scope_key"]) <= allowed, f"{role} {name}: {level}s outside the scope"
    if "funder" in frame and role is Role.FUNDER:
        assert set(frame["funder"]) == {world.funder_code}


def one_period(world, name: str) -> dict[str, list[str]]:
    """Every scope and level, one period (suppressing every period of every table makes the test slow, not better)."""
    columns = DATASETS[name].columns
    if "period_type" in columns:
        return {"period_type": ["quarter" if name.startswith("activity_by_") else "fiscal_year"]}
    if "period_id" in columns:
        latest = world.query("select max(period_id) as p from marts.dq_periods")["p"].iloc[0]
        return {"period_id": [latest]}
    return {}


@pytest.mark.parametrize("role", list(Role))
def test_each_role_reads_only_its_levels_and_rows_of_the_page_datasets(pages_world, role):
    access = DataAccess(pages_world.users[role], pages_world.settings)
    seen = 0
    for name, roles in ALLOWED.items():
        dataset = DATASETS[name]
        call = access.person_level if dataset.level is Level.PERSON else access.aggregate
        if role not in roles:
            with pytest.raises(AccessDenied):
                call(name)
            continue
        answer = call(name, where=one_period(pages_world, name))
        check_in_scope(pages_world, role, name, answer.values)
        if dataset.level is Level.AGGREGATE:
            assert not PERSON_COLUMNS & set(answer.table.columns), name
        seen += len(answer.table)
        if answer.suppression is not None:
            for count in dataset.counts:
                shown = answer.values[count].dropna()
                assert not shown.between(1, 10).any(), f"{role} sees a small count in {name}.{count}"
    assert seen > 0, f"{role} sees nothing at all"


@pytest.mark.parametrize("role", [Role.PLANNER, Role.FUNDER])
def test_planners_and_funders_see_small_counts_as_less_than_11(pages_world, role):
    access = DataAccess(pages_world.users[role], pages_world.settings)
    name = "trends_persons_served" if role is Role.PLANNER else "funded_project_outcomes"
    answer = access.aggregate(name, where={"period_type": ["fiscal_year"]})
    labels = answer.table[list(answer.dataset.counts)].astype(str)
    assert labels.isin(["<11"]).any().any()
    assert answer.suppression.hidden_cells > 0
    for rate, (numerator, denominator) in answer.dataset.rates.items():
        hidden = answer.values[numerator].isna() | answer.values[denominator].isna()
        assert answer.values.loc[hidden, rate].isna().all(), f"{rate} shown from a hidden count"


def test_a_funders_benchmark_is_hidden_with_the_counts_it_is_built_from(pages_world):
    answer = DataAccess(pages_world.users[Role.FUNDER], pages_world.settings).aggregate("funded_project_outcomes")
    values = answer.values
    hidden = values["coc_leavers"].isna() | values["coc_exits_to_permanent"].isna()
    assert values.loc[hidden, "coc_exit_permanent_rate"].isna().all()
    raw = DataAccess(pages_world.users[Role.SYSTEM_ADMINISTRATOR], pages_world.settings).aggregate(
        "funded_project_outcomes", where={"funder": [pages_world.funder_code]}
    )
    keys = ["period_type", "period_start", "project_key"]
    both = raw.values[[*keys, "coc_leavers"]].merge(values[[*keys, "coc_leavers"]], on=keys, suffixes=("_raw", ""))
    assert len(both) == len(values) == len(raw.values)
    assert both.loc[both["coc_leavers_raw"].between(1, 10), "coc_leavers"].isna().all()


def test_records_to_fix_are_the_agencys_own(pages_world):
    rows = DataAccess(pages_world.users[Role.AGENCY_ADMIN], pages_world.settings).person_level("dq_records_to_fix")
    everyone = DataAccess(pages_world.users[Role.SYSTEM_ADMINISTRATOR], pages_world.settings).person_level(
        "dq_records_to_fix"
    )
    assert set(rows.table["organization_key"]) <= {pages_world.agency}
    agency_rows = everyone.table[everyone.table["organization_key"] == pages_world.agency]
    assert len(rows.table) == len(agency_rows)
    assert len(everyone.table) > len(rows.table)


def test_local_setting_checks_are_records_to_fix_of_the_agency_that_owns_them(pages_world):
    """Long stayers, possible missed move-ins, services-only/CE inactivity and projects that may have closed
    (issue 12) reach the work list like any other check, each agency seeing its own."""
    local = {"date_long_stayer", "date_possible_missed_move_in", "inact_services_no_recent_contact"}
    local |= {"proj_operating_end_missing"}
    admin = DataAccess(pages_world.users[Role.SYSTEM_ADMINISTRATOR], pages_world.settings)
    everyone = admin.person_level("dq_records_to_fix").table
    assert local <= set(everyone["check_id"])
    mine = DataAccess(pages_world.users[Role.AGENCY_ADMIN], pages_world.settings).person_level("dq_records_to_fix")
    theirs = everyone[everyone["check_id"].isin(local) & (everyone["organization_key"] == pages_world.agency)]
    assert len(mine.table[mine.table["check_id"].isin(local)]) == len(theirs)


def test_a_cell_has_one_fate_in_every_filtered_view_of_a_page(pages_world):
    """The county map's filtered answer shows each county as the whole page's suppression decided."""
    planner = DataAccess(pages_world.users[Role.PLANNER], pages_world.settings)
    whole = planner.aggregate("trends_persons_served", where={"period_type": ["quarter"]})
    period = whole.values["period_label"].iloc[-1]
    counties = planner.aggregate(
        "trends_persons_served", where={"period_type": ["quarter"], "breakdown": ["county"], "period_label": [period]}
    )
    keys = ["period_label", "coc_code", "breakdown", "breakdown_value"]
    both = counties.table[[*keys, "persons_served"]].merge(whole.table[[*keys, "persons_served"]], on=keys)
    assert len(both) == len(counties.table) > 0
    assert (both["persons_served_x"] == both["persons_served_y"]).all()


def test_the_planner_map_colours_every_county_with_11_or_more_that_no_total_pins(pages_world):
    """Counties add up to at least their CoC (people move), so a big county never has to hide for a small one."""
    planner = DataAccess(pages_world.users[Role.PLANNER], pages_world.settings)
    raw = DataAccess(pages_world.users[Role.SYSTEM_ADMINISTRATOR], pages_world.settings)
    where = {"period_type": ["quarter"], "breakdown": ["county"]}
    shown, truth = (
        planner.aggregate("trends_persons_served", where=where),
        raw.aggregate("trends_persons_served", where=where),
    )
    big = truth.values["persons_served"] >= 11
    assert big.any()
    assert shown.values.loc[big, "persons_served"].notna().mean() > 0.9
    assert shown.values.loc[~big & (truth.values["persons_served"] > 0), "persons_served"].isna().all()


def test_the_funders_headline_figures_are_numbers(pages_world):
    from dashboards.ui.views import headline

    funder = DataAccess(pages_world.users[Role.FUNDER], pages_world.settings)
    answer = funder.aggregate(
        "activity_by_project",
        where={"period_type": ["quarter"], "project_type": ["all"], "scope_level": ["project"]},
    )
    complete = answer.values[answer.values["is_complete_period"].astype(bool)]
    label, value = headline(answer, complete["period_start"].iloc[-1], "persons_served")
    assert value is not None and value >= 11 and label == f"{int(value):,}"
