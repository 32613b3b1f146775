{#- lsa_Project (LSA spec §4.1): one row per LSA request and project exported to Project.csv. Systemwide:
    continuum ES/SH/TH/RRH/PSH/OPH projects (types 0,1,2,3,8,9,10,13) with a ProjectCoC record of the report
    CoC, not closed on or before the lookback date. Project-focused: the selected projects (continuum
    ES/SH/TH/RRH/PSH only, §3.1) of the report CoC, under the same operating-date rule. -#}
with

reports as (

    select * from {{ ref('int_lsa_reports') }}

),

projects as (

    select * from {{ ref('stg_hmis__projects') }}

),

project_cocs as (

    select distinct project_key, coc_code from {{ ref('stg_hmis__project_cocs') }}

),

organizations as (

    select organization_key, victim_service_provider from {{ ref('stg_hmis__organizations') }}

),

selected as (

    select
        reports.request_id,
        reports.report_coc,
        reports.report_start,
        reports.report_end,
        reports.lookback_date,
        reports.lsa_scope,
        projects.*
    from reports
    inner join projects
        on projects.continuum_project = 1
        and (
            projects.operating_end_date is null
            or (
                projects.operating_end_date > reports.lookback_date
                and projects.operating_end_date > projects.operating_start_date
            )
        )
    where exists (
            select 1 from project_cocs
            where project_cocs.project_key = projects.project_key
                and project_cocs.coc_code = reports.report_coc
        )
        and (
            (reports.lsa_scope in (1, 3) and projects.project_type in (0, 1, 2, 3, 8, 9, 10, 13))
            or (
                reports.lsa_scope = 2
                and projects.project_type in (0, 1, 2, 3, 8, 13)
                and position(
                    ',' || projects.project_key || ','
                    in ',' || replace(reports.selected_projects, ' ', '') || ','
                ) > 0
            )
        )

),

final as (

    select
        selected.*,
        case when selected.project_type = 13 and selected.rrh_sub_type = 1 then 15 else selected.project_type end
            as lsa_project_type,
        organizations.victim_service_provider
    from selected
    left join organizations
        on selected.organization_key = organizations.organization_key

)

select * from final
