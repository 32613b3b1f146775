{#- APR Q19a1 Client Cash Income Change - by Start and Latest Status: adult stayers of households whose
    head has stayed 365 days or more, with an annual assessment in the window and a known income at
    start and at it. -#}
with

adult_income as (

    select * from {{ ref('int_report_cash_income') }} where is_adult

),

clients as (

    select * from {{ ref('int_report_clients') }}

),

universe as (

    select
        later.request_id,
        later.personal_key,
        start_income.earned_income as start_earned_income,
        start_income.other_income as start_other_income,
        start_income.total_income as start_total_income,
        later.earned_income as later_earned_income,
        later.other_income as later_other_income,
        later.total_income as later_total_income
    from adult_income as later
    inner join adult_income as start_income
        on later.request_id = start_income.request_id
        and later.personal_key = start_income.personal_key
        and start_income.income_column = 'at_start'
    inner join clients
        on later.request_id = clients.request_id
        and later.personal_key = clients.personal_key
    where later.income_column = 'at_annual_assessment'
        and later.has_record
        and later.is_annual_assessment_required
        and clients.has_head_stayer_365_days
        and start_income.total_income is not null
        and start_income.income_from_any_source is not null
        and later.total_income is not null

)

{{ apr_income_change_table('Q19a1') }}
