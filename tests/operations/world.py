"""Small hand-built exports and a way to run `waypoint` as a separate process (to kill it, race it, or give it
a umask), for the operations tests."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from ingest import corpus as c
from ingest.exports import build_files

WAYPOINT = [sys.executable, "-c", "from pipelines.cli import main; main()"]


def export_zip(
    folder: Path, *, name: str = "export.zip", export_id: str = "EXP1", exit_before_entry: bool = True
) -> Path:
    """A 3-rows-per-file FY2026 export; with ``exit_before_entry`` Great Expectations finds one error."""
    files = build_files("fy2026")
    c.put(files, "Export", "ExportID", export_id)
    if exit_before_entry:
        c.put(files, "Enrollment", "EntryDate", "2025-05-01")
        c.put(files, "Exit", "ExitDate", "2025-04-01")
    return c.zipped(files, folder, name=name)


def repacked(source: Path, dest: Path) -> Path:
    """The same CSVs in a different zip (other compression, other order): other bytes, same content."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_STORED) as zout:
        for info in reversed(zin.infolist()):
            zout.writestr(info.filename, zin.read(info))
    return dest


def env_for(home: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "WAYPOINT_HOME": str(home), **extra}
    env.pop("WAYPOINT_SAY_WAITS", None)
    return env


def waypoint(home: Path, *args: str, umask: int | None = None, timeout: float = 300, **extra: str):
    """Run `waypoint ARGS` in its own process; returns the CompletedProcess (text, both streams captured)."""
    return subprocess.run(
        [*WAYPOINT, *args],
        env=env_for(home, **extra),
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None,
    )


def start(home: Path, *args: str, umask: int | None = None, **extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [*WAYPOINT, *args],
        env=env_for(home, **extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None,
    )


def python(home: Path, code: str, *, timeout: float = 300, **extra: str):
    """Run a Python snippet as its own process with WAYPOINT_HOME set (e.g. to die at a chosen point)."""
    return subprocess.run(
        [sys.executable, "-c", code], env=env_for(home, **extra), capture_output=True, text=True, timeout=timeout
    )


def no_traceback(*texts: str) -> bool:
    return not any("Traceback" in t or 'File "' in t for t in texts)


def in_process(home: Path, *args: str):
    """Run `waypoint ARGS` in this process (click's runner): the same code, without a new interpreter's start-up."""
    from click.testing import CliRunner

    from pipelines.cli.main import cli

    return CliRunner().invoke(cli, list(args), env={"WAYPOINT_HOME": str(home)})
