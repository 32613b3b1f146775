{#- APR/CAPER Q8b Point-in-Time Count of Households on the Last Wednesday: households with any member
    present that night, counted by their head of household (glossary §4), by household type. -#}
with

present as (

    select * from {{ ref('int_report_pit_presence') }}

),

households as (

    select * from {{ ref('int_report_households') }}

),

enrollments as (

    select * from {{ ref('int_enrollments') }}

),

members as (

    select distinct
        present.request_id,
        heads.personal_key,
        present.month_key as row_key,
        households.household_type
    from present
    inner join households
        on present.request_id = households.request_id
        and present.household_key = households.household_key
    inner join enrollments as heads
        on present.household_key = heads.household_key
        and heads.is_head_of_household
        and heads.entry_date <= present.pit_date

),

cells as (

    {{ apr_count_by_household_type('members') }}

)

{{ apr_table_layout('Q8b', 'cells', apr_household_type_columns()) }}
