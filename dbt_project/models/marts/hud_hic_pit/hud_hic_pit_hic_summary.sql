{#- HIC summary (hic-pit-lsa.md §2): one row per HIC/PIT request and project group (ES, SH, TH, PSH,
    RRH, OPH, then the total) — beds and units on the count night by HUD's categories, the people in
    them and utilisation (people / all beds available that night: year-round, seasonal, overflow). -#}
with

requests as (

    select distinct request_id from {{ ref('hud_hic_pit_requests') }}

),

projects as (

    select * from {{ ref('hud_hic_pit_project_inventory') }}

),

hud_rows as (

    select 1 as row_order, 'ES' as hic_project_group, 'Emergency Shelter' as row_label
    union all select 2, 'SH', 'Safe Haven'
    union all select 3, 'TH', 'Transitional Housing'
    union all select 4, 'PSH', 'Permanent Supportive Housing'
    union all select 5, 'RRH', 'Rapid Re-Housing'
    union all select 6, 'OPH', 'Other Permanent Housing'
    union all select 7, 'TOTAL', 'Total'

),

summed as (

    select
        requests.request_id,
        hud_rows.row_order,
        hud_rows.row_label,
        cast(coalesce(sum(projects.beds_households_without_children), 0) as {{ dbt.type_int() }}) as beds_households_without_children,
        cast(coalesce(sum(projects.beds_households_with_children), 0) as {{ dbt.type_int() }}) as beds_households_with_children,
        cast(coalesce(sum(projects.units_households_with_children), 0) as {{ dbt.type_int() }}) as units_households_with_children,
        cast(coalesce(sum(projects.beds_households_only_children), 0) as {{ dbt.type_int() }}) as beds_households_only_children,
        cast(coalesce(sum(projects.year_round_beds), 0) as {{ dbt.type_int() }}) as year_round_beds,
        cast(coalesce(sum(projects.seasonal_beds), 0) as {{ dbt.type_int() }}) as seasonal_beds,
        cast(coalesce(sum(projects.overflow_beds), 0) as {{ dbt.type_int() }}) as overflow_beds,
        cast(coalesce(sum(projects.chronic_beds), 0) as {{ dbt.type_int() }}) as chronic_beds,
        cast(coalesce(sum(projects.veteran_beds), 0) as {{ dbt.type_int() }}) as veteran_beds,
        cast(coalesce(sum(projects.youth_beds), 0) as {{ dbt.type_int() }}) as youth_beds,
        cast(coalesce(sum(projects.total_beds), 0) as {{ dbt.type_int() }}) as total_beds,
        cast(coalesce(sum(projects.pit_count), 0) as {{ dbt.type_int() }}) as pit_count,
        count(projects.project_key) as projects
    from requests
    cross join hud_rows
    left join projects
        on requests.request_id = projects.request_id
        and (hud_rows.hic_project_group = 'TOTAL' or hud_rows.hic_project_group = projects.hic_project_group)
    group by requests.request_id, hud_rows.row_order, hud_rows.row_label

),

final as (

    select
        request_id,
        row_order,
        row_label,
        projects,
        {{ hic_inventory_columns() }}
    from summed

)

select * from final
