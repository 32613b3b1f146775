"""Shared fixtures: a Waypoint home whose ingest.duckdb holds the small world, built once per session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from pipelines.config import Settings
from pipelines.warehouse.build import BuildResult, build_warehouse

from .raw_layer import write_raw_layer
from .small_world import small_world_exports


@dataclass(frozen=True)
class BuiltWarehouse:
    settings: Settings
    result: BuildResult

    def query(self, sql: str, params: list | None = None) -> list[tuple]:
        con = duckdb.connect(str(self.settings.published_db), read_only=True)
        try:
            return con.execute(sql, params or []).fetchall()
        finally:
            con.close()


def new_home(root: Path) -> Settings:
    settings = Settings(home=root).ensure()
    write_raw_layer(settings.ingest_db, small_world_exports())
    return settings


@pytest.fixture(scope="session")
def small_world_warehouse(tmp_path_factory: pytest.TempPathFactory) -> BuiltWarehouse:
    """The small world built and published once (read-only for the tests that use it)."""
    settings = new_home(tmp_path_factory.mktemp("small_world_home"))
    return BuiltWarehouse(settings, build_warehouse(settings))


@pytest.fixture
def one_value(small_world_warehouse: BuiltWarehouse) -> Callable[[str], object]:
    def query(sql: str) -> object:
        rows = small_world_warehouse.query(sql)
        assert len(rows) == 1 and len(rows[0]) == 1, f"expected one value from {sql!r}, got {rows}"
        return rows[0][0]

    return query


@pytest.fixture
def waypoint_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """A fresh home holding the small world's raw layer, set as WAYPOINT_HOME."""
    settings = new_home(tmp_path / "home")
    monkeypatch.setenv("WAYPOINT_HOME", str(settings.home))
    yield settings
