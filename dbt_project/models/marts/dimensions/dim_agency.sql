{#- Agencies: the organizations (Organization.csv) that run projects, per source. -#}
with

organizations as (

    select * from {{ ref('stg_hmis__organizations') }}

),

projects as (

    select * from {{ ref('stg_hmis__projects') }}

),

project_counts as (

    select organization_key, count(*) as project_count
    from projects
    group by organization_key

),

final as (

    select
        -- keys
        organizations.organization_key,
        organizations.source_id,
        organizations.organization_id,

        -- descriptors
        organizations.organization_name,
        organizations.victim_service_provider,
        coalesce(organizations.victim_service_provider = 1, false) as is_victim_service_provider,
        coalesce(project_counts.project_count, 0) as project_count

    from organizations
    left join project_counts
        on organizations.organization_key = project_counts.organization_key

)

select * from final
