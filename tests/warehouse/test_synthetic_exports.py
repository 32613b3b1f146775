"""The generator's exports, ingested for real, build in both CSV versions and stage to one shape.

The ``tiny`` preset with one seed is the same synthetic world written as FY2026 and as FY2024; the
session warehouse holds both (FY2024 sources carry the suffix ``-fy2024``).
"""

from __future__ import annotations

import duckdb
import pytest

from .conftest import synthetic_source

SOURCES = ("ok-500", "ok-507", "kvh-ssvf")


def _per_version(built_warehouse, sql: str) -> dict[str, list[tuple]]:
    return {
        version: built_warehouse.query(sql, [[synthetic_source(s, version) for s in SOURCES]])
        for version in ("fy2026", "fy2024")
    }


def test_both_csv_versions_were_built_from_real_ingestion(built_warehouse):
    rows = built_warehouse.query(
        "select csv_version, count(*) from staging.stg_meta__current_exports "
        "where source_id not in ('ok500-hmis', 'ok507-agency') group by 1 order by 1"
    )
    assert rows == [("fy2024", 3), ("fy2026", 3)]


@pytest.mark.parametrize(
    "sql",
    [
        "select count(*), count(distinct personal_key), sum(hispanic_latinao), sum(white), count(dob) "
        "from staging.stg_hmis__clients where source_id in (select unnest(?))",
        "select count(*), count(exit_key), sum(case when is_head_of_household then 1 else 0 end), "
        "count(coc_code), count(county_fips) from intermediate.int_enrollments where source_id in (select unnest(?))",
        "select household_type, count(*) from intermediate.int_households_identified "
        "where source_id in (select unnest(?)) group by 1 order by 1",
        "select count(*) from intermediate.int_bed_nights where source_id in (select unnest(?))",
        "select destination_class, count(*) from intermediate.int_destinations_classified "
        "where source_id in (select unnest(?)) group by 1 order by 1",
        "select c.chronic_status, count(*) from intermediate.int_clients_evaluated_for_chronic_homelessness c "
        "join intermediate.int_enrollments e using (enrollment_key) where e.source_id in (select unnest(?)) "
        "group by 1 order by 1",
    ],
    ids=["clients", "spine", "household_types", "bed_nights", "destinations", "chronic"],
)
def test_fy2024_and_fy2026_renditions_of_one_world_stage_alike(built_warehouse, sql):
    by_version = _per_version(built_warehouse, sql)
    assert by_version["fy2026"] == by_version["fy2024"]
    assert by_version["fy2026"] and by_version["fy2026"][0][-1]  # not an empty comparison


def test_sex_is_fy2026_only_and_gender_fy2024_only(built_warehouse):
    rows = built_warehouse.query(
        "select csv_version, count(sex) > 0, count(woman) > 0 from staging.stg_hmis__clients "
        "where source_id not in ('ok500-hmis', 'ok507-agency') group by 1 order by 1"
    )
    assert rows == [("fy2024", False, True), ("fy2026", True, False)]


@pytest.mark.parametrize(
    ("file", "model", "key"), [("enrollment", "enrollments", "EnrollmentID"), ("services", "services", "ServicesID")]
)
def test_staging_keeps_one_row_per_delivered_record_that_is_not_deleted(built_warehouse, file, model, key):
    con = duckdb.connect(str(built_warehouse.settings.ingest_db), read_only=True)
    try:
        (delivered,) = con.execute(
            f'select count(distinct "{key}") from raw.{file} where _source_id = ? and "DateDeleted" is null', ["ok-507"]
        ).fetchone()
    finally:
        con.close()
    staged = built_warehouse.query(f"select count(*) from staging.stg_hmis__{model} where source_id = 'ok-507'")
    assert staged == [(delivered,)] and delivered > 0
