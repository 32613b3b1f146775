"""Signing in and out: password checks with lockout, opaque session tokens with an idle timeout, audit of each step.

A browser holds only a random token; the user, role and scope are looked up from the database on every request,
so nothing a client or a page writes into session state can change who the user is.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from pathlib import Path

from dashboards.settings import SecuritySettings
from dashboards.state.audit import AuditLog
from dashboards.state.db import connect, from_text, to_text, utc_now
from dashboards.state.passwords import check_new_password, verify_password
from dashboards.state.throttle import LOCAL_CLIENT, Lock, Throttle
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
            SignInStatus.LOCKED: "Sign-in is locked for this computer after too many failed sign-ins. "
            "Try again in a few minutes or ask an administrator to unlock your account.",
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

    @property
    def throttle(self) -> Throttle:
        return Throttle(self.app_db, self.security)

    def sign_in(self, username: str, password: str, client: str = LOCAL_CLIENT) -> SignInResult:
        """Failures lock a name for the ``client`` that made them, and a client that fails too often for every name
        (dashboards/state/throttle.py): the real user signs in from their own client while a guesser is refused.

        Unknown names are counted and locked exactly like users, so no answer tells whether an account exists. A
        lockout lasts ``lockout_minutes``; `waypoint users unlock NAME` (or a reset) ends a name's at once.
        """
        username = username.strip()
        user = self.users.get(username) if username else None
        lock = self.throttle.locked(username, client)
        if lock is not None:
            verify_password(None, password)  # same cost as a real check
            detail = {"reason": "locked", "lock": lock.value, "client": client}
            self.audit.record(
                "sign_in_failed", username=username or None, role=user.role if user else None, detail=detail
            )
            return SignInResult(SignInStatus.LOCKED)
        password_ok = verify_password(self.users.password_hash(user.user_id) if user else None, password)
        if user is None or not password_ok:
            self.audit.record(
                "sign_in_failed", username=username or None, detail={"reason": "invalid", "client": client}
            )
            return self._count_failure(user, username, client)
        if user.disabled:
            self.audit.record(
                "sign_in_failed",
                username=user.username,
                role=user.role,
                detail={"reason": "disabled", "client": client},
            )
            return SignInResult(SignInStatus.DISABLED)
        self.throttle.succeeded(username, client)
        token = secrets.token_urlsafe(32)
        now = utc_now()
        with connect(self.app_db) as conn:
            conn.execute(
                "insert into sessions (token_hash, user_id, created_at, last_seen) values (?, ?, ?, ?)",
                (_token_hash(token), user.user_id, to_text(now), to_text(now)),
            )
        self.audit.record(
            "sign_in",
            username=user.username,
            role=user.role,
            detail={"must_change_password": user.must_change_password, "client": client},
        )
        return SignInResult(SignInStatus.OK, token=token, user=self.users.get_by_id(user.user_id))

    def _count_failure(self, user: UserRecord | None, name: str, client: str) -> SignInResult:
        lock = self.throttle.fail(name, client)
        if lock is None:
            return SignInResult(SignInStatus.INVALID)
        limit = (
            self.security.max_failed_sign_ins if lock is Lock.ACCOUNT else self.security.max_failed_sign_ins_per_client
        )
        self.audit.record(
            "locked_out",
            username=user.username if user else name or None,
            role=user.role if user else None,
            detail={
                "lock": lock.value,
                "client": client,
                "minutes": self.security.lockout_minutes,
                "after_failures": limit,
                "known_user": user is not None,
            },
        )
        return SignInResult(SignInStatus.LOCKED)

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
