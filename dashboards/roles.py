"""The roles table (DESIGN: "Organisation and roles") in one place: what each role may see (scope, level) and do
(pages, capabilities).

Pages and the data-access layer both read this module; nothing else decides what a role may do.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pipelines.errors import WaypointError


class Role(StrEnum):
    SYSTEM_ADMINISTRATOR = "system_administrator"
    AGENCY_ADMIN = "agency_admin"
    CASE_MANAGER_III = "case_manager_3"
    CASE_MANAGER_II = "case_manager_2"
    CASE_MANAGER_I = "case_manager_1"
    PLANNER = "planner"
    FUNDER = "funder"


class ScopeKind(StrEnum):
    """Which part of the user's stored record bounds the rows the user may see."""

    ALL_COCS = "all_cocs"
    AGENCY = "agency"
    PROJECTS = "projects"
    FUNDING_SOURCES = "funding_sources"


class Capability(StrEnum):
    MANAGE_ALL_USERS = "manage_all_users"
    MANAGE_AGENCY_USERS = "manage_agency_users"
    VIEW_AUDIT_LOG = "view_audit_log"
    VIEW_PIPELINE_HEALTH = "view_pipeline_health"
    RUN_BUILDS = "run_builds"


# Page keys; dashboards.navigation maps each key to its title and file.
OVERVIEW = "overview"
DATA_QUALITY = "data_quality"
CHECK_EXPORT = "check_export"
HUD_REPORTS = "hud_reports"
TRENDS = "trends"
OUTCOMES = "outcomes"
ADMINISTRATION = "administration"


@dataclass(frozen=True)
class RolePolicy:
    role: Role
    label: str
    scope_kind: ScopeKind
    person_level: bool
    suppressed: bool
    pages: tuple[str, ...]
    capabilities: frozenset[Capability]


_POLICIES = (
    RolePolicy(
        Role.SYSTEM_ADMINISTRATOR,
        "System Administrator",
        ScopeKind.ALL_COCS,
        person_level=True,
        suppressed=False,
        pages=(OVERVIEW, DATA_QUALITY, CHECK_EXPORT, HUD_REPORTS, TRENDS, OUTCOMES, ADMINISTRATION),
        capabilities=frozenset(Capability) - {Capability.MANAGE_AGENCY_USERS},
    ),
    RolePolicy(
        Role.AGENCY_ADMIN,
        "Agency Admin",
        ScopeKind.AGENCY,
        person_level=True,
        suppressed=False,
        pages=(OVERVIEW, DATA_QUALITY, CHECK_EXPORT, HUD_REPORTS, ADMINISTRATION),
        capabilities=frozenset({Capability.MANAGE_AGENCY_USERS}),
    ),
    RolePolicy(
        Role.CASE_MANAGER_III,
        "Case Manager III",
        ScopeKind.AGENCY,
        person_level=True,
        suppressed=False,
        pages=(OVERVIEW, DATA_QUALITY, HUD_REPORTS),
        capabilities=frozenset(),
    ),
    RolePolicy(
        Role.CASE_MANAGER_II,
        "Case Manager II",
        ScopeKind.AGENCY,
        person_level=False,
        suppressed=False,
        pages=(OVERVIEW, DATA_QUALITY, HUD_REPORTS),
        capabilities=frozenset(),
    ),
    RolePolicy(
        Role.CASE_MANAGER_I,
        "Case Manager I",
        ScopeKind.PROJECTS,
        person_level=False,
        suppressed=False,
        pages=(OVERVIEW, DATA_QUALITY, HUD_REPORTS),
        capabilities=frozenset(),
    ),
    RolePolicy(
        Role.PLANNER,
        "Planner",
        ScopeKind.ALL_COCS,
        person_level=False,
        suppressed=True,
        pages=(OVERVIEW, TRENDS),
        capabilities=frozenset(),
    ),
    RolePolicy(
        Role.FUNDER,
        "Funder",
        ScopeKind.FUNDING_SOURCES,
        person_level=False,
        suppressed=True,
        pages=(OVERVIEW, OUTCOMES),
        capabilities=frozenset(),
    ),
)

POLICIES: dict[Role, RolePolicy] = {p.role: p for p in _POLICIES}

# Roles an Agency Admin may give to the users of its own agency.
AGENCY_MANAGED_ROLES = frozenset({Role.AGENCY_ADMIN, Role.CASE_MANAGER_III, Role.CASE_MANAGER_II, Role.CASE_MANAGER_I})


def parse_role(value: str) -> Role:
    """Accepts the role id (``case_manager_2``) or its label (``Case Manager II``)."""
    wanted = value.strip().lower().replace(" ", "_").replace("-", "_")
    for policy in _POLICIES:
        if wanted in (policy.role.value, policy.label.lower().replace(" ", "_")):
            return policy.role
    names = ", ".join(r.value for r in Role)
    raise WaypointError(f"unknown role {value!r}; choose one of: {names}")


def policy(role: Role | str) -> RolePolicy:
    return POLICIES[Role(role)]


def can(role: Role | str, capability: Capability) -> bool:
    return capability in policy(role).capabilities
