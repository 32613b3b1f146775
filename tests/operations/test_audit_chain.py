"""Issue 16.1: a tamper-evident audit log; a deleted or edited row is detected, even with the triggers dropped."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from dashboards.state.audit import AuditLog
from pipelines.security.audit_chain import verify

from .world import in_process


@pytest.fixture
def audit_home(tmp_path):
    home = tmp_path / "home"
    log = AuditLog(home / "warehouse" / "app.sqlite")
    for i in range(6):
        log.record("page_view", username=f"user{i}", page="Overview", scope={"coc": "OK-500"})
    return home


def _tamper(path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    conn.executescript("drop trigger audit_log_no_update; drop trigger audit_log_no_delete;" + "".join(statements))
    conn.commit()
    conn.close()


def test_an_untouched_log_verifies(audit_home):
    result = verify(audit_home / "warehouse" / "app.sqlite")
    assert result.ok and result.rows == 6
    done = in_process(audit_home, "audit", "verify")
    assert done.exit_code == 0 and "audit log intact: 6 rows" in done.stdout


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        (["delete from audit_log where audit_id = 3;"], "rows 3-3 were deleted"),
        (["update audit_log set username = 'nobody' where audit_id = 4;"], "row 4 was changed"),
        (["delete from audit_log where audit_id >= 5;"], "the newest rows 5-6 were deleted"),
        ([], "trigger audit_log_no_delete was removed"),
    ],
)
def test_a_deleted_or_edited_row_is_detected(audit_home, tmp_path, statements, expected):
    copy = tmp_path / "copy" / "warehouse" / "app.sqlite"
    copy.parent.mkdir(parents=True)
    shutil.copyfile(audit_home / "warehouse" / "app.sqlite", copy)
    _tamper(copy, *statements)
    result = verify(copy)
    assert not result.ok
    assert any(expected in problem for problem in result.problems), result.problems
    done = in_process(tmp_path / "copy", "audit", "verify")
    assert done.exit_code == 1 and done.stdout.startswith("audit log TAMPERED") and expected in done.stdout


def test_rows_written_before_the_chain_are_counted_not_failed(tmp_path):
    path = tmp_path / "app.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(
        "create table audit_log (audit_id integer primary key autoincrement, at text not null, event text not null, "
        "username text, role text, page text, scope text, detail text)"
    )
    conn.execute("insert into audit_log (at, event) values ('2026-01-01T00:00:00+00:00', 'sign_in')")
    conn.commit()
    conn.close()
    AuditLog(path).record("sign_out", username="admin")
    result = verify(path)
    assert result.ok and result.rows == 2 and result.unchained == 1
