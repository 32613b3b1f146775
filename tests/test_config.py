"""WAYPOINT_HOME: the variable when set, else ``./var`` of the directory a command runs in (README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.config import PROJECT_ROOT, get_settings


def test_home_defaults_to_var_of_the_current_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("WAYPOINT_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    home = get_settings().home
    assert home == (tmp_path / "var").resolve()
    assert not home.is_relative_to(PROJECT_ROOT)  # a second checkout never writes into this one's var/


def test_home_follows_the_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("WAYPOINT_HOME", str(tmp_path / "elsewhere"))
    assert get_settings().home == (tmp_path / "elsewhere").resolve()
    monkeypatch.setenv("WAYPOINT_HOME", "")
    monkeypatch.chdir(tmp_path)
    assert get_settings().home == (tmp_path / "var").resolve()
