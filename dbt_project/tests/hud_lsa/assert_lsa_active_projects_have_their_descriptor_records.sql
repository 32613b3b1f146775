{#- HDX 2.0 validation of the LSA's project descriptor files (LSA spec §4.2-§4.7): every project of Project.csv
    active in the report period has at least one Funder and HMISParticipation record, at least one Inventory
    record unless it is RRH services-only, and an Affiliation when it is RRH services-only with a residential
    affiliation; every project has exactly one ProjectCoC record with Geocode, ZIP and GeographyType, and its
    organization exactly one Organization record with VictimServiceProvider 0 or 1. One row per project and
    missing or invalid record. -#}
with

projects as (

    select request_id, project_id, project_key, organization_key, project_type, rrh_sub_type,
        residential_affiliation, operating_end_date, report_start
    from {{ ref('int_lsa_projects') }}

),

active as (

    select * from projects
    where operating_end_date is null or operating_end_date > report_start

),

counted as (

    select
        projects.request_id,
        projects.project_id,
        case when active.project_id is not null then 1 else 0 end as is_active,
        case when projects.project_type = 13 and projects.rrh_sub_type = 1 then 1 else 0 end as is_rrh_services_only,
        projects.residential_affiliation,
        (select count(*) from {{ ref('hud_lsa_funder') }} as funders
            where funders.request_id = projects.request_id and funders.project_id = projects.project_id) as funders,
        (select count(*) from {{ ref('hud_lsa_inventory') }} as inventory
            where inventory.request_id = projects.request_id and inventory.project_id = projects.project_id)
            as inventory,
        (select count(*) from {{ ref('hud_lsa_hmis_participation') }} as participations
            where participations.request_id = projects.request_id
                and participations.project_id = projects.project_id) as participations,
        (select count(*) from {{ ref('hud_lsa_affiliation') }} as affiliations
            where affiliations.request_id = projects.request_id
                and affiliations.project_id = projects.project_id) as affiliations,
        (select count(*) from {{ ref('hud_lsa_project_coc') }} as project_cocs
            where project_cocs.request_id = projects.request_id
                and project_cocs.project_id = projects.project_id) as project_cocs,
        (select count(*) from {{ ref('hud_lsa_project_coc') }} as project_cocs
            where project_cocs.request_id = projects.request_id
                and project_cocs.project_id = projects.project_id
                and (project_cocs.geocode is null or project_cocs.zip is null or project_cocs.geography_type is null))
            as incomplete_project_cocs,
        (select count(*) from {{ ref('stg_hmis__organizations') }} as organizations
            where organizations.organization_key = projects.organization_key
                and organizations.victim_service_provider in (0, 1)) as organizations
    from projects
    left join active
        on projects.request_id = active.request_id
        and projects.project_key = active.project_key

),

problems as (

    select request_id, project_id, 'no Funder record active in the report period' as problem
    from counted where is_active = 1 and funders = 0
    union all
    select request_id, project_id, 'no Inventory record active in the report period'
    from counted where is_active = 1 and is_rrh_services_only = 0 and inventory = 0
    union all
    select request_id, project_id, 'no HMISParticipation record'
    from counted where is_active = 1 and participations = 0
    union all
    select request_id, project_id, 'RRH services-only with a residential affiliation but no Affiliation record'
    from counted where is_active = 1 and is_rrh_services_only = 1 and residential_affiliation = 1 and affiliations = 0
    union all
    select request_id, project_id, 'not exactly one ProjectCoC record for the report CoC'
    from counted where project_cocs <> 1
    union all
    select request_id, project_id, 'ProjectCoC without Geocode, ZIP or GeographyType'
    from counted where incomplete_project_cocs > 0
    union all
    select request_id, project_id, 'organization without exactly one Organization record with VictimServiceProvider 0/1'
    from counted where organizations <> 1

)

select * from problems
