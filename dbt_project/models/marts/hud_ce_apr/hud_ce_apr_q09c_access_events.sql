{#- CE APR Q9c Access Events: households (by their head) whose one CE event (int_ce_apr_household_events) is
    an access event (4.20 codes 1-4), the diversion results that housed them in a safe alternative (4.20.A)
    and the share of diversions that did, per household type. -#}
{%- set rows = {
    '1': 'event = 1',
    '2': 'event = 2',
    '3': 'event = 3',
    '4': 'event = 4',
    'total': 'event in (1, 2, 3, 4)',
    'safe_alternative': 'event = 2 and prob_sol_div_rr_result = 1',
} %}
{%- set columns = apr_household_type_columns() %}

with

households as (

    select * from {{ ref('int_ce_apr_household_events') }}

),

members as (

    {{ apr_members('households', rows) }}

),

counts as (

    {{ apr_count_by_household_type('members') }}

),

cells as (

    {{ apr_cells_with_rates('counts', 'counts', columns, [
        ['percent_successful', 'safe_alternative', ['2']],
    ]) }}

)

{{ apr_table_layout('CE-Q9c', 'cells', columns, types=dict.fromkeys(columns, 'decimal(18,4)')) }}
