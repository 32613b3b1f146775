{#- HMISParticipation.csv of the LSA (spec §4.6): one row per LSA request and HMIS participation record of a
    project in Project.csv still operating after ReportStart. -#}
with

projects as (

    select request_id, project_key
    from {{ ref('int_lsa_projects') }}
    where operating_end_date is null or operating_end_date > report_start

),

participations as (

    select * from {{ ref('stg_hmis__hmis_participations') }}

),

final as (

    select
        projects.request_id,
        row_number() over (
            partition by projects.request_id
            order by participations.hmis_participation_id, participations.hmis_participation_key
        ) as row_order,
        participations.hmis_participation_id,
        participations.project_id,
        participations.hmis_participation_type,
        participations.hmis_participation_status_start_date,
        participations.hmis_participation_status_end_date,
        participations.date_created,
        participations.date_updated,
        participations.user_id,
        cast(null as {{ dbt.type_timestamp() }}) as date_deleted
    from projects
    inner join participations
        on projects.project_key = participations.project_key

)

select * from final
