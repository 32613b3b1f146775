"""Signing in and out: password checks with lockout, opaque session tokens with an idle timeout, audit of each step.

A browser holds only a random token; the user, role and scope are looked up from the database on every request,
so nothing a client or a page writes into session state can change who the user is.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from dashboards.settings import SecuritySettings
from dashboards.state.audit import AuditLog
from dashboards.state.db import connect, from_text, to_text, utc_now
from dashboards.state.passwords import check_new_password, verify_password
from dashboards.state.users import UserRecord, UserStore
from pipelines.errors import WaypointError


class SignInStatus(StrEnum):
    OK = "ok"
    INVALID = "invalid"  # unknown user or wrong password: the same answer for both
    LOCKED = "locked"
    DISABLED = "disabled"


@dataclass(frozen=True)
class SignInResult:
    status: SignInStatus
    token: str | None = None
    user: UserRecord | None = None

    @property
    def message(self) -> str:
        return {
            SignInStatus.OK: "Signed in.",
            SignInStatus.INVALID: "The user name or password is not right.",
            SignInStatus.LOCKED: "This account is locked after too many failed sign-ins. Try again later "
            "or ask an administrator to reset it.",
            SignInStatus.DISABLED: "This account is disabled. Ask an administrator.",
        }[self.status]


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Authenticator:
    app_db: Path
    security: SecuritySettings

    @property
    def users(self) -> UserStore:
        return UserStore(self.app_db)

    @property
    def audit(self) -> AuditLog:
        return AuditLog(self.app_db)

    def sign_in(self, username: str, password: str) -> SignInResult:
        """Unknown names are counted and locked exactly like users, so no answer tells whether an account exists.

        A lockout lasts ``lockout_minutes`` and then ends by itself; `waypoint users unlock NAME` (or a reset) ends
        it at once, so locking out the administrator denies service for minutes, never for good.
        """
        username = username.strip()
        user = self.users.get(username) if username else None
        now = utc_now()
        failures, locked_until = self._failures(user, username)
        if locked_until and locked_until > now:
            verify_password(None, password)  # same cost as a real check
            detail = {"reason": "locked"}
            self.audit.record(
                "sign_in_failed", username=username or None, role=user.role if user else None, detail=detail
            )
            return SignInResult(SignInStatus.LOCKED)
        password_ok = verify_password(self.users.password_hash(user.user_id) if user else None, password)
        if user is None or not password_ok:
            self.audit.record("sign_in_failed", username=username or None, detail={"reason": "invalid"})
            return self._count_failure(user, username, failures)
        if user.disabled:
            self.audit.record("sign_in_failed", username=user.username, role=user.role, detail={"reason": "disabled"})
            return SignInResult(SignInStatus.DISABLED)
        token = secrets.token_urlsafe(32)
        with connect(self.app_db) as conn:
            conn.execute("update users set failed_sign_ins = 0, locked_until = null where user_id = ?", (user.user_id,))
            conn.execute(
                "insert into sessions (token_hash, user_id, created_at, last_seen) values (?, ?, ?, ?)",
                (_token_hash(token), user.user_id, to_text(now), to_text(now)),
            )
        self.audit.record(
            "sign_in",
            username=user.username,
            role=user.role,
            detail={"must_change_password": user.must_change_password},
        )
        return SignInResult(SignInStatus.OK, token=token, user=self.users.get_by_id(user.user_id))

    def _failures(self, user: UserRecord | None, name: str) -> tuple[int, datetime | None]:
        """Failed sign-ins so far and the end of a lockout, of a user or of a name that is no user."""
        if user is not None:
            return user.failed_sign_ins, user.locked_until
        if not name:
            return 0, None
        with connect(self.app_db) as conn:
            row = conn.execute(
                "select failed_sign_ins, locked_until from unknown_sign_ins where name = ?", (name,)
            ).fetchone()
        if row is None:
            return 0, None
        return row["failed_sign_ins"], from_text(row["locked_until"]) if row["locked_until"] else None

    def _count_failure(self, user: UserRecord | None, name: str, failures: int) -> SignInResult:
        failures += 1
        locked_until = None
        if failures >= self.security.max_failed_sign_ins:
            locked_until = utc_now() + timedelta(minutes=self.security.lockout_minutes)
            failures = 0
        until = to_text(locked_until) if locked_until else None
        with connect(self.app_db) as conn:
            if user is not None:
                conn.execute(
                    "update users set failed_sign_ins = ?, locked_until = ? where user_id = ?",
                    (failures, until, user.user_id),
                )
            elif name:
                conn.execute(
                    "insert into unknown_sign_ins (name, failed_sign_ins, locked_until) values (?, ?, ?)"
                    " on conflict (name) do update set failed_sign_ins = excluded.failed_sign_ins,"
                    " locked_until = excluded.locked_until",
                    (name, failures, until),
                )
        if locked_until:
            self.audit.record(
                "locked_out",
                username=user.username if user else name or None,
                role=user.role if user else None,
                detail={
                    "minutes": self.security.lockout_minutes,
                    "after_failures": self.security.max_failed_sign_ins,
                    "known_user": user is not None,
                },
            )
            return SignInResult(SignInStatus.LOCKED)
        return SignInResult(SignInStatus.INVALID)

    def resolve(self, token: object) -> UserRecord | None:
        """The signed-in user of a token, or None when it is unknown, idle too long, older than ``session_hours``,
        or its user is disabled.

        Touches the session, so activity keeps it alive; an expired session is removed and audited.
        """
        if not isinstance(token, str) or not token:
            return None
        key = _token_hash(token)
        now = utc_now()
        with connect(self.app_db) as conn:
            row = conn.execute(
                "select user_id, created_at, last_seen from sessions where token_hash = ?", (key,)
            ).fetchone()
            if row is None:
                return None
            idle = now - from_text(row["last_seen"])
            age = now - from_text(row["created_at"])
            if idle > timedelta(minutes=self.security.idle_timeout_minutes) or age > timedelta(
                hours=self.security.session_hours
            ):
                conn.execute("delete from sessions where token_hash = ?", (key,))
                expired_user_id = row["user_id"]
            else:
                conn.execute("update sessions set last_seen = ? where token_hash = ?", (to_text(now), key))
                expired_user_id = None
        user = self.users.get_by_id(row["user_id"])
        if expired_user_id is not None:
            if user:
                self.audit.record("session_expired", username=user.username, role=user.role)
            return None
        if user is None or user.disabled:
            return None
        return user

    def is_new_page(self, token: object, page: str) -> bool:
        """True the first time a session shows a page after another one: one audit row per visit, not per rerun."""
        if not isinstance(token, str):
            return False
        with connect(self.app_db) as conn:
            changed = conn.execute(
                "update sessions set last_page = ? where token_hash = ? and last_page is not ?",
                (page, _token_hash(token), page),
            ).rowcount
        return changed > 0

    def sign_out(self, token: object) -> None:
        user = self.resolve(token)
        if not isinstance(token, str):
            return
        with connect(self.app_db) as conn:
            conn.execute("delete from sessions where token_hash = ?", (_token_hash(token),))
        if user:
            self.audit.record("sign_out", username=user.username, role=user.role)

    def change_password(self, user: UserRecord, current: str, new: str) -> None:
        """Raises WaypointError in plain words when the current password is wrong or the new one is weak."""
        old_hash = self.users.password_hash(user.user_id)
        if not verify_password(old_hash, current):
            raise WaypointError("the current password is not right")
        check_new_password(new, min_length=self.security.min_password_length, old_hash=old_hash)
        self.users.set_password(user.user_id, new)
        self.audit.record("password_changed", username=user.username, role=user.role)
