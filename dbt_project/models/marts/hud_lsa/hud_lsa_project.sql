{#- Project.csv of the LSA (spec §4.1): one row per LSA request and project of lsa_Project, HMIS CSV columns
    in HUD's order (ExportID = ReportID is added when the file is written). -#}
with

projects as (

    select * from {{ ref('int_lsa_projects') }}

),

final as (

    select
        request_id,
        row_number() over (partition by request_id order by project_id, project_key) as row_order,
        project_id,
        organization_id,
        substring(project_name, 1, 200) as project_name,
        project_common_name,
        operating_start_date,
        operating_end_date,
        continuum_project,
        project_type,
        housing_type,
        rrh_sub_type,
        residential_affiliation,
        target_population,
        hopwa_med_assisted_living_fac,
        pit_count,
        date_created,
        date_updated,
        user_id,
        cast(null as {{ dbt.type_timestamp() }}) as date_deleted
    from projects

)

select * from final
