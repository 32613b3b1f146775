{% macro apr_project_identifiers(clients, projects_of=none) -%}
    {#- Q4a Project Identifiers in HMIS (APR, CAPER, CE APR): one row per request and project of its scope
        (only those of `projects_of`, a relation with request_id and project_key, when given),
        with HUD columns A-Q; P and Q count the people and heads of `clients` (a relation with request_id,
        project_key, personal_key, is_head_of_household) whose reported stay is in the project. -#}
with

request_projects as (

    select * from {{ ref('int_report_request_projects') }}

),

organizations as (

    select * from {{ ref('stg_hmis__organizations') }}

),

project_cocs as (

    select * from {{ ref('stg_hmis__project_cocs') }}

),

affiliations as (

    select * from {{ ref('stg_hmis__affiliations') }}

),

ce_participations as (

    select * from {{ ref('stg_hmis__ce_participations') }}

),

current_exports as (

    select * from {{ ref('stg_meta__current_exports') }}

),

clients as (

    select * from {{ clients }}

),

report_tables as (

    select * from {{ ref('report_tables') }} where model_name = '{{ model.name }}'

),

projects as (

    select request_projects.*
    from request_projects
    {%- if projects_of %}
    inner join (select distinct request_id, project_key from {{ projects_of }}) as listed
        on request_projects.request_id = listed.request_id
        and request_projects.project_key = listed.project_key
    {%- endif %}
    where request_projects.report in (select report from report_tables)

),

cocs_and_geocodes as (

    select
        project_key,
        {{ dbt.listagg('coc_code', "', '", 'order by coc_code, geocode') }} as coc_numbers,
        {{ dbt.listagg('geocode', "', '", 'order by coc_code, geocode') }} as geocodes
    from project_cocs
    group by project_key

),

affiliated_projects as (

    select
        project_key,
        {{ dbt.listagg('res_project_id', "', '", 'order by res_project_id') }} as affiliated_project_ids
    from affiliations
    group by project_key

),

-- CE access point (2.09.1) in effect on the project's operating end, when that is inside the period,
-- else on the period end; no record means 0.
ce_effective as (

    select
        projects.request_id,
        projects.project_key,
        ce_participations.access_point,
        row_number() over (
            partition by projects.request_id, projects.project_key
            order by ce_participations.ce_participation_status_end_date desc nulls first,
                ce_participations.ce_participation_status_start_date desc, ce_participations.date_updated desc
        ) as record_rank
    from projects
    inner join ce_participations
        on projects.project_key = ce_participations.project_key
    where coalesce(ce_participations.ce_participation_status_start_date, projects.period_start) <= case
            when projects.operating_end_date between projects.period_start and projects.period_end
                then projects.operating_end_date
            else projects.period_end
        end
        and coalesce(ce_participations.ce_participation_status_end_date, projects.period_end) >= case
            when projects.operating_end_date between projects.period_start and projects.period_end
                then projects.operating_end_date
            else projects.period_end
        end

),

software as (

    select
        source_id,
        trim(coalesce(software_name, '') || ' ' || coalesce(software_version, '')) as software_name
    from current_exports
    where is_latest_export

),

active as (

    select
        request_id,
        project_key,
        count(distinct personal_key) as active_clients,
        count(distinct case when is_head_of_household then personal_key end) as active_households
    from clients
    group by request_id, project_key

),

final as (

    select
        projects.request_id,
        cast(row_number() over (
            partition by projects.request_id
            order by organizations.organization_name, projects.project_name, projects.project_id, projects.project_key
        ) as integer) as row_order,
        cast(coalesce(organizations.organization_name, '') as {{ dbt.type_string() }}) as row_label,
        cast(projects.organization_id as {{ dbt.type_string() }}) as organization_id,
        cast(projects.project_name as {{ dbt.type_string() }}) as project_name,
        cast(projects.project_id as {{ dbt.type_string() }}) as project_id,
        cast(projects.project_type as integer) as hmis_project_type,
        cast(projects.rrh_sub_type as integer) as rrh_subtype,
        cast(coalesce(ce_effective.access_point, 0) as integer) as coordinated_entry_access_point,
        cast(case
            when projects.project_type = 6 or (projects.project_type = 13 and projects.rrh_sub_type = 1)
                then coalesce(projects.residential_affiliation, 0)
            else 0
        end as integer) as affiliated_with_residential_project,
        cast(case
            when projects.project_type = 6 or (projects.project_type = 13 and projects.rrh_sub_type = 1)
                then affiliated_projects.affiliated_project_ids
        end as {{ dbt.type_string() }}) as affiliated_project_ids,
        cast(cocs_and_geocodes.coc_numbers as {{ dbt.type_string() }}) as coc_number,
        cast(cocs_and_geocodes.geocodes as {{ dbt.type_string() }}) as geocode,
        cast(coalesce(organizations.victim_service_provider, 0) as integer) as victim_service_provider,
        cast(software.software_name as {{ dbt.type_string() }}) as hmis_software_name,
        cast(projects.period_start as {{ dbt.type_string() }}) as report_start_date,
        cast(projects.period_end as {{ dbt.type_string() }}) as report_end_date,
        cast(coalesce(active.active_clients, 0) as bigint) as total_active_clients,
        cast(coalesce(active.active_households, 0) as bigint) as total_active_households
    from projects
    left join organizations
        on projects.organization_key = organizations.organization_key
    left join cocs_and_geocodes
        on projects.project_key = cocs_and_geocodes.project_key
    left join affiliated_projects
        on projects.project_key = affiliated_projects.project_key
    left join ce_effective
        on projects.request_id = ce_effective.request_id
        and projects.project_key = ce_effective.project_key
        and ce_effective.record_rank = 1
    left join software
        on projects.source_id = software.source_id
    left join active
        on projects.request_id = active.request_id
        and projects.project_key = active.project_key

)

select * from final
{%- endmacro %}
