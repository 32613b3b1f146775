"""The same warehouse on PostgreSQL (docs/scale.md): the session's DuckDB warehouse (the small world and the tiny
preset in both CSV versions, one request of each report) built again with `waypoint build --target postgres`,
then every report and DQ mart and every report artifact compared with DuckDB's, row for row.

The server is the one of WAYPOINT_POSTGRES_URL (`make test` starts the project's own with scripts/postgres.sh);
the test builds in a database of its own, dropped afterwards.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from dashboards.data.access import AccessDenied, DataAccess
from dashboards.data.catalog import DATASETS, Level
from dashboards.data.warehouse import WAREHOUSE_URL, DataNotReady
from dashboards.roles import Role
from dashboards.state.users import UserStore
from pipelines.cli.main import cli
from pipelines.config import PROJECT_ROOT, Settings
from pipelines.reports.build import write_reports
from pipelines.warehouse.build import BuildResult
from pipelines.warehouse.postgres import URL_VARIABLE, PostgresReader, PostgresTarget, transaction
from pipelines.warehouse.postgres_build import build_postgres_warehouse

from .conftest import BuiltWarehouse, report_requests

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

COMPARED_PREFIXES = ("hud_", "dq_")  # every report mart (HUD APR/CAPER, SPM, HIC/PIT) and every DQ mart


def _start_test_server() -> str:
    """`scripts/postgres.sh start` with the test server's home and port (the Makefile's TEST_POSTGRES_*)."""
    env = {**os.environ, "WAYPOINT_HOME": "/tmp/waypoint-test-postgres", "WAYPOINT_POSTGRES_PORT": "5439"}
    started = subprocess.run(
        ["bash", str(PROJECT_ROOT / "scripts" / "postgres.sh"), "start"], env=env, capture_output=True, text=True
    )
    assert started.returncode == 0, f"scripts/postgres.sh start failed: {started.stderr}"
    return started.stdout.strip()


def _server_url() -> str:
    """WAYPOINT_POSTGRES_URL, or the project's test server started here (as `make test` does) when it is unset."""
    return os.environ.get(URL_VARIABLE, "").strip() or _start_test_server()


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[PostgresTarget]:
    """A fresh database on the server for this session's builds, dropped at the end."""
    server = PostgresTarget.from_url(_server_url())
    name = f"waypoint_test_{uuid.uuid4().hex[:10]}"
    admin = server.connect()
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute(f"create database {name}")
        yield replace(server, database=name)
        with admin.cursor() as cur:
            cur.execute(f"drop database if exists {name} with (force)")
    finally:
        admin.close()


@dataclass(frozen=True)
class PostgresBuild:
    settings: Settings  # a copy of the session's home: its ingest.duckdb, its own builds and reports folders
    target: PostgresTarget
    result: BuildResult


@pytest.fixture(scope="session")
def postgres_build(
    built_warehouse: BuiltWarehouse, postgres_database: PostgresTarget, tmp_path_factory: pytest.TempPathFactory
) -> PostgresBuild:
    settings = Settings(home=tmp_path_factory.mktemp("postgres_home") / "home").ensure()
    shutil.copyfile(built_warehouse.settings.ingest_db, settings.ingest_db)
    result = build_postgres_warehouse(settings, target=postgres_database)
    return PostgresBuild(settings, postgres_database, result)


def _plain(value: object) -> object:
    """One cell as both engines' drivers can agree on it: numbers as floats to 9 places, dates as ISO text."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float | Decimal):
        return round(float(value), 9)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return tuple(_plain(v) for v in value)
    return value


def _rows(execute, table: str) -> tuple[list[str], list[tuple]]:
    result = execute(f'select * from marts."{table}"')
    columns = [c[0] for c in result.description] if hasattr(result, "description") else result.columns
    rows = sorted((tuple(_plain(v) for v in row) for row in result.fetchall()), key=repr)
    return columns, rows


def _compared_marts(built_warehouse: BuiltWarehouse) -> list[str]:
    tables = built_warehouse.query("select table_name from information_schema.tables where table_schema = 'marts'")
    return sorted(name for (name,) in tables if name.startswith(COMPARED_PREFIXES))


def test_the_whole_project_builds_on_postgres_with_every_test(
    built_warehouse: BuiltWarehouse, postgres_build: PostgresBuild
):
    duck, pg = built_warehouse.result, postgres_build.result
    assert (pg.models, pg.seeds, pg.tests) == (duck.models, duck.seeds, duck.tests)
    assert pg.input_ingest_ids == duck.input_ingest_ids
    with transaction(postgres_build.target) as cur:
        cur.execute("select build_id, models, tests from meta.build")
        assert cur.fetchall() == [(pg.build_id, pg.models, pg.tests)]
        cur.execute("select count(*) from information_schema.schemata where schema_name like 'build\\_%'")
        assert cur.fetchone() == (0,)  # published: the build_ schemas were renamed


def test_every_report_and_dq_mart_is_equal_row_for_row(built_warehouse: BuiltWarehouse, postgres_build: PostgresBuild):
    marts = _compared_marts(built_warehouse)
    layouts = {name for (name,) in built_warehouse.query("select model_name from reference.report_tables")}
    assert layouts <= set(marts) and any(m.startswith("dq_") for m in marts)  # every report table and the DQ marts
    duck = duckdb.connect(str(built_warehouse.settings.published_db), read_only=True)
    pg = PostgresReader(postgres_build.target)
    differing, filled = [], 0
    try:
        for table in marts:
            duck_columns, duck_rows = _rows(duck.execute, table)
            pg_columns, pg_rows = _rows(pg.execute, table)
            filled += bool(duck_rows)
            if (duck_columns, duck_rows) != (pg_columns, pg_rows):
                only_duck = [r for r in duck_rows if r not in pg_rows][:2]
                only_pg = [r for r in pg_rows if r not in duck_rows][:2]
                differing.append(f"{table}: DuckDB-only {only_duck}, PostgreSQL-only {only_pg}")
    finally:
        duck.close()
        pg.close()
    assert not differing, "\n".join(differing)
    assert filled > len(marts) // 2, "most marts should hold rows for the session's report requests"


def _csv_text(path: Path) -> str:
    """A written CSV, less the time it was written (the HDX upload's ReportDateTime, row 2 column 2)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if path.name.startswith("HDX-") and len(lines) > 1:
        cells = lines[1].split(",")
        lines[1] = ",".join(cells[:1] + cells[2:])
    return "\n".join(lines)


def test_reports_written_from_postgres_are_the_same_files(
    built_warehouse: BuiltWarehouse, postgres_build: PostgresBuild, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    requests = report_requests()
    duck_home = Settings(home=tmp_path / "duck").ensure()
    shutil.copyfile(built_warehouse.settings.published_db, duck_home.published_db)
    duck = write_reports(requests, duck_home, requested_by="tests")
    target = postgres_build.target
    url = f"postgresql://{target.user}:{target.password}@{target.host}:{target.port}/{target.database}"
    monkeypatch.setenv(URL_VARIABLE, url)
    pg = write_reports(requests, postgres_build.settings, requested_by="tests", target="postgres")
    for duck_artifacts, pg_artifacts in zip(duck, pg, strict=True):
        duck_files = sorted(p.relative_to(duck_artifacts.folder) for p in duck_artifacts.folder.rglob("*.csv"))
        pg_files = sorted(p.relative_to(pg_artifacts.folder) for p in pg_artifacts.folder.rglob("*.csv"))
        assert duck_files == pg_files and duck_files, duck_artifacts.folder
        for name in duck_files:
            assert _csv_text(pg_artifacts.folder / name) == _csv_text(duck_artifacts.folder / name), name


def test_postgres_script_start_is_idempotent_and_prints_a_working_url():
    url = _start_test_server()
    assert _start_test_server() == url and url.startswith("postgresql://waypoint:")
    with transaction(PostgresTarget.from_url(url)) as cur:
        cur.execute("select current_setting('server_version_num')::int / 10000")
        assert cur.fetchone() == (15,)


def test_cli_without_a_postgres_url_says_what_to_set(published_home: Settings, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("WAYPOINT_HOME", str(published_home.home))
    monkeypatch.delenv(URL_VARIABLE, raising=False)
    result = CliRunner().invoke(cli, ["build", "--target", "postgres"])
    assert result.exit_code == 2
    assert "WAYPOINT_POSTGRES_URL" in result.output and "scripts/postgres.sh start" in result.output


def _frame_rows(frame) -> list[tuple]:
    """The frame's rows as plain tuples (``_plain``), sorted by a key single-precision noise does not move.

    Converted column by column (``tolist`` gives Python scalars in C): person-level tables run to 10^5 rows."""

    def column(series: pd.Series) -> list:
        if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
            return [None if v != v else v for v in series.astype("float64").round(9).tolist()]  # NaN != NaN
        return [
            v if type(v) is str else None if v is None or v is pd.NaT or v is pd.NA or v != v else _plain(v)
            for v in series.tolist()
        ]

    def coarse(row: tuple) -> str:
        return repr(tuple(f"{v:.4g}" if isinstance(v, float) else v for v in row))

    columns = [column(frame.iloc[:, j]) for j in range(frame.shape[1])]
    return sorted(zip(*columns, strict=True), key=coarse) if columns else [() for _ in range(len(frame))]


def _same_cell(a: object, b: object) -> bool:
    """Equal, floats to single precision: planning and funder rates are dbt's `float`, 4 bytes on DuckDB."""
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)
    return a == b


def _same_answer(a: object, b: object) -> bool:
    if not (isinstance(a, tuple) and isinstance(b, tuple)):
        return a == b
    (a_columns, a_rows), (b_columns, b_rows) = a, b
    return (
        a_columns == b_columns
        and len(a_rows) == len(b_rows)
        and all(
            len(x) == len(y) and all(_same_cell(u, v) for u, v in zip(x, y, strict=True))
            for x, y in zip(a_rows, b_rows, strict=True)
        )
    )


def _answers(user, settings: Settings) -> dict[str, object]:
    """Every dataset a user may open, as the data-access layer answers it (tables as shown, suppression applied)."""
    answers: dict[str, object] = {}
    for name, dataset in DATASETS.items():
        access = DataAccess(user, settings)
        try:
            answer = access.aggregate(name) if dataset.level is Level.AGGREGATE else access.person_level(name)
        except (AccessDenied, DataNotReady) as err:
            answers[name] = type(err).__name__
            continue
        answers[name] = (list(answer.table.columns), _frame_rows(answer.table))
    return answers


def test_dashboards_read_postgres_with_the_same_scoping_and_suppression(
    built_warehouse: BuiltWarehouse, postgres_build: PostgresBuild, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    settings = Settings(home=tmp_path / "dash").ensure()
    shutil.copyfile(built_warehouse.settings.published_db, settings.published_db)
    ((agency,),) = built_warehouse.query(
        "select organization_key from marts.dim_project group by 1 order by count(*) desc, 1 limit 1"
    )
    store = UserStore(settings.app_db)
    scopes = {Role.SYSTEM_ADMINISTRATOR: {}, Role.AGENCY_ADMIN: {"agency_id": agency}, Role.PLANNER: {}}
    target = postgres_build.target
    url = f"postgresql://{target.user}:{target.password}@{target.host}:{target.port}/{target.database}"
    for role, scope in scopes.items():
        store.add(f"pg-{role.value}", role, created_by="tests", **scope)
        user = store.require(f"pg-{role.value}")
        monkeypatch.delenv(WAREHOUSE_URL, raising=False)
        duck = _answers(user, settings)
        monkeypatch.setenv(WAREHOUSE_URL, url)
        pg = _answers(user, settings)
        assert sum(isinstance(a, tuple) and bool(a[1]) for a in duck.values()) > 3, role
        differing = [name for name in duck if not _same_answer(duck[name], pg[name])]
        assert not differing, f"{role}: {differing}"
