{#- lsa_Report (LSA spec §3.1): one row per LSA request — the report CoC, period, scope and lookback date.
    A request names one CoC (scope coc); option `projects` (comma-separated `<source_id>:<ProjectID>`)
    makes it project-focused (LSAScope 2), option `lsa_scope` = 'hic' the one-day HIC (3), otherwise it is
    systemwide (1). -#}
with

requests as (

    select * from {{ ref('stg_meta__report_requests') }}
    where report = 'lsa'
        and scope_type = 'coc'

),

per_coc as (

    select
        request_id,
        period_start,
        period_end,
        {{ hic_pit_option('options', 'projects') }} as selected_projects,
        {{ hic_pit_option('options', 'lsa_scope') }} as scope_option,
        {{ report_unnest('scope_ids') }} as report_coc
    from requests

),

final as (

    select
        request_id,
        report_coc,
        period_start as report_start,
        period_end as report_end,
        {{ add_years(-7, 'period_start') }} as lookback_date,
        case
            when scope_option = 'hic' then 3
            when selected_projects is null or selected_projects = '' then 1
            else 2
        end as lsa_scope,
        nullif(selected_projects, '') as selected_projects
    from per_coc

)

select * from final
