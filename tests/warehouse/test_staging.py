"""Staging keeps each source's latest truth: full refreshes replace, deltas override, tombstones delete,
FY2024 rows arrive in the FY2026 shape (see small_world.py for the deliveries)."""

from __future__ import annotations

import json

from pipelines.warehouse.manifest import ensure_manifest


def test_full_refresh_replaces_everything_earlier_of_its_source(built_warehouse):
    ids = built_warehouse.query(
        "select personal_id from staging.stg_hmis__clients where source_id = 'ok500-hmis' order by 1"
    )
    assert [i for (i,) in ids] == ["C1", "C2", "C3", "C4", "C5"]  # C9 came only in January's full refresh
    assert built_warehouse.query(
        "select count(*) from staging.stg_hmis__enrollments where enrollment_key = 'ok500-hmis:EN9'"
    ) == [(0,)]


def test_delta_overrides_a_record_by_key_and_keeps_the_rest(built_warehouse):
    rows = built_warehouse.query(
        "select personal_id, last_name, ingest_id from staging.stg_hmis__clients where source_id = 'ok507-agency'"
    )
    assert rows == [("A1", "After", "ing-004")]
    # The enrollments came only in March's full refresh; April's delta did not resend them.
    enrollments = built_warehouse.query(
        "select enrollment_id, ingest_id from staging.stg_hmis__enrollments where source_id = 'ok507-agency' order by 1"
    )
    assert enrollments == [("AE1", "ing-003"), ("AE2", "ing-003")]


def test_soft_deleted_records_are_gone(built_warehouse):
    assert built_warehouse.query(
        "select count(*) from staging.stg_hmis__clients where personal_key = 'ok507-agency:A2'"
    ) == [(0,)]


def test_rejected_exports_are_never_current(built_warehouse):
    current = built_warehouse.query(
        "select ingest_id, recency from staging.stg_meta__current_exports "
        "where source_id in ('ok500-hmis', 'ok507-agency') order by 1"
    )
    assert current == [("ing-002", 1), ("ing-003", 2), ("ing-004", 1)]  # ing-001 replaced, ing-005 rejected


def test_fy2024_clients_are_harmonised_to_fy2026(built_warehouse):
    (row,) = built_warehouse.query(
        "select hispanic_latinao, woman, man, sex, csv_version from staging.stg_hmis__clients "
        "where personal_key = 'ok507-agency:A1'"
    )
    assert row == (1, 1, 0, None, "fy2024")  # HispanicLatinaeo folded in, gender kept, no Sex in FY2024
    (fy2026,) = built_warehouse.query(
        "select hispanic_latinao, woman, sex from staging.stg_hmis__clients where personal_key = 'ok500-hmis:C3'"
    )
    assert fy2026 == (1, None, 0)


def test_fy2024_only_enrollment_columns_are_kept_for_history(built_warehouse):
    rows = built_warehouse.query(
        "select enrollment_id, sexual_orientation from staging.stg_hmis__enrollments "
        "where sexual_orientation is not null and source_id = 'ok507-agency' order by 1"
    )
    assert rows == [("AE1", 2), ("AE2", 2)]


def test_staging_types_hmis_text_and_namespaces_keys_by_source(built_warehouse):
    rows = built_warehouse.query(
        "select enrollment_key, personal_key, entry_date, relationship_to_hoh "
        "from staging.stg_hmis__enrollments where enrollment_key = 'ok500-hmis:EN2'"
    )
    (key, person, entry, relationship) = rows[0]
    assert (key, person, str(entry), relationship) == ("ok500-hmis:EN2", "ok500-hmis:C2", "2024-03-01", 1)
    money = built_warehouse.query(
        "select total_monthly_income, ssi_amount from staging.stg_hmis__income_benefits "
        "where income_benefits_key = 'ok500-hmis:IB2'"
    )
    assert [tuple(float(v) for v in r) for r in money] == [(800.0, 300.0)]


def test_every_hmis_file_has_a_staging_table(built_warehouse):
    from pipelines.spec import FILE_ORDER
    from pipelines.warehouse.naming import staging_model

    tables = {name for (name,) in built_warehouse.query("select table_name from information_schema.tables")}
    assert {staging_model(f) for f in FILE_ORDER} <= tables
    assert len(FILE_ORDER) == 24


def test_build_records_its_inputs_in_meta_build(built_warehouse):
    ((build_id, inputs, exports, models, dbt_version),) = built_warehouse.query(
        "select build_id, input_ingest_ids, input_exports, models, dbt_version from meta.build"
    )
    assert build_id == built_warehouse.result.build_id
    current = [
        i for (i,) in built_warehouse.query("select ingest_id from staging.stg_meta__current_exports order by 1")
    ]
    assert inputs.split(",") == current and exports == len(current) == 3 + 9 + 4  # small, 3 x 3 synthetic, hostile
    assert {"ing-002", "ing-003", "ing-004"} <= set(current)
    nodes = json.loads(ensure_manifest().read_text())["nodes"].values()
    materialised = [n for n in nodes if n["resource_type"] == "model" and n["config"]["materialized"] != "ephemeral"]
    assert models == built_warehouse.result.models == len(materialised)  # every model the project materialises
    assert dbt_version.startswith("1.11")
