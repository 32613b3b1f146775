{#- APR/CAPER Q23c Exit Destination: leavers by destination (3.12) with class subtotals, then the people
    exiting to positive housing destinations and those whose destination excludes them, by the project
    type of the stay they left (apr-caper.md Q23c; docs/decisions.md), and the rate positive / (total -
    excluded). -#}
{%- set coded = ['116', '101', '118', '215', '206', '207', '225', '204', '205', '302', '329', '314', '332', '312',
    '313', '327', '422', '423', '426', '410', '435', '421', '411', '30', '17', '24'] %}
{%- set rows = {} %}
{%- for code in coded %}{% do rows.update({code: 'destination = ' ~ code}) %}{% endfor %}
{%- do rows.update({
    'homeless_subtotal': "destination_class = 'homeless'",
    'institutional_subtotal': "destination_class = 'institutional'",
    'temporary_subtotal': "destination_class = 'temporary'",
    'permanent_subtotal': "destination_class = 'permanent'",
    'dk_pnta': 'destination in (8, 9)',
    'data_not_collected': 'destination = 99 or destination is null',
    'other_subtotal': "destination_class = 'other' or destination_class is null",
    'total': 'true',
    'positive': 'is_positive_destination',
    'excluded': 'is_excluded_destination',
}) %}

with

leavers as (

    select
        int_report_clients.*,
        coalesce(
            destination_class = 'permanent'
            or (project_type = 4 and destination in (101, 118, 215, 204, 205, 225, 302, 312, 313, 314, 327, 332)),
            false
        ) as is_positive_destination,
        coalesce(
            case
                when project_type = 4 then destination in (206, 329, 24)
                else destination in (206, 215, 225, 24)
            end,
            false
        ) as is_excluded_destination
    from {{ ref('int_report_clients') }}
    where is_leaver

),

members as (

    {{ apr_members('leavers', rows) }}

),

counted as (

    {{ apr_count_by_household_type('members') }}

),

rates as (

    select
        totals.request_id,
        'positive_rate' as row_key,
        {%- for column in apr_household_type_columns() %}
        {{ apr_rate(
            'coalesce(positives.' ~ column ~ ', 0)',
            'totals.' ~ column ~ ' - coalesce(exclusions.' ~ column ~ ', 0)'
        ) }} as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from counted as totals
    left join counted as positives
        on totals.request_id = positives.request_id and positives.row_key = 'positive'
    left join counted as exclusions
        on totals.request_id = exclusions.request_id and exclusions.row_key = 'excluded'
    where totals.row_key = 'total'

),

cells as (

    select
        request_id,
        row_key,
        {%- for column in apr_household_type_columns() %}
        cast({{ column }} as {{ dbt.type_numeric() }}) as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from counted
    union all
    select * from rates

)

{{ apr_table_layout(
    'Q23c', 'cells', apr_household_type_columns(),
    types=dict.fromkeys(apr_household_type_columns(), 'decimal(18,4)')
) }}
