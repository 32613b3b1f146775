{#- Funder.csv of the LSA (spec §4.3): one row per LSA request and funding record of a project in Project.csv
    that has not ended before ReportStart (and ends after it starts). -#}
with

projects as (

    select request_id, project_key, report_start from {{ ref('int_lsa_projects') }}

),

funders as (

    select * from {{ ref('stg_hmis__funders') }}

),

final as (

    select
        projects.request_id,
        row_number() over (
            partition by projects.request_id order by funders.funder_id, funders.funder_key
        ) as row_order,
        funders.funder_id,
        funders.project_id,
        funders.funder,
        funders.other_funder,
        funders.grant_id,
        funders.start_date,
        funders.end_date,
        funders.date_created,
        funders.date_updated,
        funders.user_id,
        cast(null as {{ dbt.type_timestamp() }}) as date_deleted
    from projects
    inner join funders
        on projects.project_key = funders.project_key
    where funders.end_date is null
        or (funders.end_date >= projects.report_start and funders.end_date > funders.start_date)

)

select * from final
