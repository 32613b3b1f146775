"""README's per-area command (`.venv/bin/pytest tests/<area>`) runs without xdist: tests/conftest.py's grouping
must only act on an xdist worker (CI's `make test` runs with workers, so only this test sees a plain run)."""

from __future__ import annotations

import subprocess
import sys

from pipelines.config import PROJECT_ROOT


def test_a_plain_pytest_run_of_one_area_passes() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_config.py"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert " passed" in done.stdout
