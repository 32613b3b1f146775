{#- Project descriptor checks (Eva's PDDE): geography, RRH subtype, housing type, inventory present
    and consistent (dedicated beds add up, units not above beds, no beds in services-only RRH, CoC
    served by the project). One row per project or inventory record and failed check. -#}
with

projects as (

    select * from {{ ref('stg_hmis__projects') }}

),

project_cocs as (

    select * from {{ ref('stg_hmis__project_cocs') }}

),

inventory as (

    select * from {{ ref('stg_hmis__inventory') }}

),

described as (

    select
        projects.*,
        project_type in (0, 1, 2, 3, 8, 9, 10) or (project_type = 13 and rrh_sub_type = 2) as is_residential,
        (select count(*) from project_cocs where project_cocs.project_key = projects.project_key) as project_coc_count,
        (
            select count(*) from project_cocs
            where project_cocs.project_key = projects.project_key
                and (project_cocs.coc_code is null or project_cocs.geocode is null)
        ) as incomplete_project_coc_count,
        (select count(*) from inventory where inventory.project_key = projects.project_key) as inventory_count
    from projects

),

inventory_checked as (

    select
        inventory.*,
        projects.project_type,
        projects.rrh_sub_type,
        coalesce(ch_vet_bed_inventory, 0) + coalesce(youth_vet_bed_inventory, 0) + coalesce(vet_bed_inventory, 0)
            + coalesce(ch_youth_bed_inventory, 0) + coalesce(youth_bed_inventory, 0) + coalesce(ch_bed_inventory, 0)
            + coalesce(other_bed_inventory, 0) as dedicated_bed_sum,
        exists (
            select 1 from project_cocs
            where project_cocs.project_key = inventory.project_key
                and project_cocs.coc_code = inventory.coc_code
        ) as is_project_coc
    from inventory
    inner join projects
        on inventory.project_key = projects.project_key

),

issues as (

    select {{ dq_issue('proj_missing_geography', 'project', 'project_id',
        "case when project_coc_count = 0 then 'no ProjectCoC record' else 'ProjectCoC without CoCCode or Geocode' end",
        project_key='project_key') }}
    from described
    where project_coc_count = 0 or incomplete_project_coc_count > 0

    union all
    select {{ dq_issue('proj_rrh_subtype_missing', 'project', 'project_id', "'ProjectType = 13; RRHSubType blank'", project_key='project_key') }}
    from described
    where project_type = 13 and rrh_sub_type is null

    union all
    select {{ dq_issue('proj_residential_housing_type_missing', 'project', 'project_id',
        dq_shown('HousingType', 'housing_type') ~ " || ', ProjectType = ' || cast(project_type as " ~ dbt.type_string() ~ ")",
        project_key='project_key') }}
    from described
    where is_residential and housing_type is null

    union all
    select {{ dq_issue('proj_residential_no_inventory', 'project', 'project_id',
        "'no Inventory records, ProjectType = ' || cast(project_type as " ~ dbt.type_string() ~ ")", project_key='project_key') }}
    from described
    where is_residential and inventory_count = 0

    union all
    select {{ dq_issue('proj_inventory_bed_sum_mismatch', 'inventory', 'inventory_id',
        "'dedicated beds ' || cast(dedicated_bed_sum as " ~ dbt.type_string() ~ ") || ', BedInventory ' || coalesce(cast(bed_inventory as " ~ dbt.type_string() ~ "), 'blank')",
        project_key='project_key') }}
    from inventory_checked
    where dedicated_bed_sum <> coalesce(bed_inventory, 0)

    union all
    select {{ dq_issue('proj_inventory_units_exceed_beds', 'inventory', 'inventory_id',
        "'UnitInventory ' || cast(unit_inventory as " ~ dbt.type_string() ~ ") || ', BedInventory ' || cast(bed_inventory as " ~ dbt.type_string() ~ ")",
        project_key='project_key') }}
    from inventory_checked
    where unit_inventory > bed_inventory

    union all
    select {{ dq_issue('proj_rrh_so_with_beds', 'inventory', 'inventory_id', dq_shown('BedInventory', 'bed_inventory'), project_key='project_key') }}
    from inventory_checked
    where project_type = 13 and rrh_sub_type = 1 and bed_inventory > 0

    union all
    select {{ dq_issue('proj_inventory_coc_mismatch', 'inventory', 'inventory_id', dq_shown('CoCCode', 'coc_code'), project_key='project_key') }}
    from inventory_checked
    where not is_project_coc

)

select * from issues
