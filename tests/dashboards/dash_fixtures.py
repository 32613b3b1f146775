"""A small published warehouse, an ingest database and one user per role, in a temporary WAYPOINT_HOME.

The warehouse holds readable synthetic rows in the shapes dashboards/data/catalog.py declares: two CoCs, three
agencies, six projects, their funders, and person-level enrollments with some projects under 11 people.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from dashboards.roles import Role
from dashboards.settings import get_security_settings
from dashboards.state.auth import Authenticator
from dashboards.state.users import UserRecord, UserStore
from pipelines.config import Settings, get_settings

# project_id, project_name, project_type, agency_id, agency_name, coc_code, people, funder codes
PROJECTS = [
    ("ok-500:P1", "Red Plains Emergency Shelter", "0", "ok-500:A1", "Red Plains Community Action", "OK-500", 40, ["8"]),
    ("ok-500:P2", "Red Plains Supportive Housing", "3", "ok-500:A1", "Red Plains Community Action", "OK-500", 7, ["2"]),
    ("ok-500:P3", "Red Plains Rapid Re-Housing", "13", "ok-500:A1", "Red Plains Community Action", "OK-500", 25, ["3"]),
    ("ok-500:P4", "Cimarron Valley Night Shelter", "0", "ok-500:A2", "Cimarron Valley Mission", "OK-500", 3, ["46"]),
    ("ok-507:P5", "Kiamichi Family Shelter", "0", "ok-507:A3", "Kiamichi Housing Partners", "OK-507", 55, ["8"]),
    ("ok-507:P6", "Kiamichi Rapid Re-Housing", "13", "ok-507:A3", "Kiamichi Housing Partners", "OK-507", 12, ["3"]),
]
AGENCY = "ok-500:A1"
ASSIGNED_PROJECTS = ["ok-500:P2", "ok-500:P3"]
FUNDER_CODE = "3"
PASSWORD = "correct horse battery staple"

SCOPE_FIELDS = {
    Role.SYSTEM_ADMINISTRATOR: {},
    Role.AGENCY_ADMIN: {"agency_id": AGENCY},
    Role.CASE_MANAGER_III: {"agency_id": AGENCY},
    Role.CASE_MANAGER_II: {"agency_id": AGENCY},
    Role.CASE_MANAGER_I: {"project_ids": ASSIGNED_PROJECTS},
    Role.PLANNER: {},
    Role.FUNDER: {"funder_codes": [FUNDER_CODE]},
}


def projects_visible_to(role: Role) -> set[str]:
    """The spec of each role's scope, written out from the fixture rows (not from the code under test)."""
    if role in (Role.SYSTEM_ADMINISTRATOR, Role.PLANNER):
        return {p[0] for p in PROJECTS}
    if role in (Role.AGENCY_ADMIN, Role.CASE_MANAGER_III, Role.CASE_MANAGER_II):
        return {p[0] for p in PROJECTS if p[3] == AGENCY}
    if role is Role.CASE_MANAGER_I:
        return set(ASSIGNED_PROJECTS)
    return {p[0] for p in PROJECTS if FUNDER_CODE in p[7]}


def build_warehouse(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = duckdb.connect(str(path))
    conn.execute("create schema main_marts")
    conn.execute(
        "create table main_marts.dim_project (project_key varchar, organization_key varchar, project_name varchar,"
        " project_type integer, project_type_label varchar, single_coc_code varchar)"
    )
    conn.execute("create table main_marts.bridge_project_funder (project_key varchar, funder integer)")
    conn.execute(
        "create table main.int_enrollments (enrollment_key varchar, source_id varchar, personal_key varchar,"
        " personal_id varchar, project_key varchar, organization_key varchar, entry_date date, exit_date date,"
        " project_type integer, coc_code varchar)"
    )
    conn.execute("create schema meta")
    conn.execute(
        "create table meta.build (build_id varchar, started_at timestamp, finished_at timestamp, dbt_version varchar)"
    )
    conn.execute(
        "insert into meta.build values ('build-1', timestamp '2026-10-01 06:00:00',"
        " timestamp '2026-10-01 06:04:00', '1.11.16')"
    )
    enrollment = 0
    for project_id, name, ptype, agency, agency_name, coc, people, funders in PROJECTS:
        conn.execute(
            "insert into main_marts.dim_project values (?, ?, ?, ?, ?, ?)",
            [project_id, agency, name, int(ptype), agency_name, coc],
        )
        for code in funders:
            conn.execute("insert into main_marts.bridge_project_funder values (?, ?)", [project_id, int(code)])
        source = coc.lower()
        for person in range(people):
            enrollment += 1
            conn.execute(
                "insert into main.int_enrollments values (?, ?, ?, ?, ?, ?, date '2025-01-01' + ?, null, ?, ?)",
                [
                    f"{source}:E{enrollment:05d}",
                    source,
                    f"{source}:C{person:04d}",
                    f"C{person:04d}",
                    project_id,
                    agency,
                    person,
                    int(ptype),
                    coc,
                ],
            )
    conn.close()


def build_ingest_db(path: Path) -> None:
    conn = duckdb.connect(str(path))
    conn.execute("create schema meta")
    conn.execute(
        "create table meta.export_registry (ingest_id varchar, sha256 varchar, source_id varchar,"
        " received_at timestamp, status varchar)"
    )
    conn.execute(
        "create table meta.validation_findings (ingest_id varchar, file varchar, row_number integer,"
        " column_name varchar, rule_id varchar, severity varchar, message varchar, value varchar)"
    )
    conn.execute(
        "insert into meta.export_registry values"
        " ('i1', 'aa', 'ok-500', timestamp '2026-10-01 05:00:00', 'loaded'),"
        " ('i2', 'bb', 'ok-507', timestamp '2026-10-01 05:10:00', 'loaded'),"
        " ('i3', 'cc', 'ok-507', timestamp '2026-10-01 05:20:00', 'rejected')"
    )
    conn.execute(
        "insert into meta.validation_findings values"
        " ('i1', 'Client.csv', 4, 'SSN', 'ssn_format', 'warning', 'SSN has 8 digits: 12345678', '12345678'),"
        " ('i3', 'Export.csv', null, null, 'missing_file', 'fatal', 'Export.csv is missing', null)"
    )
    conn.close()


@dataclass(frozen=True)
class Installation:
    settings: Settings
    auth: Authenticator
    users: dict[Role, UserRecord]

    def sign_in(self, role: Role) -> str:
        result = self.auth.sign_in(self.users[role].username, PASSWORD)
        assert result.token, result.status
        return result.token


def username_for(role: Role) -> str:
    return f"test-{role.value.replace('_', '-')}"


def make_users(settings: Settings) -> dict[Role, UserRecord]:
    store = UserStore(settings.app_db)
    users = {}
    for role, fields in SCOPE_FIELDS.items():
        store.add(username_for(role), role, created_by="pytest", **fields)
        user = store.require(username_for(role))
        store.set_password(user.user_id, PASSWORD)
        users[role] = store.require(username_for(role))
    return users


@pytest.fixture(scope="module")
def installation(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installation]:
    """Module-wide WAYPOINT_HOME (restored afterwards) with warehouse, ingest database and users."""
    home = tmp_path_factory.mktemp("waypoint_home")
    with pytest.MonkeyPatch.context() as env:  # module-wide, so not the function-scoped `monkeypatch`
        env.setenv("WAYPOINT_HOME", str(home))
        settings = get_settings()
        build_warehouse(settings.published_db)
        build_ingest_db(settings.ingest_db)
        users = make_users(settings)
        yield Installation(settings, Authenticator(settings.app_db, get_security_settings()), users)


@pytest.fixture
def empty_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """A fresh WAYPOINT_HOME with nothing built yet."""
    monkeypatch.setenv("WAYPOINT_HOME", str(tmp_path / "home"))
    return get_settings()
