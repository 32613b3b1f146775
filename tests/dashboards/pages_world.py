"""A real small warehouse for the page tests, built once per session: the generator's ``tiny`` preset, ingested with
``pipelines.ingest.ingest_paths`` and published by ``pipelines.warehouse.build.build_warehouse`` (without the
generic data tests and unit tests, which the session's warehouse build runs: docs/testing.md); one user per role,
scoped from what the warehouse holds; report artifacts written by ``pipelines.reports.artifacts.write_artifacts`` for
a CoC and for the agency users' agency.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dashboards.roles import Role
from dashboards.settings import get_security_settings
from dashboards.state.auth import Authenticator
from dashboards.state.users import UserRecord, UserStore
from pipelines.config import Settings
from pipelines.ingest import ingest_paths
from pipelines.reports.artifacts import write_artifacts
from pipelines.reports.model import ReportRequest, ReportTable
from pipelines.synth import generate
from pipelines.warehouse.build import build_warehouse

PASSWORD = "correct horse battery staple"


@dataclass(frozen=True)
class PagesWorld:
    settings: Settings
    users: dict[Role, UserRecord]
    agency: str  # organization_key of the agency roles
    assigned_projects: tuple[str, ...]  # the Case Manager I's
    funder_code: str  # the Funder's (HUD 2.06.1)

    def query(self, sql: str, params: list | None = None) -> pd.DataFrame:
        """Read the published warehouse (one read-only connection per file for the session: opening one costs
        ~0.15 s, and the role tests ask a few hundred questions)."""
        with _connection(self.settings.published_db).cursor() as cursor:
            return cursor.execute(sql, params or []).df()

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


@functools.cache
def _connection(path: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), read_only=True)


def _scopes(con: duckdb.DuckDBPyConnection) -> tuple[str, tuple[str, ...], str]:
    agency, projects = con.execute(
        "select organization_key, list(project_key order by project_key) from marts.dim_project "
        "group by 1 order by count(*) desc, 1 limit 1"
    ).fetchone()
    (funder,) = con.execute(
        "select cast(funder as varchar) from marts.bridge_project_funder group by 1 "
        "order by count(distinct project_key) desc, 1 limit 1"
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
    for scope_type, ids in (("coc", ("OK-500",)), ("agency", (agency,))):
        request = ReportRequest("apr", date(2025, 10, 1), date(2026, 9, 30), scope_type, ids)
        write_artifacts(settings.reports, request, [ReportTable("Q7a", "Persons served", frame)], inputs={})


@pytest.fixture(scope="session")
def pages_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PagesWorld]:
    root = tmp_path_factory.mktemp("pages_home")
    settings = Settings(home=root / "home").ensure()
    generate(root / "synth", preset="tiny", seed=42)
    results = ingest_paths(sorted((root / "synth").glob("*/*.zip")), settings=settings)
    assert {r.status for r in results} == {"loaded"}, results
    # every model and singular test, as `waypoint build` publishes them; the generic data tests and unit tests run
    # in built_warehouse's build (tests/warehouse/conftest.py), whose tiny FY2026 sources are these exports
    build_warehouse(settings, exclude="test_type:generic resource_type:unit_test")
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
