"""The DQ marts find every defect the generator injected, and nothing else, check by check."""

from __future__ import annotations

import pytest

from .conftest import VERSIONS, DqWorld, catalogue_rows
from .manifest_truth import Anchor, expected_issues, found_issues, load_rules, unmatched_defects

CHECK_IDS = [row["check_id"] for row in catalogue_rows()]


@pytest.fixture(scope="module")
def truth(dq_world: DqWorld) -> dict[str, tuple[dict[str, set[Anchor]], dict[str, set[Anchor]]]]:
    """csv version -> (expected, found) anchors per check, restricted to that version's sources."""
    rules = load_rules()
    con = dq_world.connect()
    try:
        found_all = found_issues(con)
        out = {}
        for version in VERSIONS:
            sources = dq_world.sources(version)
            expected = expected_issues(dq_world.manifests[version], con, rules)
            found = {check: {a for a in anchors if a[0] in sources} for check, anchors in found_all.items()}
            out[version] = (expected, found)
        return out
    finally:
        con.close()


def test_defect_mapping_names_only_catalogue_checks() -> None:
    assert {rule.check_id for rule in load_rules()} <= set(CHECK_IDS)


@pytest.mark.parametrize("csv_version", list(VERSIONS))
def test_every_manifest_defect_kind_has_a_check(dq_world: DqWorld, csv_version: str) -> None:
    manifest = dq_world.manifests[csv_version]
    assert manifest["defects"], "the tiny preset injects every defect kind"
    assert unmatched_defects(manifest, load_rules()) == []


@pytest.mark.parametrize("csv_version", list(VERSIONS))
def test_every_manifest_defect_resolves_to_a_warehouse_record(truth, csv_version: str) -> None:
    expected, _ = truth[csv_version]
    unresolved = sorted(a for anchors in expected.values() for a in anchors if a[1] == "missing")
    assert unresolved == []


@pytest.mark.parametrize("csv_version", list(VERSIONS))
@pytest.mark.parametrize("check_id", CHECK_IDS)
def test_check_flags_exactly_the_records_the_manifest_names(truth, csv_version: str, check_id: str) -> None:
    expected, found = truth[csv_version]
    want, got = expected.get(check_id, set()), found.get(check_id, set())
    assert sorted(want - got) == [], f"{check_id} missed manifest defects"
    assert sorted(got - want) == [], f"{check_id} flagged records the manifest calls clean"


# Checks of defects the generator draws at 0.4-1% of a field (pii_dk, pii_refused, pii_not_collected on Sex;
# months_homeless_determinable): the tiny preset's seeds (42 and 7) happen to draw none of them.
NOT_DRAWN_BY_THE_TINY_SEEDS = {"pii_sex_dk_pnta", "pii_sex_missing", "ude_homeless_history_missing"}


def test_the_tiny_preset_exercises_every_check_a_defect_maps_to(truth) -> None:
    """Guards the exact comparison against passing vacuously (e.g. an empty manifest or issue list): every check the
    defect mapping names expects records, in one CSV version or the other, but the few its seeds do not draw."""
    exercised = {check for version in truth.values() for check, anchors in version[0].items() if anchors}
    assert {rule.check_id for rule in load_rules()} - exercised == NOT_DRAWN_BY_THE_TINY_SEEDS


# Issue 12's project descriptor and participation checks: each must meet a defect the generator injected
# (or, for zero utilisation and inventory without enrollments, declares from what it injected).
DESCRIPTOR_CHECKS = {
    "proj_seasonal_inventory_long",
    "proj_es_bed_type_mismatch",
    "proj_inventory_after_operating_end",
    "date_enrollment_outside_operating",
    "proj_no_enrollments_in_inventory",
    "proj_zero_utilisation",
    "proj_vsp_in_hmis",
    "proj_address_missing",
    "proj_inventory_before_operating",
    "part_enrollment_outside_hmis_participation",
    "part_overlapping_hmis_participation",
    "part_overlapping_ce_participation",
    "part_project_no_participation",
    "part_project_no_funder",
    "proj_nbn_no_bed_nights",
    "proj_vsp_client_data",
    "proj_coc_without_inventory",
    "date_overlapping_residential",
    "nbn_no_bed_night_on_entry",
}


@pytest.mark.parametrize("csv_version", list(VERSIONS))
def test_descriptor_checks_of_issue_12_fire_on_injected_defects(truth, csv_version: str) -> None:
    expected, found = truth[csv_version]
    assert {
        check for check in DESCRIPTOR_CHECKS if expected.get(check) and expected[check] <= found.get(check, set())
    } == (DESCRIPTOR_CHECKS)


def test_a_project_with_two_project_coc_records_lists_each_issue_once(dq_world: DqWorld, dq_con) -> None:
    """The generator's coc_without_inventory projects have a second ProjectCoC record; dq_record_issues joins
    ProjectCoC for the CoC it shows, and must not list any of their issues twice."""
    projects = {
        (d["source_id"], d["record_id"])
        for version in VERSIONS
        for d in dq_world.manifests[version]["defects"]
        if d["defect"] == "coc_without_inventory"
    }
    cocs = dq_con.execute(
        "select source_id, project_id, count(*) from staging.stg_hmis__project_cocs group by all having count(*) > 1"
    ).fetchall()
    assert projects and projects <= {(s, p) for s, p, _ in cocs}
    rows = dq_con.execute(
        """select source_id, project_id, count(*), count(distinct (check_id, record_type, record_id))
           from marts.dq_record_issues group by source_id, project_id"""
    ).fetchall()
    counted = {(s, p): (n, distinct) for s, p, n, distinct in rows if (s, p) in projects}
    assert set(counted) == projects
    assert all(n == distinct for n, distinct in counted.values())
