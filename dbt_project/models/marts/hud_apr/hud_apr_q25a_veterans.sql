{#- APR/CAPER Q25a Number of Veterans: adults by veteran status (3.07) and chronic homelessness, by
    household type (no child-only column). -#}
{%- set rows = {
    'chronic_veteran': 'veteran_status = 1 and is_chronically_homeless',
    'non_chronic_veteran': 'veteran_status = 1 and not is_chronically_homeless',
    'not_veteran': 'veteran_status = 0',
    'dk_pnta': 'veteran_status in (8, 9)',
    'data_not_collected': 'veteran_status is null or veteran_status not in (0, 1, 8, 9)',
    'total': 'true',
} %}

with

adults as (

    select * from {{ ref('int_report_clients') }} where is_adult

),

{{ apr_by_household_type('Q25a', 'adults', rows, with_only_children=false) }}
