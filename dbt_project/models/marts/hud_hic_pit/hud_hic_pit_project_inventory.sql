{#- HIC by project (hic-pit-lsa.md §2): one row per HIC/PIT request and project on the HIC — beds and
    units active on the count night by HUD's categories, the people in them that night (HMIS and
    comparable-database projects: counted from their records; projects not in HMIS: Project.PITCount)
    and utilisation = people / beds. -#}
with

projects as (

    select * from {{ ref('hud_hic_pit_projects_on_night') }}

),

inventory as (

    select * from {{ ref('hud_hic_pit_inventory_on_night') }}

),

persons as (

    select * from {{ ref('hud_hic_pit_persons_on_night') }}

),

beds as (

    select
        request_id,
        project_key,
        cast(sum(beds_households_without_children) as {{ dbt.type_int() }}) as beds_households_without_children,
        cast(sum(beds_households_with_children) as {{ dbt.type_int() }}) as beds_households_with_children,
        cast(sum(units_households_with_children) as {{ dbt.type_int() }}) as units_households_with_children,
        cast(sum(beds_households_only_children) as {{ dbt.type_int() }}) as beds_households_only_children,
        cast(sum(year_round_beds) as {{ dbt.type_int() }}) as year_round_beds,
        cast(sum(seasonal_beds) as {{ dbt.type_int() }}) as seasonal_beds,
        cast(sum(overflow_beds) as {{ dbt.type_int() }}) as overflow_beds,
        cast(sum(chronic_beds) as {{ dbt.type_int() }}) as chronic_beds,
        cast(sum(veteran_beds) as {{ dbt.type_int() }}) as veteran_beds,
        cast(sum(youth_beds) as {{ dbt.type_int() }}) as youth_beds,
        cast(sum(beds) as {{ dbt.type_int() }}) as total_beds,
        cast(sum(units) as {{ dbt.type_int() }}) as total_units
    from inventory
    group by request_id, project_key

),

counted as (

    select request_id, project_key, cast(count(distinct enrollment_key) as {{ dbt.type_int() }}) as persons_in_records
    from persons
    group by request_id, project_key

),

joined as (

    select
        projects.request_id,
        projects.project_key,
        projects.organization_name,
        projects.project_name,
        projects.project_type,
        projects.hic_project_group,
        projects.hmis_participation_type,
        coalesce(beds.beds_households_without_children, 0) as beds_households_without_children,
        coalesce(beds.beds_households_with_children, 0) as beds_households_with_children,
        coalesce(beds.units_households_with_children, 0) as units_households_with_children,
        coalesce(beds.beds_households_only_children, 0) as beds_households_only_children,
        coalesce(beds.year_round_beds, 0) as year_round_beds,
        coalesce(beds.seasonal_beds, 0) as seasonal_beds,
        coalesce(beds.overflow_beds, 0) as overflow_beds,
        coalesce(beds.chronic_beds, 0) as chronic_beds,
        coalesce(beds.veteran_beds, 0) as veteran_beds,
        coalesce(beds.youth_beds, 0) as youth_beds,
        coalesce(beds.total_beds, 0) as total_beds,
        coalesce(beds.total_units, 0) as total_units,
        case
            when projects.hmis_participation_type = 0 then coalesce(projects.reported_pit_count, 0)
            else coalesce(counted.persons_in_records, 0)
        end as pit_count,
        case when projects.hmis_participation_type = 0 then 'Project.PITCount' else 'HMIS records' end
            as pit_count_basis
    from projects
    left join beds
        on projects.request_id = beds.request_id
        and projects.project_key = beds.project_key
    left join counted
        on projects.request_id = counted.request_id
        and projects.project_key = counted.project_key

),

final as (

    select
        request_id,
        row_number() over (
            partition by request_id order by hic_project_group, organization_name, project_name, project_key
        ) as row_order,
        coalesce(organization_name, '?') || ' - ' || coalesce(project_name, project_key) as row_label,
        hic_project_group,
        hmis_participation_type,
        {{ hic_inventory_columns() }},
        pit_count_basis,
        project_key
    from joined

)

select * from final
