{#- APR/CAPER Q8b Point-in-Time Count of Households on the Last Wednesday: households with any member
    present that night, counted by their head of household (glossary §4), by the household type of the
    head's latest stay ("reported according to the household type from their latest project stay –
    even if that is not the household makeup present on the point in time", Q8b instruction 4). A head
    who is not active in the period takes the household's own type. The household is there when a member
    is ("at least one client active in the household", instruction 5): its heads who had entered by that
    night count it, or, when its head entered only later, that head. -#}
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

clients as (

    select * from {{ ref('int_report_clients') }}

),

present_households as (

    select distinct request_id, household_key, month_key, pit_date from present

),

household_heads as (

    select
        present_households.request_id,
        present_households.month_key,
        present_households.household_key,
        heads.personal_key,
        heads.entry_date <= present_households.pit_date as entered_by_pit_date,
        max(case when heads.entry_date <= present_households.pit_date then 1 else 0 end) over (
            partition by present_households.request_id, present_households.month_key, present_households.household_key
        ) as has_head_by_pit_date,
        row_number() over (
            partition by present_households.request_id, present_households.month_key, present_households.household_key
            order by heads.entry_date, heads.enrollment_id
        ) as head_rank
    from present_households
    inner join enrollments as heads
        on present_households.household_key = heads.household_key
        and heads.is_head_of_household

),

members as (

    select distinct
        household_heads.request_id,
        household_heads.personal_key,
        household_heads.month_key as row_key,
        coalesce(head_clients.household_type, households.household_type) as household_type
    from household_heads
    inner join households
        on household_heads.request_id = households.request_id
        and household_heads.household_key = households.household_key
    left join clients as head_clients
        on household_heads.request_id = head_clients.request_id
        and household_heads.personal_key = head_clients.personal_key
    where household_heads.entered_by_pit_date
        or (household_heads.has_head_by_pit_date = 0 and household_heads.head_rank = 1)

),

cells as (

    {{ apr_count_by_household_type('members') }}

)

{{ apr_table_layout('Q8b', 'cells', apr_household_type_columns()) }}
