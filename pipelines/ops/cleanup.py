"""Nothing left behind: what a killed or failed command leaves is removed by the next one, under its lock.

A killed ingest leaves unpacked client CSVs in ``work/ingest-*`` and partial ``archive/.packing-*.zip`` or
``.incoming-*`` files; a killed build leaves its dbt folder (4-40 MB) and, when only the CLI was killed, a dbt
process with no parent that keeps the databases open. The next ingest (holding the writer lock) and the next
build (holding the build lock) sweep them, so no two commands ever race on these files. dbt started by the
CLI also dies with its parent (``die_with_parent``).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import time
from pathlib import Path

from pipelines.config import Settings

_PR_SET_PDEATHSIG = 1
MIN_FREE_BYTES = 1 << 30  # below this, a failed build's file is not kept (its dbt log is)


def die_with_parent() -> None:
    """``preexec_fn`` for dbt: the kernel kills it when the Waypoint process that started it dies (Linux)."""
    with contextlib.suppress(OSError):  # not Linux: the next build's sweep stops an orphan instead
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _remove(path: Path) -> bool:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:
        return False
    return True


def sweep_ingest_leftovers(settings: Settings) -> list[Path]:
    """Remove unpacked CSVs and partial archive copies of killed ingests (call with the writer lock held)."""
    removed = []
    work = settings.home / "work"
    candidates = [*work.glob("ingest-*"), *settings.archive.glob(".packing-*"), *settings.archive.glob(".incoming-*")]
    candidates += list((work / "duckdb_tmp").glob("*"))
    for path in candidates:
        if _remove(path):
            removed.append(path)
    return removed


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def orphan_dbt_processes(build_dir: Path) -> list[int]:
    """dbt processes writing into this home's builds folder (with the build lock held, none should run)."""
    if not Path("/proc").is_dir():
        return []
    mine = {os.getpid(), os.getppid()}
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) in mine:
            continue
        line = _cmdline(int(entry.name))
        if "dbt" in line and str(build_dir) in line:
            found.append(int(entry.name))
    return found


def stop_orphans(build_dir: Path, grace_seconds: float = 5.0) -> list[int]:
    """Stop dbt processes a killed build left (SIGTERM, then SIGKILL after ``grace_seconds``)."""
    pids = found = orphan_dbt_processes(build_dir)
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace_seconds
    while pids and time.monotonic() < deadline:
        pids = [pid for pid in pids if Path(f"/proc/{pid}").exists() and _cmdline(pid)]
        time.sleep(0.1)
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return found


def low_on_space(folder: Path, minimum: int = MIN_FREE_BYTES) -> bool:
    """True when the filesystem of ``folder`` has less than ``minimum`` bytes or 10% free."""
    try:
        stats = os.statvfs(folder)
    except OSError:
        return False
    free = stats.f_bavail * stats.f_frsize
    return free < minimum or free < 0.1 * stats.f_blocks * stats.f_frsize


def sweep_build_leftovers(settings: Settings) -> list[Path]:
    """Stop orphaned dbt, then drop dbt folders of killed builds and failed builds beyond the kept ones
    (call with the build lock held)."""
    from pipelines.warehouse.publish import prune_builds

    stopped = stop_orphans(settings.build_dir)
    removed = prune_builds(settings, keep=0 if low_on_space(settings.build_dir) else 3)
    if stopped:
        from pipelines.ops import locks

        locks.announce(f"stopped {len(stopped)} dbt process(es) left running by a killed build")
    return removed
