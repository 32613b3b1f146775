{#- ProjectCoC.csv of the LSA (spec §4.4): one row per LSA request and ProjectCoC record of the report CoC for a
    project in Project.csv; ZIP cut to its first five characters. -#}
with

projects as (

    select request_id, project_key, report_coc from {{ ref('int_lsa_projects') }}

),

project_cocs as (

    select * from {{ ref('stg_hmis__project_cocs') }}

),

final as (

    select
        projects.request_id,
        row_number() over (
            partition by projects.request_id order by project_cocs.project_coc_id, project_cocs.project_coc_key
        ) as row_order,
        project_cocs.project_coc_id,
        project_cocs.project_id,
        project_cocs.coc_code,
        project_cocs.geocode,
        project_cocs.address_1 as address1,
        project_cocs.address_2 as address2,
        project_cocs.city,
        project_cocs.state,
        substring(project_cocs.zip, 1, 5) as zip,
        project_cocs.geography_type,
        project_cocs.date_created,
        project_cocs.date_updated,
        project_cocs.user_id,
        cast(null as {{ dbt.type_timestamp() }}) as date_deleted
    from projects
    inner join project_cocs
        on projects.project_key = project_cocs.project_key
        and projects.report_coc = project_cocs.coc_code

)

select * from final
