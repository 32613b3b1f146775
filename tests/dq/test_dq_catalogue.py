"""The check catalogue: at least 40 checks, each documented and implemented by a check model."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from .conftest import DqWorld, catalogue_rows

CHECK_MODELS = Path(__file__).resolve().parents[2] / "dbt_project" / "models" / "marts" / "dq" / "checks"


def _checks_in_sql() -> set[str]:
    pattern = re.compile(r"dq_(?:client_|enrollment_|exit_)?issue\(\s*'([a-z0-9_]+)'")
    return {m for path in CHECK_MODELS.glob("*.sql") for m in pattern.findall(path.read_text())}


def test_catalogue_has_at_least_40_documented_checks() -> None:
    rows = catalogue_rows()
    assert len(rows) >= 40
    for row in rows:
        assert row["severity"] in {"error", "warning"}, row
        assert row["dimension"] in {"completeness", "accuracy", "timeliness", "consistency"}, row
        assert len(row["guidance"].split()) >= 8, row["check_id"]
        assert row["data_element"] and row["applies_to"], row["check_id"]


def test_every_catalogue_check_has_sql_and_every_sql_check_is_catalogued() -> None:
    assert _checks_in_sql() == {row["check_id"] for row in catalogue_rows()}


def test_dq_models_build_and_their_dbt_tests_pass(dq_world: DqWorld) -> None:
    assert dq_world.build.run.models >= 30
    assert dq_world.build.test.tests >= 100
    assert dq_world.build.test.failures == ()


def test_issue_list_gives_an_admin_what_to_fix(dq_con: duckdb.DuckDBPyConnection) -> None:
    """Every issue on a client's record names the client, the project and agency, and what to fix."""
    (incomplete,) = dq_con.execute(
        """
        select count(*) from marts.dq_record_issues
        where what_to_fix is null or detected_value is null or organization_id is null or project_id is null
            or (record_type in ('client', 'enrollment', 'exit', 'household')
                and (personal_id is null or client_id is null))
            or (record_type in ('enrollment', 'exit') and enrollment_id is null)
        """
    ).fetchone()
    (issues,) = dq_con.execute("select count(*) from marts.dq_record_issues").fetchone()
    assert issues > 0
    assert incomplete == 0
