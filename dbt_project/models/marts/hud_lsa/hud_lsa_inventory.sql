{#- Inventory.csv of the LSA (spec §4.5): one row per LSA request and inventory record of the report CoC for a
    project in Project.csv other than RRH services-only, not ended before ReportStart. Bed categories HUD
    requires non-null are 0 where HMIS left them empty; Availability and ESBedType only for ES. -#}
with

projects as (

    select request_id, project_key, project_type, rrh_sub_type, report_coc, report_start
    from {{ ref('int_lsa_projects') }}
    where project_type <> 13 or rrh_sub_type = 2

),

inventory as (

    select * from {{ ref('stg_hmis__inventory') }}

),

final as (

    select
        projects.request_id,
        row_number() over (
            partition by projects.request_id order by inventory.inventory_id, inventory.inventory_key
        ) as row_order,
        inventory.inventory_id,
        inventory.project_id,
        inventory.coc_code,
        inventory.household_type,
        case when projects.project_type in (0, 1) then inventory.availability end as availability,
        inventory.unit_inventory,
        inventory.bed_inventory,
        coalesce(inventory.ch_vet_bed_inventory, 0) as ch_vet_bed_inventory,
        coalesce(inventory.youth_vet_bed_inventory, 0) as youth_vet_bed_inventory,
        coalesce(inventory.vet_bed_inventory, 0) as vet_bed_inventory,
        coalesce(inventory.ch_youth_bed_inventory, 0) as ch_youth_bed_inventory,
        coalesce(inventory.youth_bed_inventory, 0) as youth_bed_inventory,
        coalesce(inventory.ch_bed_inventory, 0) as ch_bed_inventory,
        coalesce(inventory.other_bed_inventory, 0) as other_bed_inventory,
        case when projects.project_type in (0, 1) then inventory.es_bed_type end as es_bed_type,
        inventory.inventory_start_date,
        inventory.inventory_end_date,
        inventory.date_created,
        inventory.date_updated,
        inventory.user_id,
        cast(null as {{ dbt.type_timestamp() }}) as date_deleted
    from projects
    inner join inventory
        on projects.project_key = inventory.project_key
        and projects.report_coc = inventory.coc_code
    where inventory.inventory_end_date is null
        or (
            inventory.inventory_end_date >= projects.report_start
            and inventory.inventory_end_date > inventory.inventory_start_date
        )

)

select * from final
