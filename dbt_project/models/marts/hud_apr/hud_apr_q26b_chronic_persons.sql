{#- APR/CAPER Q26b Number of Chronically Homeless Persons by Household: everyone by chronic homelessness
    at start after household propagation (glossary §8.4), by household type. -#}
with

clients as (

    select * from {{ ref('int_report_clients') }}

),

{{ apr_by_household_type('Q26b', 'clients', {
    'chronic': "chronic_status = 'yes'",
    'not_chronic': "chronic_status = 'no'",
    'dk_pnta': "chronic_status = 'dk_pnta'",
    'data_not_collected': "chronic_status not in ('yes', 'no', 'dk_pnta')",
    'total': 'true',
}, rows_of='Q26a') }}
