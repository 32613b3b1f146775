"""Issue 16.4: disk full, read-only disk, permission denied and a damaged database each give one plain line
naming the file and what to do, never a stack trace, and leave the previous state intact.

As root (CI) the disk is a small tmpfs, really filled and really remounted read-only; otherwise a file-size
limit (RLIMIT_FSIZE) stands in for the full disk and the read-only case is skipped.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
from pathlib import Path

import pytest
from ingest.helpers import query

from pipelines.config import Settings

from .world import WAYPOINT, env_for, export_zip, no_traceback, waypoint

ROOT = os.geteuid() == 0


@pytest.fixture
def small_disk(tmp_path):
    """A 48 MiB tmpfs (root) or a plain folder (others)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if ROOT:
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m,mode=0700", "tmpfs", str(disk)], check=True)
    yield disk
    if ROOT:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _one_error(done) -> str:
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert done.returncode == 2 and len(errors) == 1, (done.stdout, done.stderr)
    assert no_traceback(done.stdout, done.stderr), done.stderr
    return errors[0]


def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * (1 << 20))
                handle.flush()
        except OSError:
            pass
    return filler


def _registered(home) -> int:
    return query(Settings(home), "SELECT count(*) FROM meta.export_registry")[0][0]


def _limited(bytes_: int):
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (bytes_, bytes_))

    return limit


def test_a_full_disk_stops_an_ingest_in_one_line_and_keeps_what_was_loaded(tmp_path, small_disk):
    home = small_disk / "home"
    assert waypoint(home, "ingest", "--no-expectations", str(export_zip(tmp_path / "a"))).returncode == 0
    second = export_zip(tmp_path / "b", export_id="EXP2")
    if ROOT:
        filler = _fill(small_disk)
        done = waypoint(home, "ingest", "--no-expectations", str(second))
    else:  # a fake full disk: no file of this process may grow past 64 KiB
        filler = None
        done = subprocess.run(
            [*WAYPOINT, "ingest", "--no-expectations", str(second)],
            env=env_for(home), capture_output=True, text=True, timeout=300, preexec_fn=_limited(1 << 16),
        )  # fmt: skip
    line = _one_error(done)
    assert "the disk is full" in line and "nothing was changed" in line and str(home) in line
    if filler:
        filler.unlink()
    assert _registered(home) == 1, "the first export is intact and the second left no half row"
    assert not list((home / "work").glob("ingest-*")) and not list((home / "archive").glob(".*"))
    again = waypoint(home, "ingest", "--no-expectations", str(second))
    assert again.returncode == 0 and "LOADED" in again.stdout
    assert _registered(home) == 2


@pytest.mark.skipif(not ROOT, reason="remounting read-only needs root")
def test_a_read_only_disk_is_named_as_such_not_as_a_lock(tmp_path, small_disk):
    home = small_disk / "home"
    assert waypoint(home, "ingest", "--no-expectations", str(export_zip(tmp_path / "a"))).returncode == 0
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        line = _one_error(
            waypoint(home, "ingest", "--no-expectations", str(export_zip(tmp_path / "b", export_id="E2")))
        )
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    assert "read-only filesystem" in line and "in use by another process" not in line
    assert _registered(home) == 1


def test_permission_denied_names_the_path_and_the_owner_to_run_as(tmp_path):
    home = tmp_path / "home"
    assert waypoint(home, "ingest", "--no-expectations", str(export_zip(tmp_path / "a"))).returncode == 0
    database = Settings(home).ingest_db
    os.chmod(database, 0o400)
    os.chmod(database.parent, 0o500)
    # root ignores file modes; without CAP_DAC_OVERRIDE it meets them like any account
    drop = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]
    second = export_zip(tmp_path / "b", export_id="E2")
    try:
        done = subprocess.run(
            [*(drop if ROOT else []), *WAYPOINT, "ingest", "--no-expectations", str(second)],
            env=env_for(home), capture_output=True, text=True, timeout=300,
        )  # fmt: skip
    finally:
        os.chmod(database.parent, 0o700)
        os.chmod(database, 0o600)
    line = _one_error(done)
    assert "permission denied on" in line and "owns WAYPOINT_HOME" in line and str(database.parent) in line
    assert _registered(home) == 1


def test_a_damaged_ingest_database_is_named_with_what_to_do(tmp_path):
    home = tmp_path / "home"
    database = Settings(home).ingest_db
    database.parent.mkdir(parents=True)
    database.write_bytes(b"this is not a database" * 1000)
    line = _one_error(waypoint(home, "ingest", "--no-expectations", str(export_zip(tmp_path / "a"))))
    assert f"{database} is damaged" in line and "restore it from the last backup" in line
