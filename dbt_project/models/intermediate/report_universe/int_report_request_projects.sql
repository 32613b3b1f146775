{#- Which projects each report request covers: one row per request and project. A project scope names
    projects; an agency scope takes the agency's projects and a CoC scope the projects with a ProjectCoC
    record in the CoC, in both cases only projects operating at some time in the report period. -#}
with

requests as (

    select * from {{ ref('stg_meta__report_requests') }}

),

scope_ids as (

    select * from {{ ref('int_report_request_scope_ids') }}

),

projects as (

    select * from {{ ref('stg_hmis__projects') }}

),

project_cocs as (

    select * from {{ ref('stg_hmis__project_cocs') }}

),

named_projects as (

    select scope_ids.request_id, projects.project_key
    from scope_ids
    inner join projects
        on scope_ids.scope_id = projects.project_key
    where scope_ids.scope_type in ('project', 'projects')

),

agency_projects as (

    select scope_ids.request_id, projects.project_key
    from scope_ids
    inner join projects
        on scope_ids.scope_id = projects.organization_key
    where scope_ids.scope_type = 'agency'

),

coc_projects as (

    select distinct scope_ids.request_id, project_cocs.project_key
    from scope_ids
    inner join project_cocs
        on scope_ids.scope_id = project_cocs.coc_code
    where scope_ids.scope_type = 'coc'

),

-- Agencies and CoCs change over time: keep the projects that operated during the period.
operating_in_period as (

    select scoped.request_id, scoped.project_key
    from (
        select request_id, project_key from agency_projects
        union all
        select request_id, project_key from coc_projects
    ) as scoped
    inner join requests
        on scoped.request_id = requests.request_id
    inner join projects
        on scoped.project_key = projects.project_key
    where (projects.operating_start_date is null or projects.operating_start_date <= requests.period_end)
        and (projects.operating_end_date is null or projects.operating_end_date >= requests.period_start)

),

request_projects as (

    select request_id, project_key from named_projects
    union
    select request_id, project_key from operating_in_period

),

final as (

    select
        -- keys
        requests.request_id,
        projects.project_key,
        projects.source_id,
        projects.project_id,
        projects.organization_key,
        projects.organization_id,

        -- the request
        requests.report,
        requests.period_start,
        requests.period_end,
        requests.scope_type,

        -- the project
        projects.project_name,
        projects.project_type,
        projects.rrh_sub_type,
        projects.residential_affiliation,
        projects.operating_start_date,
        projects.operating_end_date

    from request_projects
    inner join requests
        on request_projects.request_id = requests.request_id
    inner join projects
        on request_projects.project_key = projects.project_key

)

select * from final
