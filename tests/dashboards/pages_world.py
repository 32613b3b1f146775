"""A real small warehouse for the page tests: the APR world's (tests/reports/fixtures/apr/built_world.py: the
generator's ``tiny`` preset, seed 42, FY2026, beside the hand-built APR households of source ``fixture-apr``, ingested
with ``pipelines.ingest.ingest_paths`` and published by ``pipelines.warehouse.build.build_warehouse``), copied into a
home of its own, so the session builds that warehouse once for both; one user per role, scoped from what the
generated sources hold; report artifacts written by ``pipelines.reports.artifacts.write_artifacts`` for a CoC and for
the agency users' agency.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from fixtures.apr.apr_world import SOURCE as APR_SOURCE  # tests/reports (pyproject: pythonpath)
from fixtures.apr.built_world import built_world

from dashboards.roles import Role
from dashboards.settings import get_security_settings
from dashboards.state.auth import Authenticator
from dashboards.state.users import UserRecord, UserStore
from pipelines.config import Settings
from pipelines.reports.artifacts import write_artifacts
from pipelines.reports.model import ReportRequest, ReportTable

PASSWORD = "correct horse battery staple"


@dataclass(frozen=True)
class PagesWorld:
    settings: Settings
    users: dict[Role, UserRecord]
    agency: str  # organization_key of the agency roles
    assigned_projects: tuple[str, ...]  # the Case Manager I's
    funder_code: str  # the Funder's (HUD 2.06.1)

    def query(self, sql: str, params: list | None = None) -> pd.DataFrame:
        con = duckdb.connect(str(self.settings.published_db), read_only=True)
        try:
            return con.execute(sql, params or []).df()
        finally:
            con.close()

    def sign_in(self, role: Role) -> str:
        result = Authenticator(self.settings.app_db, get_security_settings()).sign_in(
            self.users[role].username, PASSWORD
        )
        assert result.token, result.status
        return result.token

    def project_names(self, keys: set[str]) -> set[str]:
        names = self.query("select project_key, project_name from marts.dim_project")
        return set(names.loc[names["project_key"].isin(keys), "project_name"])

    def projects_of(self, role: Role) -> set[str]:
        """Each role's projects, written out from the warehouse's dimensions (not from the access layer)."""
        projects = self.query("select project_key, organization_key from marts.dim_project")
        if role in (Role.SYSTEM_ADMINISTRATOR, Role.PLANNER):
            return set(projects["project_key"])
        if role in (Role.AGENCY_ADMIN, Role.CASE_MANAGER_III, Role.CASE_MANAGER_II):
            return set(projects.loc[projects["organization_key"] == self.agency, "project_key"])
        if role is Role.CASE_MANAGER_I:
            return set(self.assigned_projects)
        funded = self.query(
            "select project_key from marts.bridge_project_funder where cast(funder as varchar) = ?",
            [self.funder_code],
        )
        return set(funded["project_key"])


def _scopes(con: duckdb.DuckDBPyConnection) -> tuple[str, tuple[str, ...], str]:
    """The agency with the most projects, two of its projects and the funder of the most projects, among the
    generated sources (the APR households' source has projects of every kind, not an agency's)."""
    generated = f"{APR_SOURCE}%"
    agency, projects = con.execute(
        "select organization_key, list(project_key order by project_key) from marts.dim_project "
        "where project_key not like ? group by 1 order by count(*) desc, 1 limit 1",
        [generated],
    ).fetchone()
    (funder,) = con.execute(
        "select cast(funder as varchar) from marts.bridge_project_funder where project_key not like ? group by 1 "
        "order by count(distinct project_key) desc, 1 limit 1",
        [generated],
    ).fetchone()
    return agency, tuple(projects[:2]), funder


def _users(settings: Settings, agency: str, projects: tuple[str, ...], funder: str) -> dict[Role, UserRecord]:
    fields = {
        Role.SYSTEM_ADMINISTRATOR: {},
        Role.AGENCY_ADMIN: {"agency_id": agency},
        Role.CASE_MANAGER_III: {"agency_id": agency},
        Role.CASE_MANAGER_II: {"agency_id": agency},
        Role.CASE_MANAGER_I: {"project_ids": list(projects)},
        Role.PLANNER: {},
        Role.FUNDER: {"funder_codes": [funder]},
    }
    store, users = UserStore(settings.app_db), {}
    for role, scope in fields.items():
        name = f"pages-{role.value.replace('_', '-')}"
        store.add(name, role, created_by="pytest", **scope)
        store.set_password(store.require(name).user_id, PASSWORD)
        users[role] = store.require(name)
    return users


def _reports(settings: Settings, agency: str) -> None:
    """One CoC and one agency report build, as the report engine lays them out."""
    frame = pd.DataFrame({"": ["Total persons served", "Adults"], "Count of Clients": [12, 9]})
    for scope_type, ids in (("coc", ("OK-500",)), ("agency", (agency.replace("|", ":", 1),))):
        request = ReportRequest("apr", date(2025, 10, 1), date(2026, 9, 30), scope_type, ids)
        write_artifacts(settings.reports, request, [ReportTable("Q7a", "Persons served", frame)], inputs={})


@pytest.fixture(scope="session")
def pages_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PagesWorld]:
    built = built_world(tmp_path_factory).settings  # the whole dbt build, as `waypoint build` publishes it
    settings = Settings(home=tmp_path_factory.mktemp("pages_home") / "home").ensure()
    for name in ("ingest_db", "published_db"):  # a copy: the pages' users, reports and builds stay in this home
        shutil.copyfile(getattr(built, name), getattr(settings, name))
    con = duckdb.connect(str(settings.published_db), read_only=True)
    try:
        agency, projects, funder = _scopes(con)
    finally:
        con.close()
    users = _users(settings, agency, projects, funder)
    _reports(settings, agency)
    with pytest.MonkeyPatch.context() as env:  # session-wide, so not the function-scoped `monkeypatch`
        env.setenv("WAYPOINT_HOME", str(settings.home))
        yield PagesWorld(settings, users, agency, projects, funder)


@pytest.fixture
def pages_home(pages_world: PagesWorld, monkeypatch: pytest.MonkeyPatch) -> PagesWorld:
    """The session's world with WAYPOINT_HOME pointing at it (other dashboard fixtures move it per module)."""
    monkeypatch.setenv("WAYPOINT_HOME", str(pages_world.settings.home))
    return pages_world


def home_without_marts(tmp: Path, world: PagesWorld) -> PagesWorld:
    """The same users in a home whose published warehouse holds none of the marts the pages read."""
    settings = Settings(home=tmp / "bare").ensure()
    duckdb.connect(str(settings.published_db)).close()
    users = _users(settings, world.agency, world.assigned_projects, world.funder_code)
    return PagesWorld(settings, users, world.agency, world.assigned_projects, world.funder_code)
