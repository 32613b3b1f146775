{#- APR/CAPER Q22c Length of Time between Project Start Date and Housing Move-in Date: people in PSH/RRH
    whose household moved in during the period (days from their own start to their move-in, glossary
    §10), plus leavers who never moved in; average in whole days. -#}
{%- set buckets = [
    ('0_7', 0, 7), ('8_14', 8, 14), ('15_21', 15, 21), ('22_30', 22, 30), ('31_60', 31, 60), ('61_90', 61, 90),
    ('91_180', 91, 180), ('181_365', 181, 365), ('366_730', 366, 730),
] %}

with

clients as (

    select * from {{ ref('int_report_clients') }}

),

universe as (

    select
        clients.*,
        {{ days_between('entry_date', 'move_in_date_adjusted') }} as days_to_move_in
    from clients
    where is_psh_or_rrh
        and (
            head_move_in_date between period_start and period_end
            or (is_leaver and move_in_date_adjusted is null)
        )

),

members as (

    select request_id, personal_key, household_type, {{ apr_day_buckets('days_to_move_in', buckets) }} as row_key
    from universe
    where move_in_date_adjusted is not null
    union all
    select request_id, personal_key, household_type, 'moved_in' as row_key
    from universe
    where move_in_date_adjusted is not null
    union all
    select request_id, personal_key, household_type, 'exited_without_move_in' as row_key
    from universe
    where move_in_date_adjusted is null
    union all
    select request_id, personal_key, household_type, 'total' as row_key
    from universe

),

counted as (

    {{ apr_count_by_household_type('members') }}

),

averages as (

    select
        request_id,
        'average_days' as row_key,
        {%- for column in apr_household_type_columns() %}
        round(avg(case
            when move_in_date_adjusted is not null
                {%- if column != 'total' %} and household_type = '{{ column }}'{% endif %}
                then days_to_move_in
        end)) as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from universe
    group by request_id

),

cells as (

    select * from counted
    union all
    select * from averages

)

{{ apr_table_layout('Q22c', 'cells', apr_household_type_columns()) }}
