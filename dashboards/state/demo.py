"""One demo user per role for `make demo`, scoped to real agencies, projects and funders of the warehouse."""

from __future__ import annotations

from dataclasses import dataclass

from dashboards.data.catalog import PROJECT_FUNDERS, PROJECTS
from dashboards.data.names import warehouse_names
from dashboards.data.warehouse import DataNotReady, find_relation, read_only
from dashboards.roles import Role
from dashboards.state.audit import AuditLog
from dashboards.state.users import UserStore
from pipelines.config import Settings

DEMO_NAMES = {
    Role.SYSTEM_ADMINISTRATOR: "demo-sysadmin",
    Role.AGENCY_ADMIN: "demo-agency-admin",
    Role.CASE_MANAGER_III: "demo-case-manager-3",
    Role.CASE_MANAGER_II: "demo-case-manager-2",
    Role.CASE_MANAGER_I: "demo-case-manager-1",
    Role.PLANNER: "demo-planner",
    Role.FUNDER: "demo-funder",
}
# Used only when the warehouse has not been built yet: such users see nothing until `waypoint users demo` reruns.
PLACEHOLDER_AGENCY = "no-warehouse-yet"
PLACEHOLDER_FUNDER = "2"  # HUD 2.06.1: CoC – Permanent Supportive Housing


@dataclass(frozen=True)
class DemoScope:
    agency_id: str
    project_ids: tuple[str, ...]
    funder_code: str
    from_warehouse: bool


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: Role
    scope: str
    password: str


def demo_scope(settings: Settings) -> DemoScope:
    """The agency with the most projects, two of its projects, and the funding source of the most projects."""
    try:
        with read_only(settings.published_db) as conn:
            projects = find_relation(conn, PROJECTS)
            if projects is None:
                raise DataNotReady("no projects")
            agency = conn.execute(
                f"select organization_key from {projects} group by 1 order by count(*) desc, 1 limit 1"
            ).fetchone()
            if agency is None:
                raise DataNotReady("no projects")
            chosen = conn.execute(
                f"select project_key from {projects} where organization_key = ? order by 1 limit 2", [agency[0]]
            ).fetchall()
            funder = None
            funders = find_relation(conn, PROJECT_FUNDERS)
            if funders is not None:
                funder = conn.execute(
                    f"select cast(funder as varchar) from {funders} group by 1 order by count(*) desc, 1 limit 1"
                ).fetchone()
    except DataNotReady:
        return DemoScope(PLACEHOLDER_AGENCY, (PLACEHOLDER_AGENCY,), PLACEHOLDER_FUNDER, from_warehouse=False)
    return DemoScope(
        str(agency[0]),
        tuple(str(r[0]) for r in chosen),
        str(funder[0]) if funder else PLACEHOLDER_FUNDER,
        from_warehouse=True,
    )


def create_demo_users(settings: Settings, *, actor: str = "make demo") -> tuple[list[DemoUser], DemoScope]:
    """Creates (or resets and re-scopes) one user per role; returns their one-time passwords."""
    store, audit = UserStore(settings.app_db), AuditLog(settings.app_db)
    scope = demo_scope(settings)
    names = warehouse_names(settings)
    fields = {
        Role.AGENCY_ADMIN: {"agency_id": scope.agency_id},
        Role.CASE_MANAGER_III: {"agency_id": scope.agency_id},
        Role.CASE_MANAGER_II: {"agency_id": scope.agency_id},
        # the Case Manager I of two of the agency's projects: its agency's admin manages it
        Role.CASE_MANAGER_I: {"agency_id": scope.agency_id, "project_ids": list(scope.project_ids)},
        Role.FUNDER: {"funder_codes": [scope.funder_code]},
    }
    created: list[DemoUser] = []
    for role, username in DEMO_NAMES.items():
        extra = fields.get(role, {})
        if store.get(username) is None:
            password = store.add(username, role, created_by=actor, **extra)
            audit.record("user_added", username=actor, detail={"user": username, "demo": True})
        else:
            store.set_scope(
                username,
                coc_code=None,
                agency_id=extra.get("agency_id"),
                project_ids=extra.get("project_ids"),
                funder_codes=extra.get("funder_codes"),
            )
            store.set_disabled(username, False)
            password = store.reset(username)
            audit.record("user_reset", username=actor, detail={"user": username, "demo": True})
        created.append(DemoUser(username, role, store.require(username).scope_summary(names), password))
    return created, scope
