{#- HIC inventory (hic-pit-lsa.md §2): one row per HIC/PIT request and Inventory.csv record of the CoC
    active on the count night, for the projects on the HIC, with HUD's bed categories: beds by
    household type, veteran, youth and chronic beds, and year-round / seasonal / overflow beds. -#}
with

projects as (

    select * from {{ ref('hud_hic_pit_projects_on_night') }}

),

inventory as (

    select * from {{ ref('stg_hmis__inventory') }}

),

active as (

    select
        projects.request_id,
        projects.pit_date,
        projects.project_type,
        projects.hic_project_group,
        inventory.*
    from projects
    inner join inventory
        on projects.project_key = inventory.project_key
        and projects.coc_code = inventory.coc_code
    where inventory.inventory_start_date <= projects.pit_date
        and (inventory.inventory_end_date is null or inventory.inventory_end_date > projects.pit_date)

),

final as (

    select
        -- keys
        request_id,
        inventory_key,
        project_key,

        -- the record
        pit_date,
        coc_code,
        project_type,
        hic_project_group,
        household_type,
        availability,
        es_bed_type,
        inventory_start_date,
        inventory_end_date,

        -- beds and units
        coalesce(unit_inventory, 0) as units,
        coalesce(bed_inventory, 0) as beds,
        case when household_type = 1 then coalesce(bed_inventory, 0) else 0 end as beds_households_without_children,
        case when household_type = 3 then coalesce(bed_inventory, 0) else 0 end as beds_households_with_children,
        case when household_type = 3 then coalesce(unit_inventory, 0) else 0 end as units_households_with_children,
        case when household_type = 4 then coalesce(bed_inventory, 0) else 0 end as beds_households_only_children,
        coalesce(vet_bed_inventory, 0) + coalesce(ch_vet_bed_inventory, 0) + coalesce(youth_vet_bed_inventory, 0)
            as veteran_beds,
        coalesce(youth_bed_inventory, 0) + coalesce(ch_youth_bed_inventory, 0) + coalesce(youth_vet_bed_inventory, 0)
            as youth_beds,
        case when project_type = 3 then
            coalesce(ch_bed_inventory, 0) + coalesce(ch_vet_bed_inventory, 0) + coalesce(ch_youth_bed_inventory, 0)
        else 0 end as chronic_beds,
        -- Only ES inventory can be seasonal (2) or overflow (3); everything else is year-round.
        case when project_type not in (0, 1) or coalesce(availability, 1) = 1 then coalesce(bed_inventory, 0) else 0 end
            as year_round_beds,
        case when project_type in (0, 1) and availability = 2 then coalesce(bed_inventory, 0) else 0 end
            as seasonal_beds,
        case when project_type in (0, 1) and availability = 3 then coalesce(bed_inventory, 0) else 0 end
            as overflow_beds

    from active

)

select * from final
