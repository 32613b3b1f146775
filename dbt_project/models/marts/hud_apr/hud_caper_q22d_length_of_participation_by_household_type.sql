{#- CAPER Q22d Length of Participation by Household Type: people by days in the project up to exit or
    the period end (night-by-night shelter: bed nights), by household type. -#}
{%- set buckets = [
    ('0_7', 0, 7), ('8_14', 8, 14), ('15_21', 15, 21), ('22_30', 22, 30), ('31_60', 31, 60), ('61_90', 61, 90),
    ('91_180', 91, 180), ('181_365', 181, 365), ('366_730', 366, 730), ('731_plus', 731, none),
] %}

with

clients as (

    select * from {{ ref('int_report_clients') }}

),

members as (

    select request_id, personal_key, household_type, {{ apr_day_buckets('days_in_project', buckets) }} as row_key
    from clients
    union all
    select request_id, personal_key, household_type, 'total' as row_key
    from clients

),

cells as (

    {{ apr_count_by_household_type('members') }}

)

{{ apr_table_layout('Q22d', 'cells', apr_household_type_columns()) }}
