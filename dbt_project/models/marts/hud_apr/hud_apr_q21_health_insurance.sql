{#- APR/CAPER Q21 Health Insurance: everyone by the health insurance (4.04) their record at start, at the
    annual assessment (stayers who owe one; the others counted as not yet required) or at exit
    (leavers) says yes to, with no insurance, unknown answers and how many sources. -#}
{%- set rows = {} %}
{%- for flag in health_insurance_sources() %}
    {%- do rows.update({flag: "insurance_column <> 'not_due' and has_" ~ flag}) %}
{%- endfor %}
{%- do rows.update({
    'no_insurance': "insurance_column <> 'not_due' and insurance_source_count = 0 "
        ~ "and insurance_from_any_source in (0, 1)",
    'dk_pnta': "insurance_column <> 'not_due' and insurance_source_count = 0 "
        ~ "and insurance_from_any_source in (8, 9)",
    'data_not_collected': "insurance_column <> 'not_due' and insurance_source_count = 0 "
        ~ "and (insurance_from_any_source is null or insurance_from_any_source not in (0, 1, 8, 9))",
    'aa_not_yet_required': "insurance_column = 'not_due'",
    'one_source': "insurance_column <> 'not_due' and insurance_source_count = 1",
    'more_than_one_source': "insurance_column <> 'not_due' and insurance_source_count > 1",
}) %}

with

clients as (

    select * from {{ ref('int_report_clients') }}

),

income_points as (

    select * from {{ ref('int_report_income_points') }}

),

columns_needed as (

    select clients.*, 'at_start' as insurance_column, 'start' as assessment_point from clients
    union all
    select
        clients.*,
        case when is_annual_assessment_required then 'at_annual_assessment' else 'not_due' end as insurance_column,
        'annual' as assessment_point
    from clients
    where is_stayer
    union all
    select clients.*, 'at_exit' as insurance_column, 'exit' as assessment_point from clients
    where is_leaver

),

with_insurance as (

    select
        columns_needed.request_id,
        columns_needed.personal_key,
        columns_needed.insurance_column,
        income_points.insurance_from_any_source,
        coalesce(income_points.insurance_source_count, 0) as insurance_source_count,
        {%- for flag in health_insurance_sources() %}
        coalesce(income_points.has_{{ flag }}, false) as has_{{ flag }}{{ ',' if not loop.last }}
        {%- endfor %}
    from columns_needed
    left join income_points
        on columns_needed.request_id = income_points.request_id
        and columns_needed.enrollment_key = income_points.enrollment_key
        and columns_needed.assessment_point = income_points.assessment_point

),

members as (

    {{ apr_members('with_insurance', rows, columns=['insurance_column']) }}

),

cells as (

    {{ apr_count_where('members', {
        'at_start': "insurance_column = 'at_start'",
        'at_annual_assessment': "insurance_column in ('at_annual_assessment', 'not_due')",
        'at_exit': "insurance_column = 'at_exit'",
    }) }}

)

{{ apr_table_layout('Q21', 'cells', ['at_start', 'at_annual_assessment', 'at_exit']) }}
