{#- APR Q26e Physical and Mental Health Conditions - Chronically Homeless Persons: the chronically
    homeless people of Q26b with each condition at start (everyone), at their latest assessment
    (stayers) and at exit (leavers), as Q13a1/Q13c1/Q13b1 count them. -#}
{%- set rows = apr_condition_rows() %}

with

chronic as (

    select * from {{ ref('int_report_clients') }} where is_chronically_homeless

),

conditions as (

    select * from {{ ref('int_report_conditions') }}

),

with_conditions as (

    select
        chronic.request_id,
        chronic.personal_key,
        conditions.assessment_point,
        {%- for row_key, flag in rows.items() %}
        conditions.{{ flag }}{{ ',' if not loop.last }}
        {%- endfor %}
    from chronic
    inner join conditions
        on chronic.request_id = conditions.request_id
        and chronic.enrollment_key = conditions.enrollment_key
    where conditions.assessment_point = 'start'
        or (conditions.assessment_point = 'latest' and chronic.is_stayer)
        or (conditions.assessment_point = 'exit' and chronic.is_leaver)

),

members as (

    {{ apr_members('with_conditions', rows, columns=['assessment_point']) }}

),

cells as (

    {{ apr_count_where('members', {
        'at_start': "assessment_point = 'start'",
        'at_latest_assessment_for_stayers': "assessment_point = 'latest'",
        'at_exit_for_leavers': "assessment_point = 'exit'",
    }) }}

)

{{ apr_table_layout('Q26e', 'cells', ['at_start', 'at_latest_assessment_for_stayers', 'at_exit_for_leavers'],
    rows_of='Q13a1') }}
