"""User accounts: who they are, their role and stored scope, and their password state.

The stored record is the only source of a user's role and scope (dashboards.scope builds the Scope from it).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dashboards.ids import clean, cleaned, funding_source, named
from dashboards.roles import Role, ScopeKind, policy
from dashboards.state.db import connect, from_text, to_text, utc_now
from dashboards.state.passwords import hash_password, one_time_password
from pipelines.errors import WaypointError

_USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$")


@dataclass(frozen=True)
class UserRecord:
    user_id: int
    username: str
    role: Role
    coc_code: str | None
    agency_id: str | None
    project_ids: tuple[str, ...]
    funder_codes: tuple[str, ...]
    must_change_password: bool
    disabled: bool
    failed_sign_ins: int  # failures not yet followed by a lock or a sign-in, from every client
    locked_until: datetime | None  # the latest end of a lockout of this name from any client (throttle.py)
    created_at: datetime
    created_by: str

    def scope_summary(self, names: Mapping[str, str] | None = None) -> str:
        """Role and scope in words: agencies and projects by name (``names``: key -> name) and written id."""
        parts = [policy(self.role).label]
        if self.coc_code:
            parts.append(f"CoC {self.coc_code}")
        if self.agency_id:
            parts.append(f"agency {named(self.agency_id, names)}")
        if self.project_ids:
            parts.append(f"projects {', '.join(named(p, names) for p in self.project_ids)}")
        if self.funder_codes:
            parts.append(f"funding sources {', '.join(funding_source(c) for c in self.funder_codes)}")
        return "; ".join(parts)


# A user's failed sign-ins live per (name, client) in sign_in_failures (dashboards/state/throttle.py).
_SELECT = (
    "select users.*,"
    " (select coalesce(sum(f.failed_sign_ins), 0) from sign_in_failures f where f.name = users.username) as failures,"
    " (select max(f.locked_until) from sign_in_failures f where f.name = users.username) as locked_to"
    " from users"
)


def _record(row: sqlite3.Row) -> UserRecord:
    return UserRecord(
        user_id=row["user_id"],
        username=row["username"],
        role=Role(row["role"]),
        coc_code=row["coc_code"],
        agency_id=row["agency_id"],
        project_ids=tuple(json.loads(row["project_ids"])),
        funder_codes=tuple(json.loads(row["funder_codes"])),
        must_change_password=bool(row["must_change_password"]),
        disabled=bool(row["disabled"]),
        failed_sign_ins=row["failures"],
        locked_until=from_text(row["locked_to"]) if row["locked_to"] else None,
        created_at=from_text(row["created_at"]),
        created_by=row["created_by"],
    )


def _clean_list(values: list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    return tuple(sorted({v.strip() for v in values or () if v and v.strip()}))


def check_scope_fields(
    role: Role, agency_id: str | None, project_ids: tuple[str, ...], funder_codes: tuple[str, ...]
) -> None:
    """Each role needs exactly the scope fields its scope kind names, so no account is created half-scoped."""
    kind = policy(role).scope_kind
    if kind is ScopeKind.AGENCY and not agency_id:
        raise WaypointError(f"a {policy(role).label} needs --agency")
    if kind is ScopeKind.PROJECTS and not project_ids:
        raise WaypointError(f"a {policy(role).label} needs --projects (the projects assigned)")
    if kind is ScopeKind.FUNDING_SOURCES and not funder_codes:
        raise WaypointError(f"a {policy(role).label} needs --funder-sources (HUD funder codes)")
    if kind is not ScopeKind.FUNDING_SOURCES and funder_codes:
        raise WaypointError("only a Funder has funding sources")


@dataclass(frozen=True)
class UserStore:
    path: Path

    def add(
        self,
        username: str,
        role: Role,
        *,
        created_by: str,
        coc_code: str | None = None,
        agency_id: str | None = None,
        project_ids: list[str] | tuple[str, ...] | None = None,
        funder_codes: list[str] | tuple[str, ...] | None = None,
    ) -> str:
        """Creates the account and returns its one-time password (to be changed at first sign-in)."""
        if not _USERNAME.match(username):
            raise WaypointError("a user name has 2-64 letters, digits, '.', '_', '@' or '-' and starts with one")
        projects, funders = cleaned(_clean_list(project_ids)), _clean_list(funder_codes)
        agency = clean(agency_id) if agency_id and agency_id.strip() else None
        check_scope_fields(role, agency, projects, funders)
        password = one_time_password()
        with connect(self.path) as conn:
            if conn.execute("select 1 from users where username = ?", (username,)).fetchone():
                raise WaypointError(f"user {username!r} exists already")
            conn.execute(
                "insert into users (username, role, coc_code, agency_id, project_ids, funder_codes, password_hash,"
                " must_change_password, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                (
                    username,
                    role.value,
                    coc_code or None,
                    agency,
                    json.dumps(projects),
                    json.dumps(funders),
                    hash_password(password),
                    to_text(utc_now()),
                    created_by,
                ),
            )
        return password

    def get(self, username: str) -> UserRecord | None:
        with connect(self.path) as conn:
            row = conn.execute(f"{_SELECT} where username = ?", (username,)).fetchone()
        return _record(row) if row else None

    def get_by_id(self, user_id: int) -> UserRecord | None:
        with connect(self.path) as conn:
            row = conn.execute(f"{_SELECT} where user_id = ?", (user_id,)).fetchone()
        return _record(row) if row else None

    def require(self, username: str) -> UserRecord:
        user = self.get(username)
        if user is None:
            raise WaypointError(f"no user named {username!r}")
        return user

    def list(self, *, agency_id: str | None = None) -> list[UserRecord]:
        with connect(self.path) as conn:
            if agency_id is None:
                rows = conn.execute(f"{_SELECT} order by username").fetchall()
            else:
                sql = f"{_SELECT} where agency_id = ? order by username"
                rows = conn.execute(sql, (agency_id,)).fetchall()
        return [_record(r) for r in rows]

    def set_disabled(self, username: str, disabled: bool) -> None:
        """Disabling also ends the user's open sessions."""
        user = self.require(username)
        with connect(self.path) as conn:
            conn.execute("update users set disabled = ? where user_id = ?", (int(disabled), user.user_id))
            if disabled:
                conn.execute("delete from sessions where user_id = ?", (user.user_id,))

    def reset(self, username: str) -> str:
        """New one-time password; clears a lockout and ends open sessions."""
        user = self.require(username)
        password = one_time_password()
        with connect(self.path) as conn:
            conn.execute(
                "update users set password_hash = ?, must_change_password = 1 where user_id = ?",
                (hash_password(password), user.user_id),
            )
            conn.execute("delete from sign_in_failures where name = ?", (user.username,))
            conn.execute("delete from sessions where user_id = ?", (user.user_id,))
        return password

    def unlock(self, username: str) -> bool:
        """Ends the account's lockouts from every client at once (password unchanged); True when one was running."""
        user = self.require(username)
        with connect(self.path) as conn:
            now = to_text(utc_now())
            was_locked = conn.execute(
                "select 1 from sign_in_failures where name = ? and locked_until > ?", (user.username, now)
            ).fetchone()
            conn.execute("delete from sign_in_failures where name = ?", (user.username,))
        return was_locked is not None

    def set_scope(
        self,
        username: str,
        *,
        coc_code: str | None,
        agency_id: str | None,
        project_ids: list[str] | tuple[str, ...] | None,
        funder_codes: list[str] | tuple[str, ...] | None,
    ) -> None:
        """Replaces a user's scope; the role decides which fields it needs."""
        user = self.require(username)
        projects, funders = cleaned(_clean_list(project_ids)), _clean_list(funder_codes)
        agency_id = clean(agency_id) if agency_id and agency_id.strip() else None
        check_scope_fields(user.role, agency_id, projects, funders)
        with connect(self.path) as conn:
            conn.execute(
                "update users set coc_code = ?, agency_id = ?, project_ids = ?, funder_codes = ? where user_id = ?",
                (coc_code or None, agency_id or None, json.dumps(projects), json.dumps(funders), user.user_id),
            )

    def set_password(self, user_id: int, password: str) -> None:
        with connect(self.path) as conn:
            conn.execute(
                "update users set password_hash = ?, must_change_password = 0, password_changed_at = ?"
                " where user_id = ?",
                (hash_password(password), to_text(utc_now()), user_id),
            )

    def password_hash(self, user_id: int) -> str | None:
        with connect(self.path) as conn:
            row = conn.execute("select password_hash from users where user_id = ?", (user_id,)).fetchone()
        return row["password_hash"] if row else None
