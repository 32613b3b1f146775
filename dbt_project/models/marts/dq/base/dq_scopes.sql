{#- One row per scope the DQ framework and scorecards report on: every project, every agency
    (Organization) and every CoC, with the scope id used in report requests (`<source_id>:<HUD id>`
    for projects and agencies, the CoC code for CoCs), a display name, and the threshold group. -#}
with

projects as (

    select * from {{ ref('stg_hmis__projects') }}

),

-- Every agency a project names, also when its Organization record is gone (deleted, or unreadable): its projects'
-- DQ still rolls up to it (nothing lost), under its key until the record comes back.
organizations as (

    select organization_key, source_id, organization_name from {{ ref('stg_hmis__organizations') }}

    union all

    select distinct projects.organization_key, projects.source_id, projects.organization_key as organization_name
    from projects
    where projects.organization_key is not null
        and projects.organization_key not in (
            select organization_key from {{ ref('stg_hmis__organizations') }} where organization_key is not null
        )

),

project_cocs as (

    select project_key, case when count(distinct coc_code) = 1 then min(coc_code) end as coc_code
    from {{ ref('stg_hmis__project_cocs') }}
    group by project_key

),

-- An agency whose projects all serve one CoC belongs to it.
agency_cocs as (

    select
        projects.organization_key,
        case when count(distinct project_cocs.coc_code) = 1 then min(project_cocs.coc_code) end as coc_code
    from projects
    inner join {{ ref('stg_hmis__project_cocs') }} as project_cocs
        on projects.project_key = project_cocs.project_key
    group by projects.organization_key

),

enrollment_cocs as (

    select distinct coc_code from {{ ref('int_enrollments') }} where coc_code is not null

),

groups as (

    select * from {{ ref('dq_project_type_groups') }}

),

scopes as (

    select
        'project' as scope_level,
        projects.project_key as scope_key,
        projects.project_key as scope_id,
        projects.project_name as scope_name,
        projects.source_id,
        project_cocs.coc_code,
        projects.organization_key,
        projects.project_key,
        projects.project_type,
        coalesce(groups.dq_group, 'all') as threshold_group
    from projects
    left join project_cocs
        on projects.project_key = project_cocs.project_key
    left join groups
        on projects.project_type = groups.project_type

    union all

    select
        'agency' as scope_level,
        organizations.organization_key as scope_key,
        organizations.organization_key as scope_id,
        organizations.organization_name as scope_name,
        organizations.source_id,
        agency_cocs.coc_code,
        organizations.organization_key,
        cast(null as {{ dbt.type_string() }}) as project_key,
        cast(null as integer) as project_type,
        'all' as threshold_group
    from organizations
    left join agency_cocs
        on organizations.organization_key = agency_cocs.organization_key

    union all

    select
        'coc' as scope_level,
        coc_code as scope_key,
        coc_code as scope_id,
        coc_code as scope_name,
        cast(null as {{ dbt.type_string() }}) as source_id,
        coc_code,
        cast(null as {{ dbt.type_string() }}) as organization_key,
        cast(null as {{ dbt.type_string() }}) as project_key,
        cast(null as integer) as project_type,
        'all' as threshold_group
    from enrollment_cocs

)

select * from scopes
