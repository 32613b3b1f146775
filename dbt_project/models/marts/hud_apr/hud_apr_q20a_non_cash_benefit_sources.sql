{#- APR/CAPER Q20a Type of Non-Cash Benefit Sources: adults whose record at start, at the annual
    assessment (stayers who owe one) or at exit says yes to each non-cash benefit (4.03). At exit only
    heads of household and the adults who left with them count (HUD: not members who left before the
    head). -#}
{%- set rows = {} %}
{%- for flag in non_cash_benefit_sources() %}{% do rows.update({flag: 'has_' ~ flag}) %}{% endfor %}

with

adult_benefits as (

    select * from {{ ref('int_report_adult_benefits') }}
    where benefit_column <> 'at_annual_assessment' or is_annual_assessment_required

),

members as (

    {{ apr_members('adult_benefits', rows, columns=['benefit_column']) }}

),

cells as (

    {{ apr_count_where('members', {
        'at_start': "benefit_column = 'at_start'",
        'at_annual_assessment': "benefit_column = 'at_annual_assessment'",
        'at_exit': "benefit_column = 'at_exit'",
    }) }}

)

{{ apr_table_layout('Q20a', 'cells', ['at_start', 'at_annual_assessment', 'at_exit']) }}
