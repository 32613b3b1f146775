"""Issue 16.5: nothing left behind: unpacked CSVs and partial zips of killed ingests, dbt folders of killed builds,
and dbt processes whose Waypoint process was killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile

import pytest

from pipelines.config import Settings
from pipelines.ops.cleanup import low_on_space, orphan_dbt_processes, sweep_build_leftovers

from .world import export_zip, python, start, waypoint

KILLED_AT = """
import os, sys
from pathlib import Path
import pipelines.ingest.archive as archive, pipelines.ingest.pipeline as pipeline
def die(*args, **kwargs):
    os.kill(os.getpid(), 9)
if os.environ["KILL_AT"] == "packing":
    real = archive.pack_folder
    def pack_then_die(folder, dest):
        real(folder, dest)
        die()
    archive.pack_folder = pack_then_die
else:
    pipeline._stage = die  # after the CSVs are unpacked into work/ingest-*
pipeline.ingest_paths([Path(os.environ["DELIVERY"])])
"""


def test_what_killed_ingests_leave_is_removed_by_the_next_ingest(tmp_path):
    home = tmp_path / "home"
    folder = tmp_path / "unzipped"
    with zipfile.ZipFile(export_zip(tmp_path / "z")) as zf:
        zf.extractall(folder)
    assert python(home, KILLED_AT, KILL_AT="packing", DELIVERY=str(folder)).returncode == -9
    assert len(list((home / "archive").glob(".packing-*.zip"))) == 1
    assert python(home, KILLED_AT, KILL_AT="unpacked", DELIVERY=str(tmp_path / "z" / "export.zip")).returncode == -9
    unpacked = list((home / "work").glob("ingest-*"))
    assert unpacked and list(unpacked[0].rglob("Client.csv")), "client data was left on disk by the kill"

    done = waypoint(home, "ingest", "--no-expectations", str(export_zip(tmp_path / "other", export_id="E2")))
    assert done.returncode == 0, done.stderr
    assert not list((home / "work").glob("ingest-*"))
    assert not list((home / "archive").glob(".packing-*")) and not list((home / "archive").glob(".incoming-*"))


def _wait_for(predicate, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return predicate()


def test_dbt_dies_with_a_killed_build_and_the_next_build_removes_its_folder(tmp_path):
    home = tmp_path / "home"
    settings = Settings(home)
    assert waypoint(home, "ingest", "--no-expectations", str(export_zip(tmp_path / "a"))).returncode == 0
    build = start(home, "build")
    try:
        dbt = _wait_for(lambda: orphan_dbt_processes(settings.build_dir), 240)
        assert dbt, "dbt started"
    finally:
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
    _wait_for(lambda: not orphan_dbt_processes(settings.build_dir), 15)
    assert orphan_dbt_processes(settings.build_dir) == [], "no dbt outlives the killed build"
    assert list(settings.build_dir.glob("warehouse-*.dbt")), "the killed build left its dbt folder"
    sweep_build_leftovers(settings)
    assert not list(settings.build_dir.glob("warehouse-*.dbt"))


def test_the_next_build_stops_a_dbt_left_without_its_parent(tmp_path):
    settings = Settings(tmp_path / "home").ensure()
    killed_folder = settings.build_dir / "warehouse-20260101T000000000000.dbt"
    killed_folder.mkdir()
    # a stand-in with dbt's command line (Dagster starts dbt without the CLI's die-with-parent)
    orphan = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(120)", "dbt", "build", "--target-path", str(killed_folder)],
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30  # until the child has exec'd, /proc shows pytest's own command line
        while orphan.pid not in orphan_dbt_processes(settings.build_dir) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert orphan.pid in orphan_dbt_processes(settings.build_dir)
        sweep_build_leftovers(settings)
        assert orphan.wait(timeout=15) is not None
        assert not killed_folder.exists()
    finally:
        if orphan.poll() is None:
            orphan.kill()


def test_failed_builds_are_not_kept_when_they_would_keep_a_full_disk_full(tmp_path):
    roomy = Settings(tmp_path / "roomy").ensure()
    for n in range(5):
        (roomy.build_dir / f"warehouse-2026010{n}T000000000000.duckdb").write_bytes(b"x")
        (roomy.build_dir / f"warehouse-2026010{n}T000000000000.dbt").mkdir()
    sweep_build_leftovers(roomy)
    assert len(list(roomy.build_dir.glob("warehouse-*.duckdb"))) == 3, "three failed builds kept for inspection"

    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0:
        pytest.skip("a small tmpfs needs root")
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(disk)], check=True)
    try:
        full = Settings(disk / "home").ensure()
        (full.build_dir / "warehouse-20260101T000000000000.duckdb").write_bytes(b"\0" * (15 << 20))
        assert low_on_space(full.build_dir)
        sweep_build_leftovers(full)
        assert not list(full.build_dir.glob("warehouse-*")), "a full disk is freed of failed builds"
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
