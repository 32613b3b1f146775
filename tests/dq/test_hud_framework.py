"""The HUD framework counts (Q6a-Q6f) and the scorecards, checked against the generator's manifest
and against the records every cell drills down to."""

from __future__ import annotations

import duckdb
import pytest

from .conftest import VERSIONS, DqWorld
from .manifest_truth import Ids


def _manifest_enrollments(dq_world: DqWorld, con: duckdb.DuckDBPyConnection, kinds: set[str]) -> set[tuple[str, str]]:
    ids = Ids(con)
    out = set()
    for version in VERSIONS:
        for defect in dq_world.manifests[version]["defects"]:
            if defect["defect"] in kinds:
                source, _, enrollment = ids.anchor(defect, "enrollment")
                out.add((source, enrollment))
    return out


def test_late_start_and_exit_records_are_the_manifest_late_entries(dq_world: DqWorld, dq_con: duckdb.DuckDBPyConnection) -> None:
    """Q6e: records in the bands beyond timeliness_days (3) are exactly the late ones the generator wrote."""
    for column, kind in (("start_record_days", "late_entry"), ("exit_record_days", "late_exit")):
        counted = set(dq_con.execute(f"select distinct source_id, enrollment_id from marts.dq_hud_framework_records where {column} is not null").fetchall())
        late = set(dq_con.execute(f"select distinct source_id, enrollment_id from marts.dq_hud_framework_records where {column} > 3").fetchall())
        assert late, kind
        assert late == _manifest_enrollments(dq_world, dq_con, {kind}) & counted, kind


def test_inactive_records_at_the_export_end_are_the_manifest_inactive_stays(dq_world: DqWorld, dq_con: duckdb.DuckDBPyConnection) -> None:
    """Q6f in the last quarter (ending on the export end): inactive = the injected inactive stays."""
    inactive = set(
        dq_con.execute(
            """
            select distinct source_id, enrollment_id from marts.dq_hud_framework_inactive_records
            where is_inactive and period_end = (select max(period_end) from marts.dq_periods)
            """
        ).fetchall()
    )
    assert inactive == _manifest_enrollments(dq_world, dq_con, {"inactive_nbn", "inactive_outreach"})


def test_destination_errors_are_the_manifest_destination_defects(dq_world: DqWorld, dq_con: duckdb.DuckDBPyConnection) -> None:
    """Q6c destination: leavers with DK/PNTA or missing destinations are the injected ones."""
    flagged = set(dq_con.execute("select distinct source_id, enrollment_id from marts.dq_hud_framework_records where destination_status is not null").fetchall())
    leavers = set(dq_con.execute("select distinct source_id, enrollment_id from marts.dq_hud_framework_records where is_leaver").fetchall())
    assert flagged
    assert flagged == _manifest_enrollments(dq_world, dq_con, {"destination_dk", "destination_missing"}) & leavers


@pytest.mark.parametrize("level", ["project", "agency", "coc"])
def test_every_framework_cell_drills_down_to_its_records(dq_con: duckdb.DuckDBPyConnection, level: str) -> None:
    """Q6a-Q6c counts per scope and quarter equal the records with that status on the person's latest stay."""
    scope_key = {"project": "project_key", "agency": "organization_key", "coc": "coc_code"}[level]
    mismatches = dq_con.execute(
        f"""
        with drilled as (
            select period_id, {scope_key} as scope_key, 'name' as element, name_status as status from marts.dq_hud_framework_records where is_latest_in_{level}
            union all
            select period_id, {scope_key}, 'ssn', ssn_status from marts.dq_hud_framework_records where is_latest_in_{level}
            union all
            select period_id, {scope_key}, 'destination', destination_status from marts.dq_hud_framework_records where is_latest_in_{level}
            union all
            select period_id, {scope_key}, 'income_at_exit', income_exit_status from marts.dq_hud_framework_records where is_latest_in_{level}
        ),
        counted as (
            select period_id, scope_key, element,
                count(*) filter (where status = 'dk_pnta') as dk_pnta_count,
                count(*) filter (where status = 'missing') as missing_count,
                count(*) filter (where status = 'issue') as data_issue_count
            from drilled
            group by all
        )
        select counted.*, elements.dk_pnta_count, elements.missing_count, elements.data_issue_count
        from counted
        full join (select * from marts.dq_hud_framework_elements where scope_level = '{level}') as elements
            using (period_id, scope_key, element)
        where counted.element is null
            or elements.element is null
            or counted.dk_pnta_count <> elements.dk_pnta_count
            or counted.missing_count <> elements.missing_count
            or counted.data_issue_count <> elements.data_issue_count
            and elements.element in ('name', 'ssn', 'destination', 'income_at_exit')
        """
    ).fetchall()
    mismatches = [m for m in mismatches if m[2] in ("name", "ssn", "destination", "income_at_exit")]
    assert mismatches == []


def test_each_person_is_counted_once_per_scope_and_quarter(dq_con: duckdb.DuckDBPyConnection) -> None:
    (duplicates,) = dq_con.execute(
        """
        select count(*) from (
            select period_id, project_key, personal_key from marts.dq_hud_framework_records
            where is_latest_in_project group by all having count(*) > 1
        )
        """
    ).fetchone()
    assert duplicates == 0


def test_scorecards_grade_every_project_agency_and_coc_with_activity(dq_con: duckdb.DuckDBPyConnection) -> None:
    for level, mart, key, scope_key in (
        ("project", "dq_scorecard_project", "project_key", "project_key"),
        ("agency", "dq_scorecard_agency", "organization_key", "organization_key"),
        ("coc", "dq_scorecard_coc", "coc_code", "coc_code"),
    ):
        (ungraded,) = dq_con.execute(
            f"""
            select count(*) from (
                select distinct period_id, {scope_key} as scope_key from marts.dq_hud_framework_records where is_latest_in_{level}
            ) as active
            left join marts.{mart} as card
                on active.period_id = card.period_id and active.scope_key = card.{key}
            where card.grade is null or card.overall_score not between 0 and 100
            """
        ).fetchone()
        assert ungraded == 0, level


def test_scorecard_timeliness_uses_the_configured_days(dq_con: duckdb.DuckDBPyConnection) -> None:
    """timeliness_start = records entered within timeliness_days (seed, 3) / start records, per CoC and quarter."""
    rows = dq_con.execute(
        """
        select metrics.numerator, metrics.denominator,
            (select count(*) from marts.dq_hud_framework_records as r
             where r.period_id = metrics.period_id and r.coc_code = metrics.scope_key and r.is_latest_in_coc
                and r.start_record_days between 0 and 3),
            (select count(*) from marts.dq_hud_framework_records as r
             where r.period_id = metrics.period_id and r.coc_code = metrics.scope_key and r.is_latest_in_coc
                and r.start_record_days is not null)
        from marts.dq_scorecard_metrics as metrics
        where metrics.scope_level = 'coc' and metrics.metric = 'timeliness_start'
        """
    ).fetchall()
    assert rows
    assert all(numerator == timely and denominator == total for numerator, denominator, timely, total in rows)
    assert any(numerator < denominator for numerator, denominator, _, _ in rows), "the late entries lower some scores"
