"""Fixtures for the ingestion tests: a fresh WAYPOINT_HOME per test and one small valid export.

The base export comes from the synthetic generator's ``tiny`` preset when the generator is present
(generated once per session), else from the spec-driven builder in ``exports.py``.
"""

from __future__ import annotations

import copy
import csv
import io
import zipfile
from pathlib import Path

import pytest

from pipelines.config import Settings

from . import exports


def _generator_export(out: Path) -> dict[str, list[list[str]]] | None:
    try:
        from pipelines.synth import generate
    except ImportError:
        return None
    generate(out, preset="tiny", seed=42)
    zips = sorted(out.glob("*/*.zip"))
    if not zips:
        return None
    files = {}
    with zipfile.ZipFile(zips[0]) as zf:
        for info in zf.infolist():
            if info.filename.lower().endswith(".csv"):
                text = zf.read(info).decode("utf-8-sig")
                files[Path(info.filename).stem] = list(csv.reader(io.StringIO(text)))
    return files


@pytest.fixture(scope="session")
def synth_dir(tmp_path_factory) -> Path | None:
    """The generator's tiny preset, generated once (None when the generator is not installed)."""
    out = tmp_path_factory.mktemp("synth_tiny")
    try:
        from pipelines.synth import generate
    except ImportError:
        return None
    generate(out, preset="tiny", seed=42)
    return out


@pytest.fixture(scope="session")
def _base_files(tmp_path_factory) -> dict[str, list[list[str]]]:
    files = _generator_export(tmp_path_factory.mktemp("synth_base"))
    return files or exports.build_files("fy2026")


@pytest.fixture
def base_files(_base_files) -> dict[str, list[list[str]]]:
    """A valid FY2026 export as rows per file (header first); a fresh copy for each test to break."""
    return copy.deepcopy(_base_files)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(home=tmp_path / "home").ensure()
