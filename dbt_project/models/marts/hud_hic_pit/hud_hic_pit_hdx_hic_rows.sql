{#- The HIC as HDX shows it (pit-hdx.md §7.2; HUD's LSA sample code "99 HIC Output from LSA Files"): one row
    per HIC/PIT request, project on the HIC and ES bed type (F facility, V voucher, O other; blank for other
    project types), with the inventory active on the count night. Beds by household type count year-round
    beds (ES: availability 1); chronic beds are PSH's; the project's PIT count goes on its first row (the
    lowest ES bed type). Inventory under development (starting after the night) is not listed. -#}
with

projects as (

    select * from {{ ref('hud_hic_pit_projects_on_night') }}

),

inventory as (

    select * from {{ ref('hud_hic_pit_inventory_on_night') }}

),

project_counts as (

    select * from {{ ref('hud_hic_pit_project_inventory') }}

),

project_records as (

    select project_key, organization_id from {{ ref('stg_hmis__projects') }}

),

project_cocs as (

    select project_key, coc_code, min(geocode) as geocode
    from {{ ref('stg_hmis__project_cocs') }}
    group by project_key, coc_code

),

typed as (

    select
        inventory.*,
        case
            when inventory.project_type not in (0, 1) then ''
            when inventory.es_bed_type = 1 then 'F'
            when inventory.es_bed_type = 2 then 'V'
            else 'O'
        end as bed_type,
        inventory.year_round_beds > 0 as is_year_round
    from inventory

),

by_bed_type as (

    select
        request_id,
        project_key,
        bed_type,
        sum(case when is_year_round and household_type = 3 then beds else 0 end) as beds_with_children,
        sum(case when is_year_round and household_type = 3 then units else 0 end) as units_with_children,
        sum(case when is_year_round and household_type = 3 then veteran_beds else 0 end) as veteran_beds_with_children,
        sum(case when is_year_round and household_type = 3 then youth_beds else 0 end) as youth_beds_with_children,
        sum(case when household_type = 3 then chronic_beds else 0 end) as chronic_beds_with_children,
        sum(case when is_year_round and household_type = 1 then beds else 0 end) as beds_without_children,
        sum(case when is_year_round and household_type = 1 then veteran_beds else 0 end)
            as veteran_beds_without_children,
        sum(case when is_year_round and household_type = 1 then youth_beds else 0 end) as youth_beds_without_children,
        sum(case when household_type = 1 then chronic_beds else 0 end) as chronic_beds_without_children,
        sum(case when is_year_round and household_type = 4 then beds else 0 end) as beds_only_children,
        sum(case when household_type = 4 then chronic_beds else 0 end) as chronic_beds_only_children,
        sum(year_round_beds) as year_round_beds,
        sum(seasonal_beds) as seasonal_beds,
        min(case when seasonal_beds > 0 then inventory_start_date end) as seasonal_start_date,
        max(case when seasonal_beds > 0 then inventory_end_date end) as seasonal_end_date,
        sum(overflow_beds) as overflow_beds,
        sum(beds) as total_beds
    from typed
    group by request_id, project_key, bed_type

),

final as (

    select
        -- keys
        projects.request_id,
        cast(row_number() over (
            partition by projects.request_id
            order by
                projects.organization_name, projects.project_name, projects.project_id, projects.project_key,
                by_bed_type.bed_type
        ) as integer) as row_order,
        projects.project_key,

        -- the project (HDX's HIC columns)
        projects.coc_code,
        projects.pit_date,
        projects.organization_name,
        project_records.organization_id,
        projects.project_name,
        projects.project_id,
        projects.hic_project_group,
        coalesce(by_bed_type.bed_type, '') as bed_type,
        project_cocs.geocode,
        case projects.hmis_participation_type when 1 then 'Yes' when 0 then 'No' when 2 then 'Comp' end
            as hmis_participating,
        'C' as inventory_type,
        case projects.target_population when 1 then 'DV' when 3 then 'HIV' when 4 then 'NA' else '' end
            as target_population,
        case projects.housing_type
            when 1 then 'Site-based - single site'
            when 2 then 'Site-based - clustered/multiple sites'
            when 3 then 'Tenant-based - scattered site'
        end as housing_type,
        case when projects.is_victim_service_provider then 1 else 0 end as victim_service_provider,

        -- beds and units
        coalesce(by_bed_type.beds_with_children, 0) as beds_with_children,
        coalesce(by_bed_type.units_with_children, 0) as units_with_children,
        coalesce(by_bed_type.veteran_beds_with_children, 0) as veteran_beds_with_children,
        coalesce(by_bed_type.youth_beds_with_children, 0) as youth_beds_with_children,
        coalesce(by_bed_type.chronic_beds_with_children, 0) as chronic_beds_with_children,
        coalesce(by_bed_type.beds_without_children, 0) as beds_without_children,
        coalesce(by_bed_type.veteran_beds_without_children, 0) as veteran_beds_without_children,
        coalesce(by_bed_type.youth_beds_without_children, 0) as youth_beds_without_children,
        coalesce(by_bed_type.chronic_beds_without_children, 0) as chronic_beds_without_children,
        coalesce(by_bed_type.beds_only_children, 0) as beds_only_children,
        coalesce(by_bed_type.chronic_beds_only_children, 0) as chronic_beds_only_children,
        coalesce(by_bed_type.year_round_beds, 0) as year_round_beds,
        case when projects.target_population = 1 then coalesce(by_bed_type.year_round_beds, 0) end as dv_beds,
        coalesce(by_bed_type.seasonal_beds, 0) as seasonal_beds,
        by_bed_type.seasonal_start_date,
        by_bed_type.seasonal_end_date,
        coalesce(by_bed_type.overflow_beds, 0) as overflow_beds,
        case
            when row_number() over (
                partition by projects.request_id, projects.project_key
                order by case by_bed_type.bed_type when 'F' then 1 when 'V' then 2 when 'O' then 3 else 0 end
            ) = 1 then project_counts.pit_count
            else 0
        end as pit_count,
        coalesce(by_bed_type.total_beds, 0) as total_beds

    from projects
    left join by_bed_type
        on projects.request_id = by_bed_type.request_id
        and projects.project_key = by_bed_type.project_key
    left join project_counts
        on projects.request_id = project_counts.request_id
        and projects.project_key = project_counts.project_key
    left join project_records
        on projects.project_key = project_records.project_key
    left join project_cocs
        on projects.project_key = project_cocs.project_key
        and projects.coc_code = project_cocs.coc_code

)

select * from final
