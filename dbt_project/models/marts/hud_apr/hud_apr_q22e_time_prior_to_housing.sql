{#- APR/CAPER Q22e Length of Time Prior to Housing - based on 3.917 Date Homelessness Started: people in
    ES, TH, SH and PH (PSH, PH-HO, RRH, Pay for Success) by days from the date their homelessness started
    (3.917.3; children who entered with the head take the head's) to housing: project start in
    ES/TH/SH, move-in in PH. -#}
{%- set buckets = [
    ('0_7', 0, 7), ('8_14', 8, 14), ('15_21', 15, 21), ('22_30', 22, 30), ('31_60', 31, 60), ('61_90', 61, 90),
    ('91_180', 91, 180), ('181_365', 181, 365), ('366_730', 366, 730), ('731_plus', 731, none),
] %}

with

clients as (

    select * from {{ ref('int_report_clients') }}
    where project_type in (0, 1, 2, 3, 8, 9, 13) or is_pay_for_success_other

),

dated as (

    select
        clients.*,
        case
            when is_child and not is_head_of_household and entry_date = first_head_entry_date
                then first_head_date_to_street_essh
            else date_to_street_essh
        end as homeless_since_date,
        case
            when project_type in (0, 1, 2, 8) then entry_date
            else move_in_date_adjusted
        end as housed_date
    from clients

),

classified as (

    select
        dated.*,
        case when homeless_since_date <= entry_date then homeless_since_date end as usable_start_date
    from dated

),

members as (

    select
        request_id,
        personal_key,
        household_type,
        case
            when housed_date is null then 'not_yet_moved_in'
            when usable_start_date is null then 'data_not_collected'
            else {{ apr_day_buckets(days_between('usable_start_date', 'housed_date'), buckets) }}
        end as row_key
    from classified
    union all
    select request_id, personal_key, household_type, 'moved_in' as row_key
    from classified
    where housed_date is not null and usable_start_date is not null
    union all
    select request_id, personal_key, household_type, 'total' as row_key
    from classified

),

cells as (

    {{ apr_count_by_household_type('members') }}

)

{{ apr_table_layout('Q22e', 'cells', apr_household_type_columns()) }}
