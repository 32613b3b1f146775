{#- APR/CAPER Q17 Cash Income - Sources: adults whose income record at start, at the annual assessment
    (stayers who owe one) or at exit (leavers) says yes to each cash source; a person counts under every
    source they have. The last row counts adults who answered yes or no both at start and later. -#}
{%- set sources = [] %}
{%- for flag, amount in income_sources() %}{% do sources.append(flag) %}{% endfor %}
{%- set rows = {} %}
{%- for flag in sources %}{% do rows.update({flag: 'has_' ~ flag}) %}{% endfor %}
{%- do rows.update({
    'income_information_at_start_and_later':
        "income_column <> 'at_start' and start_income_from_any_source in (0, 1) and income_from_any_source in (0, 1)",
}) %}

with

adult_income as (

    select * from {{ ref('int_report_adult_income') }}
    where income_column <> 'at_annual_assessment' or is_annual_assessment_required

),

income_points as (

    select * from {{ ref('int_report_income_points') }}

),

with_sources as (

    select
        adult_income.request_id,
        adult_income.personal_key,
        adult_income.income_column,
        adult_income.income_from_any_source,
        start_points.income_from_any_source as start_income_from_any_source,
        {%- for flag in sources %}
        coalesce(income_points.has_{{ flag }}, false) as has_{{ flag }}{{ ',' if not loop.last }}
        {%- endfor %}
    from adult_income
    left join income_points
        on adult_income.request_id = income_points.request_id
        and adult_income.enrollment_key = income_points.enrollment_key
        and adult_income.assessment_point = income_points.assessment_point
    left join income_points as start_points
        on adult_income.request_id = start_points.request_id
        and adult_income.enrollment_key = start_points.enrollment_key
        and start_points.assessment_point = 'start'

),

members as (

    {{ apr_members('with_sources', rows, columns=['income_column']) }}

),

cells as (

    {{ apr_count_where('members', {
        'at_start': "income_column = 'at_start'",
        'at_annual_assessment': "income_column = 'at_annual_assessment'",
        'at_exit': "income_column = 'at_exit'",
    }) }}

)

{{ apr_table_layout('Q17', 'cells', ['at_start', 'at_annual_assessment', 'at_exit']) }}
