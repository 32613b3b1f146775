"""What rows a signed-in user may see, derived only from the user's stored record (never from the request)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dashboards.ids import funding_source, named
from dashboards.roles import Role, ScopeKind, policy
from dashboards.state.users import UserRecord


@dataclass(frozen=True)
class Scope:
    """None on an axis means "not restricted on it"; an empty set means "nothing"."""

    role: Role
    cocs: frozenset[str] | None
    agency_ids: frozenset[str] | None
    project_ids: frozenset[str] | None
    funder_codes: frozenset[str] | None
    person_level: bool
    suppressed: bool

    def to_dict(self) -> dict[str, Any]:
        """The audit log's record of the scope a page was viewed with."""

        def listed(values: frozenset[str] | None) -> list[str] | str:
            return "all" if values is None else sorted(values)

        return {
            "role": self.role.value,
            "cocs": listed(self.cocs),
            "agencies": listed(self.agency_ids),
            "projects": listed(self.project_ids),
            "funders": listed(self.funder_codes),
            "person_level": self.person_level,
            "suppressed": self.suppressed,
        }

    def describe(self, names: Mapping[str, str] | None = None) -> str:
        """The scope in words, agencies and projects by name (``names``: key -> name) where known."""
        narrowed = self.agency_ids is not None or self.project_ids is not None or self.funder_codes is not None
        parts = (
            []
            if self.cocs is None and narrowed
            else ["all CoCs" if self.cocs is None else f"CoC {', '.join(sorted(self.cocs)) or 'none'}"]
        )
        if self.agency_ids is not None:
            parts.append(f"agency {', '.join(named(a, names) for a in sorted(self.agency_ids)) or 'none'}")
        if self.funder_codes is not None:
            parts.append(f"funding sources {', '.join(funding_source(c) for c in sorted(self.funder_codes)) or 'none'}")
        if self.project_ids is not None:
            listed = sorted(self.project_ids)
            if self.funder_codes is None and len(listed) <= 5:
                parts.append(f"projects {', '.join(named(p, names) for p in listed) or 'none'}")
            else:
                parts.append(f"{len(listed)} project(s)")
        parts.append("person-level" if self.person_level else "aggregate only")
        if self.suppressed:
            parts.append("small counts suppressed")
        return " · ".join(parts)


def scope_for(user: UserRecord, projects_of_funders: Callable[[Iterable[str]], frozenset[str]]) -> Scope:
    """The Scope of a stored user. ``projects_of_funders`` maps funding-source codes to project ids (warehouse)."""
    rule = policy(user.role)
    cocs = frozenset({user.coc_code}) if user.coc_code else None
    agencies = projects = funders = None
    if rule.scope_kind is ScopeKind.AGENCY:
        agencies = frozenset({user.agency_id}) if user.agency_id else frozenset()
    elif rule.scope_kind is ScopeKind.PROJECTS:
        projects = frozenset(user.project_ids)
    elif rule.scope_kind is ScopeKind.FUNDING_SOURCES:
        funders = frozenset(user.funder_codes)
        projects = projects_of_funders(funders) if funders else frozenset()
    return Scope(
        role=user.role,
        cocs=cocs,
        agency_ids=agencies,
        project_ids=projects,
        funder_codes=funders,
        person_level=rule.person_level,
        suppressed=rule.suppressed,
    )
