"""The HUD framework counts (Q6a-Q6f) and the scorecards, checked against the generator's manifest
and against the records every cell drills down to."""

from __future__ import annotations

import duckdb
import pytest

from .conftest import VERSIONS, DqWorld
from .manifest_truth import Ids

RECORDS = "marts.dq_hud_framework_records"
SCOPE_KEYS = {"project": "project_key", "agency": "organization_key", "coc": "coc_code"}


def _manifest_enrollments(world: DqWorld, con: duckdb.DuckDBPyConnection, kinds: set[str]) -> set[tuple[str, str]]:
    ids = Ids(con)
    out = set()
    for version in VERSIONS:
        for defect in world.manifests[version]["defects"]:
            if defect["defect"] in kinds:
                source, _, enrollment = ids.anchor(defect, "enrollment")
                out.add((source, enrollment))
    return out


def _enrollments(con: duckdb.DuckDBPyConnection, relation: str, where: str) -> set[tuple[str, str]]:
    return set(con.execute(f"select distinct source_id, enrollment_id from {relation} where {where}").fetchall())


def test_late_start_and_exit_records_are_the_manifest_late_entries(
    dq_world: DqWorld, dq_con: duckdb.DuckDBPyConnection
) -> None:
    """Q6e: records in the bands beyond timeliness_days (3) are exactly the late ones the generator wrote."""
    for column, kind in (("start_record_days", "late_entry"), ("exit_record_days", "late_exit")):
        counted = _enrollments(dq_con, RECORDS, f"{column} is not null")
        late = _enrollments(dq_con, RECORDS, f"{column} > 3")
        assert late, kind
        assert late == _manifest_enrollments(dq_world, dq_con, {kind}) & counted, kind


def test_inactive_records_at_the_export_end_are_the_manifest_inactive_stays(
    dq_world: DqWorld, dq_con: duckdb.DuckDBPyConnection
) -> None:
    """Q6f in the last quarter (ending on the export end): inactive = the injected inactive stays."""
    inactive = _enrollments(
        dq_con,
        "marts.dq_hud_framework_inactive_records",
        "is_inactive and period_end = (select max(period_end) from marts.dq_periods)",
    )
    assert inactive == _manifest_enrollments(dq_world, dq_con, {"inactive_nbn", "inactive_outreach"})


def test_destination_errors_are_the_manifest_destination_defects(
    dq_world: DqWorld, dq_con: duckdb.DuckDBPyConnection
) -> None:
    """Q6c destination: leavers with DK/PNTA or missing destinations are the injected ones."""
    flagged = _enrollments(dq_con, RECORDS, "destination_status is not null")
    leavers = _enrollments(dq_con, RECORDS, "is_leaver")
    assert flagged
    assert flagged == _manifest_enrollments(dq_world, dq_con, {"destination_dk", "destination_missing"}) & leavers


@pytest.mark.parametrize("level", list(SCOPE_KEYS))
@pytest.mark.parametrize(
    ("element", "status_column"),
    [
        ("name", "name_status"),
        ("ssn", "ssn_status"),
        ("destination", "destination_status"),
        ("income_at_exit", "income_exit_status"),
        ("veteran_status", "veteran_status_status"),
    ],
)
def test_every_framework_cell_drills_down_to_its_records(
    dq_con: duckdb.DuckDBPyConnection, level: str, element: str, status_column: str
) -> None:
    """Columns B-E per scope and quarter equal the records with that status on each person's latest stay."""
    differences = dq_con.execute(
        f"""
        with drilled as (
            select
                period_id,
                {SCOPE_KEYS[level]} as scope_key,
                count(*) filter (where {status_column} = 'dk_pnta') as dk_pnta_count,
                count(*) filter (where {status_column} = 'missing') as missing_count,
                count(*) filter (where {status_column} = 'issue') as data_issue_count,
                count({status_column}) as total_count
            from {RECORDS}
            where is_latest_in_{level} and {SCOPE_KEYS[level]} is not null
            group by all
        ),
        reported as (
            select period_id, scope_key, dk_pnta_count, missing_count, data_issue_count, total_count
            from marts.dq_hud_framework_elements
            where scope_level = '{level}' and element = '{element}'
        )
        (select * from drilled except select * from reported)
        union all
        (select * from reported except select * from drilled)
        """
    ).fetchall()
    assert differences == []


def test_each_person_is_counted_once_per_scope_and_quarter(dq_con: duckdb.DuckDBPyConnection) -> None:
    for level, key in SCOPE_KEYS.items():
        (duplicates,) = dq_con.execute(
            f"""
            select count(*) from (
                select period_id, {key}, personal_key from {RECORDS}
                where is_latest_in_{level} group by all having count(*) > 1
            )
            """
        ).fetchone()
        assert duplicates == 0, level


@pytest.mark.parametrize(
    ("level", "mart", "key"),
    [
        ("project", "dq_scorecard_project", "project_key"),
        ("agency", "dq_scorecard_agency", "organization_key"),
        ("coc", "dq_scorecard_coc", "coc_code"),
    ],
)
def test_scorecards_grade_every_scope_with_activity(
    dq_con: duckdb.DuckDBPyConnection, level: str, mart: str, key: str
) -> None:
    (ungraded,) = dq_con.execute(
        f"""
        select count(*)
        from (
            select distinct period_id, {SCOPE_KEYS[level]} as scope_key from {RECORDS}
            where is_latest_in_{level} and {SCOPE_KEYS[level]} is not null
        ) as active
        left join marts.{mart} as card
            on active.period_id = card.period_id and active.scope_key = card.{key}
        where card.grade is null or card.overall_score not between 0 and 100
        """
    ).fetchone()
    assert ungraded == 0


def test_scorecard_timeliness_counts_records_within_the_configured_days(dq_con: duckdb.DuckDBPyConnection) -> None:
    """timeliness_start = starts entered within timeliness_days (seed: 3) / start records, per CoC and quarter."""
    rows = dq_con.execute(
        f"""
        select
            metrics.numerator,
            metrics.denominator,
            count(*) filter (where records.start_record_days between 0 and 3) as timely,
            count(records.start_record_days) as starts
        from marts.dq_scorecard_metrics as metrics
        left join {RECORDS} as records
            on records.period_id = metrics.period_id
            and records.coc_code = metrics.scope_key
            and records.is_latest_in_coc
        where metrics.scope_level = 'coc' and metrics.metric = 'timeliness_start'
        group by all
        """
    ).fetchall()
    assert rows
    assert all(numerator == timely and denominator == starts for numerator, denominator, timely, starts in rows)
    assert any(numerator < denominator for numerator, denominator, _, _ in rows), "late entries lower some scores"
