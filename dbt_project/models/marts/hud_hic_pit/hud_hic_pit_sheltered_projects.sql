{#- Sheltered PIT count by project (hic-pit-lsa.md §3.4): one row per HIC/PIT request and ES, SH or TH
    project on the HIC, with the households and persons its records count that night (each person in
    one project, as in the other PIT tables; a project not in HMIS has no records, its HIC row shows
    Project.PITCount). -#}
with

projects as (

    select * from {{ ref('hud_hic_pit_projects_on_night') }}
    where hic_project_group in ('ES', 'SH', 'TH')

),

persons as (

    select * from {{ ref('hud_hic_pit_sheltered_persons') }}

),

counted as (

    select
        projects.request_id,
        projects.project_key,
        projects.organization_name,
        projects.project_name,
        projects.hic_project_group,
        cast(count(distinct persons.household_key) as {{ dbt.type_int() }}) as households,
        cast(count(distinct persons.client_id) as {{ dbt.type_int() }}) as persons,
        cast(count(distinct case when persons.age_on_night between 0 and 17 then persons.client_id end)
            as {{ dbt.type_int() }}) as children,
        cast(count(distinct case when persons.is_veteran then persons.client_id end) as {{ dbt.type_int() }})
            as veterans,
        cast(count(distinct case when persons.is_chronically_homeless_household then persons.client_id end)
            as {{ dbt.type_int() }}) as chronically_homeless_persons
    from projects
    left join persons
        on projects.request_id = persons.request_id
        and projects.project_key = persons.project_key
    group by
        projects.request_id,
        projects.project_key,
        projects.organization_name,
        projects.project_name,
        projects.hic_project_group

),

final as (

    select
        request_id,
        row_number() over (
            partition by request_id order by
                case hic_project_group when 'ES' then 1 when 'TH' then 2 else 3 end,
                organization_name, project_name, project_key
        ) as row_order,
        coalesce(organization_name, '?') || ' - ' || coalesce(project_name, project_key) as row_label,
        hic_project_group,
        households,
        persons,
        children,
        veterans,
        chronically_homeless_persons,
        project_key
    from counted

)

select * from final
