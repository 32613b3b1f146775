"""The append-only audit log: sign-ins, failed sign-ins, page views with scope, downloads, builds, user changes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from dashboards.state.db import connect, to_text, utc_now
from pipelines.security import audit_chain

EVENTS = (
    "sign_in",
    "sign_in_failed",
    "locked_out",
    "sign_out",
    "session_expired",
    "password_changed",
    "page_view",
    "download",
    "build_started",
    "user_added",
    "user_disabled",
    "user_enabled",
    "user_reset",
    "user_unlocked",
    "admin_refused",
    "access_denied",
    "export_checked",
    "export_ingested",
)


@dataclass(frozen=True)
class AuditLog:
    path: Path

    def record(
        self,
        event: str,
        *,
        username: str | None = None,
        role: str | None = None,
        page: str | None = None,
        scope: dict[str, Any] | None = None,
        detail: dict[str, Any] | None = None,
        at: datetime | None = None,
    ) -> None:
        if event not in EVENTS:
            raise ValueError(f"unknown audit event {event!r}")
        values = {
            "at": to_text(at or utc_now()),
            "event": event,
            "username": username,
            "role": role,
            "page": page,
            "scope": json.dumps(scope, sort_keys=True) if scope is not None else None,
            "detail": json.dumps(detail, sort_keys=True, default=str) if detail is not None else None,
        }
        with connect(self.path) as conn:
            audit_chain.append(conn, values)  # chained to the previous row's hash (tamper-evident)

    def verify(self) -> audit_chain.Verification:
        """Check the hash chain and the append-only triggers (`waypoint audit verify`, Administration page)."""
        return audit_chain.verify(self.path)

    def read(
        self,
        *,
        events: list[str] | None = None,
        username: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 5000,
    ) -> pd.DataFrame:
        """Newest first; filters are parameters, never pasted into SQL."""
        clauses, params = [], []
        if events:
            clauses.append(f"event in ({', '.join('?' for _ in events)})")
            params.extend(events)
        if username:
            clauses.append("username = ? collate nocase")
            params.append(username)
        if since:
            clauses.append("at >= ?")
            params.append(to_text(since))
        if until:
            clauses.append("at <= ?")
            params.append(to_text(until))
        where = f"where {' and '.join(clauses)}" if clauses else ""
        with connect(self.path) as conn:
            rows = conn.execute(
                f"select audit_id, at, event, username, role, page, scope, detail from audit_log {where} "
                "order by audit_id desc limit ?",
                [*params, limit],
            ).fetchall()
        columns = ["audit_id", "at", "event", "username", "role", "page", "scope", "detail"]
        return pd.DataFrame([tuple(r) for r in rows], columns=columns)
