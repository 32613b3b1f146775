{#- APR Q18 Client Cash Income Category - Earned/Other Income Category - by Start and Annual
    Assessment/Exit Status: adults by whether their income is earned, other, both or none (glossary
    §12: other = total - earned), with the unknown answers, at start, annual assessment (stayers; not
    yet due and missing have their own rows) and exit (leavers). -#}
{%- set rows = {
    'only_earned': "income_category = 'income' and earned_income > 0 and other_income = 0",
    'only_other': "income_category = 'income' and other_income > 0 and earned_income = 0",
    'both': "income_category = 'income' and earned_income > 0 and other_income > 0",
    'no_income': "income_category = 'no_income'",
    'dk_pnta': "income_category = 'dk_pnta'",
    'missing': "income_category = 'data_not_collected'",
    'aa_not_yet_required': "income_category = 'aa_not_yet_required'",
    'aa_missing': "income_category = 'aa_missing'",
    'total': 'true',
    'one_or_more_sources': "income_category = 'income'",
    'income_information_at_start_and_later':
        "income_column <> 'at_start' and income_category not in ('aa_not_yet_required', 'aa_missing') "
        ~ "and start_income_from_any_source in (0, 1) and income_from_any_source in (0, 1)",
} %}

with

adult_income as (

    select * from {{ ref('int_report_adult_income') }}

),

with_start as (

    select
        adult_income.*,
        start_income.income_from_any_source as start_income_from_any_source
    from adult_income
    left join adult_income as start_income
        on adult_income.request_id = start_income.request_id
        and adult_income.personal_key = start_income.personal_key
        and start_income.income_column = 'at_start'

),

members as (

    {{ apr_members('with_start', rows, columns=['income_column']) }}

),

cells as (

    {{ apr_count_where('members', {
        'at_start': "income_column = 'at_start'",
        'at_annual_assessment': "income_column = 'at_annual_assessment'",
        'at_exit': "income_column = 'at_exit'",
    }) }}

)

{{ apr_table_layout('Q18', 'cells', ['at_start', 'at_annual_assessment', 'at_exit']) }}
