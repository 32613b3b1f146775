"""The check catalogue: at least 40 checks, each documented and implemented by a check model."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from .conftest import DqWorld, catalogue_rows

CHECK_MODELS = Path(__file__).resolve().parents[2] / "dbt_project" / "models" / "marts" / "dq" / "checks"


# Eva's enrollment-level and project descriptor (PDDE) issue ids (abtassociates/eva, public-resources/EvaChecks.csv,
# FY2026: 05_DataQuality.R and 06_PDDE_Checker.R); its file-structure ids are the ingest findings' business.
EVA_CHECK_IDS = frozenset(
    {1, 2, 3, 4, 5, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 25, 26, 27, 28, 29, 30, 31, 32, 34, 35, 36, 37, 40, 41}
    | {42, 43, 44, 46, 56, 57, 58, 59, 60, 61, 63, 64, 66, 67, 68, 69, 70, 71, 72, 73, 75, 77, 78, 79, 81, 83, 84}
    | {86, 96, 97, 99, 100, 102, 103, 104, 105, 106, 107, 108, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119}
    | {120, 121, 128, 129, 130, 131, 132, 133, 135, 136, 137, 138, 139, 141, 142, 143}
)


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


def test_every_eva_check_is_named_by_a_catalogue_check() -> None:
    """An agency admin who switches from Eva loses nothing: each Eva issue id is some check's eva_id."""
    named = {int(i) for row in catalogue_rows() for i in row["eva_id"].split(",") if i.strip()}
    assert sorted(EVA_CHECK_IDS - named) == []


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
