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

    {{ apr_cells_with_rates('counts', 'heads', columns, [
        ['percent_prioritized', 'prioritized', ['prioritized', 'not_prioritized']],
    ]) }}

)

{{ apr_table_layout('CE-Q9b', 'cells', columns, types=dict.fromkeys(columns, 'decimal(18,4)')) }}
