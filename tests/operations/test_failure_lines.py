"""Issue 16.4: the words of each system failure, as DuckDB, SQLite, the OS and dbt say them, become one line."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from pipelines.ops.failures import explain, kind_of

DBT_ON_A_FULL_DISK = (
    'exit 2: File ".../dbt/adapters/contracts/connection.py", line 120 | IO Error: Could not write file '
    '"/srv/waypoint/warehouse/builds/building.duckdb.wal": No space left on device'
)


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        (OSError(errno.ENOSPC, "No space left on device", "/srv/w/archive/x.zip"), "full"),
        ('IO Error: Could not write file "/srv/w/warehouse/ingest.duckdb.wal": No space left on device', "full"),
        ("sqlite3.OperationalError: database or disk is full", "full"),
        (OSError(errno.EROFS, "Read-only file system", "/srv/w/warehouse"), "readonly"),
        ('IO Error: Cannot open file "/srv/w/warehouse/ingest.duckdb": Read-only file system', "readonly"),
        (PermissionError(errno.EACCES, "Permission denied", "/srv/w/warehouse/ingest.duckdb"), "denied"),
        ('IO Error: Could not set lock on file "/srv/w/warehouse/ingest.duckdb": Conflicting lock', "lock"),
        (
            'IO Error: The file "/srv/w/warehouse/ingest.duckdb" exists, but it is not a valid DuckDB database',
            "damaged",
        ),
        ("sqlite3.DatabaseError: database disk image is malformed", "damaged"),
        ("Binder Error: column x not found", None),
    ],
)
def test_each_system_failure_is_recognised(said, kind):
    assert kind_of(said) == kind


def test_a_dbt_traceback_on_a_full_disk_becomes_one_line_naming_the_file():
    line = explain(DBT_ON_A_FULL_DISK, doing="the warehouse build")
    assert line is not None and "\n" not in line and "Traceback" not in line
    assert line.startswith("the warehouse build stopped: the disk is full (writing /srv/waypoint/warehouse/builds/")
    assert "df -h /srv/waypoint/warehouse/builds" in line and "previous state is intact" in line


def test_a_read_only_disk_is_never_called_a_lock():
    line = explain('IO Error: Could not set lock on file "/srv/w/ingest.duckdb": Read-only file system')
    assert "read-only filesystem" in line and "in use" not in line


def test_a_bug_is_not_disguised_as_a_system_failure():
    assert explain(KeyError("stg_hmis__clients")) is None
    assert explain(ValueError("bad"), Path("/x")) is None
