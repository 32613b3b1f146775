"""The generator's exports, ingested for real, build in three CSV versions and give the same reports.

The ``tiny`` preset with one seed is one synthetic world written as FY2026, FY2024 and FY2022; the
session warehouse holds all three (sources suffixed ``-fy2024`` and ``-fy2022``) and one APR per
rendition over all its projects. Staged and intermediate rows must agree, and so must every APR/CAPER
table, except the tables that read an element the older format lacks (docs/decisions.md, "FY2022
exports"): those are named here, so a difference anywhere else fails.
"""

from __future__ import annotations

import duckdb
import pytest

from .conftest import SYNTH_SOURCES, SYNTH_VERSIONS, rendition_apr, synthetic_source

OLDER = [v for v in SYNTH_VERSIONS if v != "fy2026"]

# Tables that read what an older version cannot say. FY2024 and FY2022 have no Sex (4.21, FY2026).
NO_SEX = {"hud_apr_q24e_sex"}
# FY2022 lacks what FY2024 added: RRH subtypes and CE participation (Q4a), housing subsidy types beyond
# FY2022's rental codes (the subsidy-type tables) and Middle Eastern or North African identity (the race
# tables; the tiny world has no such client, so they agree here).
FY2022_LACKS = {
    "hud_apr_q04a_project_identifiers",
    "hud_apr_q23d_exit_destination_subsidy_type",
    "hud_apr_q25j_veteran_exit_subsidy_type",
    "hud_apr_q27f2_youth_exit_subsidy_type",
    "hud_apr_q12_race_and_ethnicity",
    "hud_apr_q22f_time_to_move_in_by_race_and_ethnicity",
    "hud_apr_q22g_time_prior_to_housing_by_race_and_ethnicity",
    "hud_apr_q23e_exit_destination_type_by_race_and_ethnicity",
}
# (version, compared with) -> (tables that must differ in the tiny world, tables that may differ).
FY2022_MUST = {"hud_apr_q04a_project_identifiers", "hud_apr_q23d_exit_destination_subsidy_type"}
EXPECTED_TO_DIFFER = {
    ("fy2024", "fy2026"): (NO_SEX, NO_SEX),
    ("fy2022", "fy2026"): (NO_SEX | FY2022_MUST, NO_SEX | FY2022_LACKS),
    ("fy2022", "fy2024"): (FY2022_MUST, FY2022_LACKS),
}


def _per_version(built_warehouse, sql: str) -> dict[str, list[tuple]]:
    return {
        version: built_warehouse.query(sql, [[synthetic_source(s, version) for s in SYNTH_SOURCES]])
        for version in SYNTH_VERSIONS
    }


def test_every_csv_version_was_built_from_real_ingestion(built_warehouse):
    sources = [synthetic_source(s, v) for s in SYNTH_SOURCES for v in SYNTH_VERSIONS]
    rows = built_warehouse.query(
        "select csv_version, count(*) from staging.stg_meta__current_exports "
        "where source_id in (select unnest(?)) group by 1 order by 1",
        [sources],
    )
    assert rows == [("fy2022", 3), ("fy2024", 3), ("fy2026", 3)]


@pytest.mark.parametrize(
    "sql",
    [
        "select count(*), count(distinct personal_key), sum(hispanic_latinao), count(dob) "
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
        "select project_type, count(*), count(enrollment_coc), count(living_situation), sum(living_situation) "
        "from staging.stg_hmis__enrollments e join staging.stg_hmis__projects p using (project_key) "
        "where e.source_id in (select unnest(?)) group by 1 order by 1",
        "select destination, count(*) from staging.stg_hmis__exits where source_id in (select unnest(?)) "
        "group by 1 order by 1",
    ],
    ids=["clients", "spine", "household_types", "bed_nights", "destinations", "chronic", "entries", "exit_codes"],
)
def test_the_renditions_of_one_world_stage_alike(built_warehouse, sql):
    by_version = _per_version(built_warehouse, sql)
    for version in OLDER:
        assert by_version[version] == by_version["fy2026"], version
    assert by_version["fy2026"] and by_version["fy2026"][0][-1]  # not an empty comparison


def test_sex_is_fy2026_only_and_gender_older_only(built_warehouse):
    sources = [synthetic_source(s, v) for s in SYNTH_SOURCES for v in SYNTH_VERSIONS]
    rows = built_warehouse.query(
        "select csv_version, count(sex) > 0, count(woman) > 0 from staging.stg_hmis__clients "
        "where source_id in (select unnest(?)) group by 1 order by 1",
        [sources],
    )
    assert rows == [("fy2022", False, True), ("fy2024", False, True), ("fy2026", True, False)]


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


def _report_tables(built_warehouse) -> list[str]:
    """Every table of the APR and the CAPER, as the layout seed the warehouse was built with lists them."""
    rows = built_warehouse.query(
        "select distinct model_name from reference.report_tables where report in ('apr', 'caper') order by 1"
    )
    return [r[0] for r in rows]


def _table(built_warehouse, table: str, request_id: str) -> list[tuple]:
    rows = built_warehouse.query(f"select * exclude (request_id) from marts.{table} where request_id = ?", [request_id])
    return sorted(rows, key=repr)


@pytest.fixture(scope="module")
def apr_tables(built_warehouse) -> dict[str, dict[str, list[tuple]]]:
    """table -> CSV version -> that rendition's rows of the table."""
    requests = {v: rendition_apr(built_warehouse.settings, v).request_id for v in SYNTH_VERSIONS}
    return {
        table: {v: _table(built_warehouse, table, request) for v, request in requests.items()}
        for table in _report_tables(built_warehouse)
    }


@pytest.mark.parametrize(("version", "other"), sorted(EXPECTED_TO_DIFFER))
def test_the_renditions_give_the_same_apr_except_where_the_older_format_lacks_an_element(apr_tables, version, other):
    assert apr_tables["hud_apr_q07a_persons_served"][other]  # every APR/CAPER table compared; this one has rows
    differ = {t for t, rows in apr_tables.items() if rows[version] != rows[other]}
    must, may = EXPECTED_TO_DIFFER[(version, other)]
    assert must <= differ, sorted(must - differ)
    assert differ <= may, sorted(differ - may)
