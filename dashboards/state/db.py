"""Opens the app database (SQLite, WAL) and creates its schema; the audit log is append-only in the database itself.

SQLite rather than DuckDB so the CLI and the running dashboards can both write at once (docs/contracts.md).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from pipelines.security import audit_chain

SCHEMA = """
create table if not exists users (
    user_id integer primary key autoincrement,
    username text not null unique collate nocase,
    role text not null,
    coc_code text,
    agency_id text,
    project_ids text not null default '[]',
    funder_codes text not null default '[]',
    password_hash text not null,
    must_change_password integer not null default 1,
    disabled integer not null default 0,
    failed_sign_ins integer not null default 0,
    locked_until text,
    created_at text not null,
    created_by text not null,
    password_changed_at text
);

create table if not exists sessions (
    token_hash text primary key,
    user_id integer not null references users(user_id),
    created_at text not null,
    last_seen text not null,
    last_page text
);

-- Failed sign-ins per (name, client) and per client (dashboards/state/throttle.py): a name locks only for the
-- client that failed, so nobody can lock another user out; names that are no user are counted alike.
create table if not exists sign_in_failures (
    name text not null collate nocase,
    client text not null,
    failed_sign_ins integer not null default 0,
    locked_until text,
    primary key (name, client)
);

create table if not exists sign_in_clients (
    client text primary key,
    failed_sign_ins integer not null default 0,
    window_start text not null,
    locked_until text
);

create table if not exists audit_log (
    audit_id integer primary key autoincrement,
    at text not null,
    event text not null,
    username text,
    role text,
    page text,
    scope text,
    detail text,
    row_hash text -- pipelines.security.audit_chain: sha256 of the previous row's hash and this row
);

create trigger if not exists audit_log_no_update before update on audit_log
begin
    select raise(abort, 'audit_log is append-only: rows cannot be changed');
end;

create trigger if not exists audit_log_no_delete before delete on audit_log
begin
    select raise(abort, 'audit_log is append-only: rows cannot be deleted');
end;

create index if not exists audit_log_event_at on audit_log(event, at);
"""


# pragma user_version: 1 = stored scopes spell agency and project ids ``source:id`` (pipelines/ids.py).
SCHEMA_VERSION = 1
_OLD_SEPARATOR = "|"  # version 0 stored the warehouse's former key, ``source|id``


def _respelled(value: str) -> str:
    return value.replace(_OLD_SEPARATOR, ":", 1)


def migrate(conn: sqlite3.Connection) -> None:
    """Brings an app database written by an earlier Waypoint to SCHEMA_VERSION, once, in one transaction:
    version 0 -> 1 rewrites stored scopes' ``source|id`` as ``source:id``. The audit log keeps its rows as
    written (append-only)."""
    if conn.execute("pragma user_version").fetchone()[0] >= SCHEMA_VERSION:
        return
    conn.execute("begin immediate")
    try:
        if conn.execute("pragma user_version").fetchone()[0] < SCHEMA_VERSION:  # another process may have won
            rows = conn.execute("select user_id, agency_id, project_ids from users").fetchall()
            for user_id, agency, projects in rows:
                conn.execute(
                    "update users set agency_id = ?, project_ids = ? where user_id = ?",
                    (
                        _respelled(agency) if agency else agency,
                        json.dumps([_respelled(p) for p in json.loads(projects)]),
                        user_id,
                    ),
                )
            conn.execute(f"pragma user_version = {SCHEMA_VERSION}")
    except BaseException:
        conn.execute("rollback")
        raise
    conn.execute("commit")


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def from_text(value: str) -> datetime:
    return datetime.fromisoformat(value)


@contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    """One short transaction: commits on success, rolls back on error, always closes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=10, isolation_level=None)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("pragma journal_mode=wal")
        conn.execute("pragma synchronous=normal")  # with WAL: consistent after a crash, fewer fsyncs
        conn.execute("pragma busy_timeout=10000")
        conn.execute("pragma foreign_keys=on")
        conn.executescript(SCHEMA)
        audit_chain.ensure_column(conn)
        migrate(conn)
        conn.execute("begin immediate")
        try:
            yield conn
        except BaseException:
            conn.execute("rollback")
            raise
        conn.execute("commit")
    finally:
        conn.close()
