{#- APR/CAPER Q20a Type of Non-Cash Benefit Sources: adults whose record at start, at the annual
    assessment (stayers who owe one) or at exit says yes to each non-cash benefit (4.03). At exit only
    heads of household and the adults who left with them count (HUD: not members who left before the
    head). -#}
{%- set rows = {} %}
{%- for flag in non_cash_benefit_sources() %}{% do rows.update({flag: 'has_' ~ flag}) %}{% endfor %}

with

adults as (

    select * from {{ ref('int_report_clients') }} where is_adult

),

income_points as (

    select * from {{ ref('int_report_income_points') }}

),

columns_needed as (

    select adults.*, 'at_start' as benefit_column, 'start' as assessment_point from adults
    union all
    select adults.*, 'at_annual_assessment' as benefit_column, 'annual' as assessment_point from adults
    where is_stayer and is_annual_assessment_required
    union all
    select adults.*, 'at_exit' as benefit_column, 'exit' as assessment_point from adults
    where is_leaver and (is_head_of_household or exit_date = head_exit_date)

),

with_benefits as (

    select
        columns_needed.request_id,
        columns_needed.personal_key,
        columns_needed.benefit_column,
        {%- for flag in non_cash_benefit_sources() %}
        coalesce(income_points.has_{{ flag }}, false) as has_{{ flag }}{{ ',' if not loop.last }}
        {%- endfor %}
    from columns_needed
    left join income_points
        on columns_needed.request_id = income_points.request_id
        and columns_needed.enrollment_key = income_points.enrollment_key
        and columns_needed.assessment_point = income_points.assessment_point

),

members as (

    {{ apr_members('with_benefits', rows, columns=['benefit_column']) }}

),

cells as (

    {{ apr_count_where('members', {
        'at_start': "benefit_column = 'at_start'",
        'at_annual_assessment': "benefit_column = 'at_annual_assessment'",
        'at_exit': "benefit_column = 'at_exit'",
    }) }}

)

{{ apr_table_layout('Q20a', 'cells', ['at_start', 'at_annual_assessment', 'at_exit']) }}
