"""Failed sign-ins counted per (name, client) and per client, so a lockout slows guessing without denying service.

A name locks after ``max_failed_sign_ins`` failures *from one client* for ``lockout_minutes``: the same account
still signs in from any other client, so an outsider cannot lock the administrator out. A client that fails
``max_failed_sign_ins_per_client`` times within ``lockout_minutes``, whatever the names, is refused for every
name until that time has passed, so one client cannot guess across accounts either. Names that are no user are
counted exactly like users' (the same rows), so no answer tells which accounts exist.

The client is the address of the browser's connection (behind the reverse proxy: the address the proxy forwards
in X-Forwarded-For, which uvicorn trusts from 127.0.0.1 only; docs/deploy.md).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from dashboards.settings import SecuritySettings
from dashboards.state.db import connect, from_text, to_text, utc_now

LOCAL_CLIENT = "local"  # a connection from this machine (Streamlit gives no address for 127.0.0.1 or ::1)


class Lock(StrEnum):
    ACCOUNT = "account"  # this name, from this client
    CLIENT = "client"  # this client, every name


def _until(value: str | None) -> datetime | None:
    return from_text(value) if value else None


@dataclass(frozen=True)
class Throttle:
    app_db: Path
    security: SecuritySettings

    def locked(self, name: str, client: str) -> Lock | None:
        """The lock refusing ``name`` from ``client`` now, if any."""
        now = utc_now()
        with connect(self.app_db) as conn:
            client_row = conn.execute("select locked_until from sign_in_clients where client = ?", (client,)).fetchone()
            name_row = conn.execute(
                "select locked_until from sign_in_failures where name = ? and client = ?", (name, client)
            ).fetchone()
        if client_row and (until := _until(client_row["locked_until"])) and until > now:
            return Lock.CLIENT
        if name_row and (until := _until(name_row["locked_until"])) and until > now:
            return Lock.ACCOUNT
        return None

    def fail(self, name: str, client: str) -> Lock | None:
        """Counts one failure of ``name`` from ``client``; returns the lock it set, if it set one."""
        now = utc_now()
        window = timedelta(minutes=self.security.lockout_minutes)
        with connect(self.app_db) as conn:
            locked = self._count_client(conn, client, now, window)
            if name and self._count_name(conn, name, client, now, window):
                locked = locked or Lock.ACCOUNT
        return locked

    def _count_client(self, conn: sqlite3.Connection, client: str, now: datetime, window: timedelta) -> Lock | None:
        row = conn.execute(
            "select failed_sign_ins, window_start from sign_in_clients where client = ?", (client,)
        ).fetchone()
        fresh = row is None or now - from_text(row["window_start"]) > window
        failures = 1 if fresh else row["failed_sign_ins"] + 1
        start = to_text(now) if fresh else row["window_start"]
        until = None
        if failures >= self.security.max_failed_sign_ins_per_client:
            until, failures, start = to_text(now + window), 0, to_text(now)
        conn.execute(
            "insert into sign_in_clients (client, failed_sign_ins, window_start, locked_until) values (?, ?, ?, ?)"
            " on conflict (client) do update set failed_sign_ins = excluded.failed_sign_ins,"
            " window_start = excluded.window_start,"
            " locked_until = coalesce(excluded.locked_until, sign_in_clients.locked_until)",
            (client, failures, start, until),
        )
        return Lock.CLIENT if until else None

    def _count_name(self, conn: sqlite3.Connection, name: str, client: str, now: datetime, window: timedelta) -> bool:
        row = conn.execute(
            "select failed_sign_ins from sign_in_failures where name = ? and client = ?", (name, client)
        ).fetchone()
        failures = (row["failed_sign_ins"] if row else 0) + 1
        until = None
        if failures >= self.security.max_failed_sign_ins:
            until, failures = to_text(now + window), 0
        conn.execute(
            "insert into sign_in_failures (name, client, failed_sign_ins, locked_until) values (?, ?, ?, ?)"
            " on conflict (name, client) do update set failed_sign_ins = excluded.failed_sign_ins,"
            " locked_until = excluded.locked_until",
            (name, client, failures, until),
        )
        return until is not None

    def succeeded(self, name: str, client: str) -> None:
        """A right password ends the count of that name from that client (the client's own count runs on)."""
        with connect(self.app_db) as conn:
            conn.execute("delete from sign_in_failures where name = ? and client = ?", (name, client))
