"""DuckDB's memory limit, threads and spill folder (docs/scale.md "DuckDB within 4 GiB"): ingestion's connection and
the dbt profile read the same variables with the same defaults."""

from __future__ import annotations

import re

import duckdb

from pipelines.store.db import DEFAULT_MEMORY_LIMIT, MEMORY_LIMIT_ENV, THREADS_ENV, limit_memory
from pipelines.warehouse.dbt_paths import DBT_PROJECT_DIR


def _settings(con: duckdb.DuckDBPyConnection) -> tuple:
    return con.execute(
        "select current_setting('memory_limit'), current_setting('threads'), current_setting('temp_directory')"
    ).fetchone()


def test_ingest_connection_is_limited_and_spills_to_the_given_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv(MEMORY_LIMIT_ENV, raising=False)
    monkeypatch.delenv(THREADS_ENV, raising=False)
    con = duckdb.connect()
    limit_memory(con, tmp_path / "spill")
    limit, threads, folder = _settings(con)
    assert limit == "1.8 GiB" and threads == 2 and folder == str(tmp_path / "spill")  # 2GB = 1.8 GiB
    assert (tmp_path / "spill").is_dir()

    monkeypatch.setenv(MEMORY_LIMIT_ENV, "512MB")
    monkeypatch.setenv(THREADS_ENV, "1")
    con = duckdb.connect()
    limit_memory(con, tmp_path / "spill")
    assert _settings(con)[:2] == ("488.2 MiB", 1)


def test_the_dbt_profile_reads_the_same_variables_and_defaults() -> None:
    profile = (DBT_PROJECT_DIR / "profiles.yml").read_text()
    assert re.search(rf"memory_limit: \"{{{{ env_var\('{MEMORY_LIMIT_ENV}', '{DEFAULT_MEMORY_LIMIT}'\) }}}}\"", profile)
    assert f"env_var('{THREADS_ENV}', '2')" in profile
    assert "temp_directory: \"{{ env_var('WAYPOINT_DUCKDB_TEMP_DIRECTORY', 'duckdb_tmp') }}\"" in profile
