"""Administration behind the same gate as the data: user management, the audit log and pipeline health.

Capabilities come from dashboards.roles; an Agency Admin manages only its own agency's users, and only the agency
roles. The page calls these methods and never checks a role itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import pandas as pd

from dashboards.data.access import AccessDenied
from dashboards.data.catalog import PROJECTS
from dashboards.data.health import PipelineHealth, all_findings_csv, pipeline_health
from dashboards.data.warehouse import DataNotReady, find_relation, published
from dashboards.ids import clean, cleaned
from dashboards.roles import AGENCY_MANAGED_ROLES, Capability, Role, can, policy
from dashboards.state.audit import AuditLog
from dashboards.state.users import UserRecord, UserStore
from pipelines.config import Settings, get_settings
from pipelines.security.audit_chain import Verification


class AdminAccess:
    def __init__(self, user: UserRecord, settings: Settings | None = None) -> None:
        self.user = user
        self.settings = settings or get_settings()
        self.users = UserStore(self.settings.app_db)
        self.audit = AuditLog(self.settings.app_db)

    @property
    def manages_all(self) -> bool:
        return can(self.user.role, Capability.MANAGE_ALL_USERS)

    @property
    def manages_agency(self) -> bool:
        return can(self.user.role, Capability.MANAGE_AGENCY_USERS) and bool(self.user.agency_id)

    @property
    def manageable_roles(self) -> list[Role]:
        if self.manages_all:
            return list(Role)
        return [r for r in Role if r in AGENCY_MANAGED_ROLES] if self.manages_agency else []

    def _require_manager(self) -> None:
        if not (self.manages_all or self.manages_agency):
            raise AccessDenied("your role does not manage users")

    def _require_may_manage(self, target: UserRecord) -> None:
        self._require_manager()
        if self.manages_all:
            return
        if target.agency_id != self.user.agency_id or target.role not in AGENCY_MANAGED_ROLES:
            raise AccessDenied(f"{target.username} is not a user of your agency")

    @contextmanager
    def _audited_refusal(self, action: str, target: str | None = None) -> Iterator[None]:
        """A refused administration action is written to the audit log (who, what, on whom, why), then raised."""
        try:
            yield
        except AccessDenied as err:
            self.audit.record(
                "admin_refused",
                username=self.user.username,
                role=self.user.role,
                detail={"action": action, "user": target, "reason": str(err)},
            )
            raise

    def list_users(self) -> list[UserRecord]:
        self._require_manager()
        return self.users.list() if self.manages_all else self.users.list(agency_id=self.user.agency_id)

    def agency_projects(self, agency_id: str) -> set[str] | None:
        """Project ids of an agency per the published warehouse, or None when it does not say yet."""
        try:
            with published(self.settings.published_db) as conn:
                relation = find_relation(conn, PROJECTS)
                if relation is None:
                    return None
                sql = f"select project_key from {relation} where organization_key = ?"
                rows = conn.execute(sql, [agency_id]).fetchall()
        except DataNotReady:
            return None
        return {str(r[0]) for r in rows}

    def add_user(
        self,
        username: str,
        role: Role,
        *,
        agency_id: str | None = None,
        project_ids: list[str] | None = None,
        funder_codes: list[str] | None = None,
        coc_code: str | None = None,
    ) -> str:
        """Creates a user and returns the one-time password to hand over; a refusal is audited."""
        with self._audited_refusal("add user", username):
            return self._add_user(
                username,
                role,
                agency_id=agency_id,
                project_ids=project_ids,
                funder_codes=funder_codes,
                coc_code=coc_code,
            )

    def _add_user(
        self,
        username: str,
        role: Role,
        *,
        agency_id: str | None,
        project_ids: list[str] | None,
        funder_codes: list[str] | None,
        coc_code: str | None,
    ) -> str:
        self._require_manager()
        agency_id = clean(agency_id) if agency_id and agency_id.strip() else None
        project_ids = cleaned(project_ids)
        if not self.manages_all:
            if role not in AGENCY_MANAGED_ROLES:
                raise AccessDenied(f"an Agency Admin cannot create a {policy(role).label}")
            if agency_id and agency_id != self.user.agency_id:
                raise AccessDenied("an Agency Admin creates users of its own agency only")
            agency_id, coc_code = self.user.agency_id, self.user.coc_code
            if project_ids:
                known = self.agency_projects(agency_id or "")
                if known is None or not set(project_ids) <= known:
                    raise AccessDenied("assigned projects must be projects of your agency in the warehouse")
        password = self.users.add(
            username,
            role,
            created_by=self.user.username,
            coc_code=coc_code,
            agency_id=agency_id,
            project_ids=project_ids,
            funder_codes=funder_codes,
        )
        created = self.users.require(username)
        self.audit.record(
            "user_added",
            username=self.user.username,
            role=self.user.role,
            detail={"user": username, "scope": created.scope_summary()},
        )
        return password

    def set_disabled(self, username: str, disabled: bool) -> None:
        target = self.users.require(username)
        with self._audited_refusal("disable user" if disabled else "enable user", username):
            self._require_may_manage(target)
            if target.user_id == self.user.user_id and disabled:
                raise AccessDenied("you cannot disable your own account")
        self.users.set_disabled(username, disabled)
        event = "user_disabled" if disabled else "user_enabled"
        self.audit.record(event, username=self.user.username, role=self.user.role, detail={"user": username})

    def reset(self, username: str) -> str:
        target = self.users.require(username)
        with self._audited_refusal("reset user", username):
            self._require_may_manage(target)
        password = self.users.reset(username)
        self.audit.record("user_reset", username=self.user.username, role=self.user.role, detail={"user": username})
        return password

    def audit_log(
        self,
        *,
        events: list[str] | None = None,
        username: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> pd.DataFrame:
        with self._audited_refusal("read audit log"):
            if not can(self.user.role, Capability.VIEW_AUDIT_LOG):
                raise AccessDenied("your role does not see the audit log")
        return self.audit.read(events=events, username=username, since=since, until=until)

    def audit_integrity(self) -> Verification:
        """The audit log's hash chain checked end to end (as `waypoint audit verify`)."""
        if not can(self.user.role, Capability.VIEW_AUDIT_LOG):
            raise AccessDenied("your role does not see the audit log")
        return self.audit.verify()

    def pipeline_health(self) -> PipelineHealth:
        with self._audited_refusal("read pipeline health"):
            if not can(self.user.role, Capability.VIEW_PIPELINE_HEALTH):
                raise AccessDenied("your role does not see pipeline health")
        return pipeline_health(self.settings)

    def all_findings_csv(self) -> bytes:
        """Every validation finding (the full list behind the summary per rule and file)."""
        if not can(self.user.role, Capability.VIEW_PIPELINE_HEALTH):
            raise AccessDenied("your role does not see pipeline health")
        return all_findings_csv(self.settings)

    def record_download(self, page: str, what: str, rows: int) -> None:
        self.audit.record(
            "download", username=self.user.username, role=self.user.role, page=page, detail={"what": what, "rows": rows}
        )
