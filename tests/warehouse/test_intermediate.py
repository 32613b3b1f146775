"""The intermediate layer and dimensions on the small world, end to end from raw rows.

HUD's rules are unit-tested in dbt (models/intermediate/_int__unit_tests.yml); these check that the
real staging tables feed them as intended.
"""

from __future__ import annotations


def test_spine_has_one_row_per_current_enrollment_with_household_and_geography(built_warehouse):
    rows = built_warehouse.query(
        "select enrollment_id, household_id, is_head_of_household, project_type, coc_code, county_fips "
        "from intermediate.int_enrollments where source_id = 'ok500-hmis' order by 1"
    )
    assert rows == [
        ("EN1", "H1", True, 1, "OK-500", "40047"),
        ("EN2", "H2", True, 3, "OK-500", "40071"),
        ("EN3", "H2", False, 3, "OK-500", "40071"),  # the child takes the head's CoC
        ("EN4", "H3", True, 0, "OK-500", "40119"),
        ("EN5", "H4", True, 13, "OK-500", "40113"),
    ]


def test_spine_carries_the_tribal_areas_of_the_county(built_warehouse, one_value):
    # Okmulgee County lies wholly in the Muscogee (Creek) reservation (census code 5620).
    assert (
        one_value(
            "select tribal_area_codes from intermediate.int_enrollments where enrollment_key = 'ok507-agency:AE1'"
        )
        == "5620"
    )


def test_bed_night_on_the_exit_date_or_before_entry_does_not_count(built_warehouse):
    nights = built_warehouse.query(
        "select cast(bed_night_date as varchar), service_record_count from intermediate.int_bed_nights "
        "where enrollment_key = 'ok500-hmis:EN1' order by 1"
    )
    assert nights == [("2025-01-10", 1), ("2025-01-11", 2), ("2025-01-12", 1)]


def test_child_in_a_chronically_homeless_household_is_chronically_homeless(built_warehouse):
    rows = built_warehouse.query(
        "select enrollment_key, chronic_status_own, chronic_status "
        "from intermediate.int_clients_evaluated_for_chronic_homelessness "
        "where household_key = 'ok500-hmis:H2' order by 1"
    )
    assert rows == [("ok500-hmis:EN2", "yes", "yes"), ("ok500-hmis:EN3", "no", "yes")]


def test_child_moves_in_with_the_head_of_household(built_warehouse, one_value):
    moved_in = one_value(
        "select cast(move_in_date_adjusted as varchar) from intermediate.int_move_in_adjusted "
        "where enrollment_key = 'ok500-hmis:EN3'"
    )
    assert moved_in == "2024-04-15"


def test_income_assessments_are_placed_at_start_annual_and_exit(built_warehouse):
    rows = built_warehouse.query(
        "select income_benefits_key, assessment_point, cast(total_monthly_income_computed as double) "
        "from intermediate.int_income_assessments where source_id = 'ok500-hmis' order by 1"
    )
    assert rows == [
        ("ok500-hmis:IB1", "start", 500.0),
        ("ok500-hmis:IB2", "exit", 800.0),
        ("ok500-hmis:IB3", "annual", 0.0),  # stage 5 four days after EN2's first anniversary
        ("ok500-hmis:IB4", "start", None),  # "client doesn't know": total unknown
    ]


def test_exit_to_rental_with_subsidy_is_a_permanent_destination(built_warehouse):
    rows = built_warehouse.query(
        "select exit_key, destination_class, destination_label from intermediate.int_destinations_classified "
        "where source_id = 'ok500-hmis' order by 1"
    )
    assert rows == [
        ("ok500-hmis:X1", "homeless", rows[0][2]),
        ("ok500-hmis:X4", "permanent", "Rental by client, with ongoing housing subsidy"),
    ]
    assert rows[0][2].startswith("Place not meant for habitation")


def test_dimensions_resolve_projects_to_agencies_cocs_and_inventory(built_warehouse):
    rows = built_warehouse.query(
        "select p.project_id, a.organization_name, p.project_type_label, p.single_coc_code, "
        "p.current_bed_inventory, p.is_hmis_participating "
        "from marts.dim_project p join marts.dim_agency a using (organization_key) "
        "where p.source_id = 'ok500-hmis' order by 1"
    )
    assert rows == [
        ("P1", "Harbor Light Shelter", "Emergency Shelter – Night-by-Night", "OK-500", 20, True),
        ("P2", "Prairie Housing Alliance", "PH – Permanent Supportive Housing", "OK-500", 25, True),
        ("P3", "Harbor Light Shelter", "Emergency Shelter – Entry Exit", "OK-500", 0, True),
        ("P4", "Prairie Housing Alliance", "PH – Rapid Re-Housing", "OK-500", 0, True),
    ]


def test_counties_relate_to_tribal_areas_many_to_many_with_area_shares(built_warehouse):
    rows = built_warehouse.query(
        "select b.tribal_area_code, round(b.share_of_county_area, 2) from marts.bridge_tribal_area_county b "
        "join marts.dim_county c using (county_fips) where c.county_name = 'Kay County' order by 1"
    )
    assert len(rows) >= 2  # Kay County touches several tribal areas
    assert all(0 < share <= 1 for _, share in rows)
    assert {"OK-500", "OK-507"} <= {c for (c,) in built_warehouse.query("select coc_code from marts.dim_coc")}
