"""A hash chain over the audit log, so a deleted or edited row is detected.

Each row stores ``row_hash`` = SHA-256 of the previous row's hash and the row's own fields. Editing a row
breaks its hash; deleting a row breaks the next row's link (and leaves a gap in the ids); deleting the newest
rows leaves SQLite's AUTOINCREMENT counter (``sqlite_sequence``) ahead of the last id. The triggers that make
the table append-only are checked too. Someone able to rewrite every row from the edited one onwards, the
counter included, is not caught: copies of ``app.sqlite`` in the backups are the second line (docs/operations.md).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

GENESIS = "0" * 64
FIELDS = ("audit_id", "at", "event", "username", "role", "page", "scope", "detail")
TRIGGERS = ("audit_log_no_update", "audit_log_no_delete")


def row_hash(previous: str, row: dict[str, object]) -> str:
    """The chained hash of one audit row (fields in a fixed order, JSON so no separator can be forged)."""
    payload = json.dumps([previous, *(row.get(name) for name in FIELDS)], separators=(",", ":"), default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def ensure_column(conn: sqlite3.Connection) -> None:
    """Add ``row_hash`` to an audit log created before the chain (its older rows stay unchained)."""
    columns = {row[1] for row in conn.execute("pragma table_info(audit_log)")}
    if "row_hash" not in columns:
        conn.execute("alter table audit_log add column row_hash text")


def append(conn: sqlite3.Connection, values: dict[str, object]) -> int:
    """Insert one audit row chained to the last one; call inside a write transaction (BEGIN IMMEDIATE)."""
    last = conn.execute("select audit_id, row_hash from audit_log order by audit_id desc limit 1").fetchone()
    counter = conn.execute("select seq from sqlite_sequence where name = 'audit_log'").fetchone()
    audit_id = max(last[0] if last else 0, counter[0] if counter else 0) + 1
    previous = (last[1] if last else None) or GENESIS
    row = {**values, "audit_id": audit_id}
    names = [*FIELDS, "row_hash"]
    conn.execute(
        f"insert into audit_log ({', '.join(names)}) values ({', '.join('?' for _ in names)})",
        [*(row.get(name) for name in FIELDS), row_hash(previous, row)],
    )
    return audit_id


@dataclass
class Verification:
    """What `waypoint audit verify` found: rows checked, rows written before the chain, and every problem."""

    rows: int = 0
    unchained: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.ok:
            older = f" ({self.unchained} older rows predate the chain)" if self.unchained else ""
            return f"audit log intact: {self.rows} rows, hash chain and append-only triggers verified{older}"
        shown = "; ".join(self.problems[:5]) + (
            f"; and {len(self.problems) - 5} more" if len(self.problems) > 5 else ""
        )
        return f"audit log TAMPERED: {shown}"


def verify(path: Path) -> Verification:
    """Walk the chain of ``app.sqlite``'s audit log (read-only) and report every break."""
    result = Verification()
    if not path.exists():
        return result
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        if not conn.execute("select 1 from sqlite_master where name = 'audit_log'").fetchone():
            return result
        triggers = {r[0] for r in conn.execute("select name from sqlite_master where type = 'trigger'")}
        result.problems += [f"trigger {name} was removed" for name in TRIGGERS if name not in triggers]
        columns = {r[1] for r in conn.execute("pragma table_info(audit_log)")}
        if "row_hash" not in columns:
            result.problems.append("the audit log has no hash chain (row_hash column missing)")
            return result
        previous: str | None = None
        expected_id: int | None = None
        last_id = 0
        for record in conn.execute(f"select {', '.join(FIELDS)}, row_hash from audit_log order by audit_id"):
            row = dict(record)
            result.rows += 1
            last_id = row["audit_id"]
            if row["row_hash"] is None:
                if previous is not None:
                    result.problems.append(f"row {last_id} has no hash (added outside Waypoint)")
                else:
                    result.unchained += 1
                continue
            gap = expected_id is not None and last_id != expected_id
            if gap:
                result.problems.append(f"rows {expected_id}-{last_id - 1} were deleted")
            if row["row_hash"] != row_hash(previous or GENESIS, row) and not gap:
                result.problems.append(f"row {last_id} was changed or a row before it deleted (hash does not match)")
            previous, expected_id = row["row_hash"], last_id + 1
        counter = conn.execute("select seq from sqlite_sequence where name = 'audit_log'").fetchone()
        if counter and counter[0] > last_id:
            result.problems.append(f"the newest rows {last_id + 1}-{counter[0]} were deleted")
    finally:
        conn.close()
    return result
