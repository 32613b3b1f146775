{#- Affiliation.csv of the LSA (spec §4.7): one row per LSA request and residential affiliation of an RRH
    services-only project in Project.csv with ResidentialAffiliation = 1, still operating after ReportStart. -#}
with

projects as (

    select request_id, project_key
    from {{ ref('int_lsa_projects') }}
    where project_type = 13
        and rrh_sub_type = 1
        and residential_affiliation = 1
        and (operating_end_date is null or operating_end_date > report_start)

),

affiliations as (

    select * from {{ ref('stg_hmis__affiliations') }}

),

final as (

    select
        projects.request_id,
        row_number() over (
            partition by projects.request_id order by affiliations.affiliation_id, affiliations.affiliation_key
        ) as row_order,
        affiliations.affiliation_id,
        affiliations.project_id,
        affiliations.res_project_id,
        affiliations.date_created,
        affiliations.date_updated,
        affiliations.user_id,
        cast(null as {{ dbt.type_timestamp() }}) as date_deleted
    from projects
    inner join affiliations
        on projects.project_key = affiliations.project_key

)

select * from final
