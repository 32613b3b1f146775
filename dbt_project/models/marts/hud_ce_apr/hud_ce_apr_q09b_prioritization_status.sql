{#- CE APR Q9b Prioritization Status: households (by their head) whose latest assessment placed them on the
    prioritization list (4.19.7 = 1) or not (2, or no answer: HUD's FY2022 text, docs/decisions.md), and
    the share prioritized per household type. -#}
{%- set rows = {
    'prioritized': 'prioritization_status = 1',
    'not_prioritized': 'not coalesce(prioritization_status = 1, false)',
} %}
{%- set columns = apr_household_type_columns() %}

with

heads as (

    select * from {{ ref('int_ce_apr_clients') }} where is_head_of_household

),

members as (

    {{ apr_members('heads', rows) }}

),

counts as (

    {{ apr_count_by_household_type('members') }}

),

cells as (

    select
        request_id,
        row_key,
        {%- for column in columns %}
        cast({{ column }} as {{ dbt.type_numeric() }}) as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from counts
    union all
    select
        prioritized.request_id,
        'percent_prioritized' as row_key,
        {%- for column in columns %}
        {{ apr_rate(
            'coalesce(prioritized.' ~ column ~ ', 0)',
            'coalesce(prioritized.' ~ column ~ ', 0) + coalesce(not_prioritized.' ~ column ~ ', 0)'
        ) }} as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from (select distinct request_id from heads) as requests
    left join counts as prioritized
        on requests.request_id = prioritized.request_id
        and prioritized.row_key = 'prioritized'
    left join counts as not_prioritized
        on requests.request_id = not_prioritized.request_id
        and not_prioritized.row_key = 'not_prioritized'

)

{{ apr_table_layout('CE-Q9b', 'cells', columns, types=dict.fromkeys(columns, 'decimal(18,4)')) }}
