{#- APR/CAPER Q14a Domestic Violence History: adults and heads of household by whether they are a
    survivor of domestic violence (4.11, the latest record by the period end), by household type. -#}
{%- set rows = {
    'yes': 'domestic_violence_survivor = 1',
    'no': 'domestic_violence_survivor = 0',
    'dk_pnta': 'domestic_violence_survivor in (8, 9)',
    'data_not_collected': 'domestic_violence_survivor is null or domestic_violence_survivor not in (0, 1, 8, 9)',
    'total': 'true',
} %}

with

adults_and_heads as (

    select * from {{ ref('int_report_clients') }} where is_adult_or_head

),

domestic_violence as (

    select * from {{ ref('int_report_domestic_violence') }}

),

answered as (

    select
        adults_and_heads.request_id,
        adults_and_heads.personal_key,
        adults_and_heads.household_type,
        domestic_violence.domestic_violence_survivor
    from adults_and_heads
    left join domestic_violence
        on adults_and_heads.request_id = domestic_violence.request_id
        and adults_and_heads.enrollment_key = domestic_violence.enrollment_key

),

{{ apr_by_household_type('Q14a', 'answered', rows) }}
