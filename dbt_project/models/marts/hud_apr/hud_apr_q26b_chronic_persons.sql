{#- APR/CAPER Q26b Number of Chronically Homeless Persons by Household: everyone by chronic homelessness
    at start after household propagation (glossary §8.4), by household type. -#}
with

clients as (

    select * from {{ ref('int_report_clients') }}

),

members as (

    {{ apr_members('clients', {
        'chronic': "chronic_status = 'yes'",
        'not_chronic': "chronic_status = 'no'",
        'dk_pnta': "chronic_status = 'dk_pnta'",
        'data_not_collected': "chronic_status not in ('yes', 'no', 'dk_pnta')",
        'total': 'true',
    }) }}

),

cells as (

    {{ apr_count_by_household_type('members') }}

)

{{ apr_table_layout('Q26b', 'cells', apr_household_type_columns(), rows_of='Q26a') }}
