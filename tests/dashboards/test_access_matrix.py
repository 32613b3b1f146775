"""Role x dataset x scope: no person-level row and no out-of-scope row reaches a role that may not see it."""

from __future__ import annotations

import pandas as pd
import pytest
from dash_fixtures import AGENCY, PROJECTS, projects_visible_to

from dashboards.data.access import AccessDenied, DataAccess
from dashboards.data.admin import AdminAccess
from dashboards.data.catalog import DATASETS, PERSON_COLUMNS, Level
from dashboards.roles import Role, policy
from dashboards.state.users import UserStore

ROLES = list(Role)
PERSON_ROLES = {Role.SYSTEM_ADMINISTRATOR, Role.AGENCY_ADMIN, Role.CASE_MANAGER_III}
PROJECT_COC = {p[0]: p[5] for p in PROJECTS}
PROJECT_AGENCY = {p[0]: p[3] for p in PROJECTS}
PROJECTS_OF_TYPE = {}
for _p in PROJECTS:
    PROJECTS_OF_TYPE.setdefault((_p[5], _p[2]), set()).add(_p[0])


def check_rows_in_scope(role: Role, frame: pd.DataFrame) -> None:
    visible = projects_visible_to(role)
    if "project_key" in frame:
        assert set(frame["project_key"]) <= visible, f"{role}: rows of projects outside its scope"
    if "organization_key" in frame:
        assert set(frame["organization_key"]) <= {PROJECT_AGENCY[p] for p in visible}
    for coc_column in ("coc_code", "single_coc_code"):
        if coc_column in frame:
            assert set(frame[coc_column]) <= {PROJECT_COC[p] for p in visible}
    if "project_type" in frame and "coc_code" in frame and "project_key" not in frame:
        for coc, ptype in zip(frame["coc_code"], frame["project_type"], strict=True):
            assert PROJECTS_OF_TYPE[(coc, str(ptype))] & visible


# The datasets over the relations dash_fixtures builds; the data pages' marts are checked on a real warehouse in
# test_pages_access.py.
FIXTURE_DATASETS = sorted(n for n, d in DATASETS.items() if d.relation in {"dim_project", "int_enrollments"})


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", FIXTURE_DATASETS)
def test_every_role_gets_only_rows_in_scope_and_level(installation, role, name):
    access = DataAccess(installation.users[role], installation.settings)
    dataset = DATASETS[name]
    call = access.person_level if dataset.level is Level.PERSON else access.aggregate
    may_see_people = policy(role).person_level
    if dataset.level is Level.PERSON and not may_see_people:
        with pytest.raises(AccessDenied):
            call(name)
        return
    answer = call(name)
    assert not answer.empty, f"{role} should see some {name} in the fixture"
    check_rows_in_scope(role, answer.table)
    if dataset.level is Level.AGGREGATE:
        assert not PERSON_COLUMNS & set(answer.table.columns)


@pytest.mark.parametrize("role", ROLES)
def test_person_level_rows_reach_only_person_level_roles(installation, role):
    access = DataAccess(installation.users[role], installation.settings)
    if role in PERSON_ROLES:
        rows = access.person_level("enrollments").table
        assert set(rows["project_key"]) == projects_visible_to(role)
    else:
        with pytest.raises(AccessDenied, match="aggregate"):
            access.person_level("enrollments")


@pytest.mark.parametrize("role", ROLES)
def test_aggregate_functions_refuse_person_level_datasets(installation, role):
    with pytest.raises(AccessDenied):
        DataAccess(installation.users[role], installation.settings).aggregate("enrollments")


@pytest.mark.parametrize("role", [Role.PLANNER, Role.FUNDER])
def test_planner_and_funder_counts_are_suppressed(installation, role):
    access = DataAccess(installation.users[role], installation.settings)
    for name in ("people_served_by_project", "people_served_by_project_type"):
        answer = access.aggregate(name)
        shown = pd.to_numeric(answer.table["people_served"].str.replace(",", ""), errors="coerce")
        assert not shown.between(1, 10).any(), f"{role} sees a small count in {name}"
        assert answer.values["people_served"].dropna().ge(11).all()
        assert answer.suppression is not None
    if role is Role.PLANNER:  # projects of 7 and 3 people are in a planner's view
        assert access.aggregate("people_served_by_project").suppression.hidden_cells >= 2


def test_roles_without_suppression_see_exact_counts(installation):
    answer = DataAccess(installation.users[Role.CASE_MANAGER_II], installation.settings).aggregate(
        "people_served_by_project"
    )
    counts = dict(zip(answer.table["project_key"], answer.table["people_served"], strict=True))
    assert counts == {"ok-500:P1": 40, "ok-500:P2": 7, "ok-500:P3": 25}


@pytest.mark.parametrize("role", ROLES)
def test_page_filters_can_narrow_but_never_widen_the_scope(installation, role):
    access = DataAccess(installation.users[role], installation.settings)
    everything = {p[0] for p in PROJECTS}
    answer = access.aggregate("projects", where={"project_key": sorted(everything)})
    assert set(answer.table["project_key"]) == projects_visible_to(role)
    outside = sorted(everything - projects_visible_to(role))
    if outside:
        assert access.aggregate("projects", where={"project_key": outside}).empty


def test_filters_on_undeclared_columns_are_refused(installation):
    access = DataAccess(installation.users[Role.CASE_MANAGER_II], installation.settings)
    with pytest.raises(AccessDenied):
        access.aggregate("projects", where={"1=1) or (organization_key": ["x"]})


def test_a_datasets_without_the_scope_column_is_refused_not_shown_unfiltered(installation, monkeypatch):
    from dashboards.data import catalog

    narrow = catalog.Dataset(
        name="coc_only",
        relation="dim_project",
        level=Level.AGGREGATE,
        columns=("single_coc_code",),
        scope=catalog.ScopeColumns(coc="single_coc_code", agency=None, project=None),
    )
    monkeypatch.setitem(catalog.DATASETS, "coc_only", narrow)
    assert not DataAccess(installation.users[Role.PLANNER], installation.settings).aggregate("coc_only").empty
    for role in (Role.AGENCY_ADMIN, Role.CASE_MANAGER_I, Role.FUNDER):
        with pytest.raises(AccessDenied, match="cannot be narrowed"):
            DataAccess(installation.users[role], installation.settings).aggregate("coc_only")


def test_scope_follows_the_stored_record_only(installation):
    """Changing the stored record is the one way to change what a user sees."""
    user = installation.users[Role.CASE_MANAGER_II]
    store = UserStore(installation.settings.app_db)
    before = DataAccess(store.require(user.username), installation.settings).aggregate("projects")
    assert set(before.table["organization_key"]) == {AGENCY}
    store.set_scope(user.username, coc_code=None, agency_id="ok-507:A3", project_ids=None, funder_codes=None)
    try:
        after = DataAccess(store.require(user.username), installation.settings).aggregate("projects")
        assert set(after.table["organization_key"]) == {"ok-507:A3"}
    finally:
        store.set_scope(user.username, coc_code=None, agency_id=AGENCY, project_ids=None, funder_codes=None)


@pytest.mark.parametrize("role", ROLES)
def test_administration_is_gated_by_capability(installation, role):
    admin = AdminAccess(installation.users[role], installation.settings)
    if role is Role.SYSTEM_ADMINISTRATOR:
        assert len(admin.list_users()) >= len(ROLES)
        admin.audit.record("page_view", username="someone", page="overview")
        assert "someone" in set(admin.audit_log(events=["page_view"])["username"])
        assert admin.pipeline_health().ingests is not None
        return
    with pytest.raises(AccessDenied):
        admin.audit_log()
    with pytest.raises(AccessDenied):
        admin.pipeline_health()
    if role is Role.AGENCY_ADMIN:
        assert {u.agency_id for u in admin.list_users()} == {AGENCY}
    else:
        with pytest.raises(AccessDenied):
            admin.list_users()


def test_agency_admin_manages_only_its_own_agency(installation):
    admin = AdminAccess(installation.users[Role.AGENCY_ADMIN], installation.settings)
    with pytest.raises(AccessDenied):
        admin.add_user("boss", Role.SYSTEM_ADMINISTRATOR)
    with pytest.raises(AccessDenied):
        admin.add_user("other", Role.CASE_MANAGER_II, agency_id="ok-507:A3")
    with pytest.raises(AccessDenied):
        admin.add_user("cm1-out", Role.CASE_MANAGER_I, project_ids=["ok-507:P5"])
    with pytest.raises(AccessDenied):
        admin.reset(installation.users[Role.PLANNER].username)
    password = admin.add_user("cm1-in", Role.CASE_MANAGER_I, project_ids=["ok-500:P1"])
    created = UserStore(installation.settings.app_db).require("cm1-in")
    assert password and created.agency_id == AGENCY and created.project_ids == ("ok-500:P1",)
    assert (
        AdminAccess(installation.users[Role.SYSTEM_ADMINISTRATOR], installation.settings)
        .audit_log(events=["user_added"], username=installation.users[Role.AGENCY_ADMIN].username)
        .shape[0]
        == 1
    )
