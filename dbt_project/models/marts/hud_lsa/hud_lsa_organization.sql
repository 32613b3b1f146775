{#- Organization.csv of the LSA (spec §4.2): one row per LSA request and organization of a project in
    Project.csv. -#}
with

lsa_organizations as (

    select distinct request_id, organization_key from {{ ref('int_lsa_projects') }}

),

organizations as (

    select * from {{ ref('stg_hmis__organizations') }}

),

final as (

    select
        lsa_organizations.request_id,
        row_number() over (
            partition by lsa_organizations.request_id
            order by organizations.organization_id, organizations.organization_key
        ) as row_order,
        organizations.organization_id,
        substring(organizations.organization_name, 1, 200) as organization_name,
        organizations.victim_service_provider,
        organizations.organization_common_name,
        organizations.date_created,
        organizations.date_updated,
        organizations.user_id,
        cast(null as {{ dbt.type_timestamp() }}) as date_deleted
    from lsa_organizations
    inner join organizations
        on lsa_organizations.organization_key = organizations.organization_key

)

select * from final
