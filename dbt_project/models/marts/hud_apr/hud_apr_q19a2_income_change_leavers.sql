{#- APR Q19a2 Client Cash Income Change - by Start and Exit: adult leavers with a known income at start
    and at exit. -#}
with

adult_income as (

    select * from {{ ref('int_report_cash_income') }} where is_adult

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
    where later.income_column = 'at_exit'
        and start_income.total_income is not null
        and start_income.income_from_any_source is not null
        and later.total_income is not null

)

{{ apr_income_change_table('Q19a2') }}
