{#- APR/CAPER Q11 Age: people by age band at the later of entry and period start (glossary §5) and
    household type. -#}
{%- set rows = {
    'under_5': 'reporting_age between 0 and 4',
    '5_12': 'reporting_age between 5 and 12',
    '13_17': 'reporting_age between 13 and 17',
    '18_24': 'reporting_age between 18 and 24',
    '25_34': 'reporting_age between 25 and 34',
    '35_44': 'reporting_age between 35 and 44',
    '45_54': 'reporting_age between 45 and 54',
    '55_64': 'reporting_age between 55 and 64',
    '65_plus': 'reporting_age >= 65',
    'dk_pnta': 'dob is null and dob_data_quality in (8, 9)',
    'data_not_collected': 'is_unknown_age and not (dob is null and coalesce(dob_data_quality in (8, 9), false))',
    'total': 'true',
} %}

with

clients as (

    select * from {{ ref('int_report_clients') }}

),

members as (

    {{ apr_members('clients', rows) }}

),

cells as (

    {{ apr_count_by_household_type('members') }}

)

{{ apr_table_layout('Q11', 'cells', apr_household_type_columns()) }}
