{#- APR/CAPER Q7b Point-in-Time Count of Persons on the Last Wednesday (of January, April, July and
    October inside the period): people present that night in any of their active stays, by their
    reported household type. -#}
with

present as (

    select * from {{ ref('int_report_pit_presence') }}

),

clients as (

    select * from {{ ref('int_report_clients') }}

),

members as (

    select distinct present.request_id, present.personal_key, present.month_key as row_key, clients.household_type
    from present
    inner join clients
        on present.request_id = clients.request_id
        and present.personal_key = clients.personal_key

),

cells as (

    {{ apr_count_by_household_type('members') }}

)

{{ apr_table_layout('Q7b', 'cells', apr_household_type_columns()) }}
