{#- APR/CAPER Q6c Data Quality: Income and Housing (destination; income and sources at start, annual
    assessment and exit) over the data-quality universe, first problem found per person and element.
    Income counts a missing record as missing, and a yes/no answer its sources contradict as an issue.
    Rates divide by Q5a B6, B3 + B16, B17 and B8. -#}
with

clients as (

    select * from {{ ref('int_report_dq_clients') }}

),

income_points as (

    select * from {{ ref('int_report_income_points') }}

),

with_income as (

    select
        clients.request_id,
        clients.personal_key,
        clients.is_leaver,
        clients.is_stayer,
        clients.is_adult_or_head,
        clients.is_annual_assessment_required,
        clients.is_head_or_adult_stayer_365_days,
        clients.destination,
        income_points.assessment_point,
        income_points.has_record,
        income_points.income_from_any_source,
        income_points.cash_source_count
    from clients
    left join income_points
        on clients.request_id = income_points.request_id
        and clients.enrollment_key = income_points.enrollment_key

),

income_members as (

    select
        request_id,
        personal_key,
        'income_at_' || case assessment_point
            when 'start' then 'start' when 'annual' then 'annual_assessment' else 'exit'
        end as row_key,
        case
            when income_from_any_source in (8, 9) then 'dk_pnta'
            when not has_record or income_from_any_source = 99 or income_from_any_source is null
                then 'information_missing'
            when (income_from_any_source = 0 and cash_source_count > 0)
                or (income_from_any_source = 1 and cash_source_count = 0)
                then 'data_issues'
        end as problem
    from with_income
    where is_adult_or_head
        and (
            assessment_point = 'start'
            or (assessment_point = 'annual' and is_stayer and is_annual_assessment_required)
            or (assessment_point = 'exit' and is_leaver)
        )

),

members as (

    select
        request_id,
        personal_key,
        'destination' as row_key,
        case
            when destination in (8, 9) then 'dk_pnta'
            when destination in (30, 99) or destination is null then 'information_missing'
        end as problem
    from clients
    where is_leaver
    union all
    select request_id, personal_key, row_key, problem from income_members

),

denominators as (

    select
        request_id,
        row_keys.row_key,
        count(distinct case
            when row_keys.row_key = 'destination' and is_leaver then personal_key
            when row_keys.row_key = 'income_at_start' and is_adult_or_head then personal_key
            when row_keys.row_key = 'income_at_annual_assessment' and is_head_or_adult_stayer_365_days
                then personal_key
            when row_keys.row_key = 'income_at_exit' and is_adult_or_head and is_leaver then personal_key
        end) as denominator
    from clients
    cross join (
        select 'destination' as row_key union all select 'income_at_start'
        union all select 'income_at_annual_assessment' union all select 'income_at_exit'
    ) as row_keys
    group by request_id, row_keys.row_key

),

cells as (

    {{ apr_dq_cells('members', 'denominators') }}

)

{{ apr_table_layout(
    'Q6c', 'cells', ['dk_pnta', 'information_missing', 'data_issues', 'total', 'issue_rate'],
    types={'issue_rate': 'decimal(9,4)'}
) }}
