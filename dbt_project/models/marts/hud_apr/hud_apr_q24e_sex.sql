{#- APR/CAPER Q24e Sex (4.21, new in FY2026): people by sex and household type. FY2024 exports carry
    no Sex, so their clients fall in "Data not collected". -#}
{%- set rows = {
    'female': 'sex = 0',
    'male': 'sex = 1',
    'dk_pnta': 'sex in (8, 9)',
    'data_not_collected': 'sex is null or sex not in (0, 1, 8, 9)',
    'total': 'true',
} %}

with

clients as (

    select * from {{ ref('int_report_clients') }}

),

{{ apr_by_household_type('Q24e', 'clients', rows) }}
