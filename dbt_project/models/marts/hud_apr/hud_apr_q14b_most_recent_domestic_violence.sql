{#- APR/CAPER Q14b Most recent experience of domestic violence, sexual assault, dating violence, stalking,
    or human trafficking: the adults and heads of household of Q14a who are survivors, by when it last
    happened (4.11 A), by household type. -#}
{%- set rows = {
    'within_3_months': 'when_occurred = 1',
    '3_to_6_months': 'when_occurred = 2',
    '6_months_to_1_year': 'when_occurred = 3',
    '1_year_or_more': 'when_occurred = 4',
    'dk_pnta': 'when_occurred in (8, 9)',
    'data_not_collected': 'when_occurred is null or when_occurred not in (1, 2, 3, 4, 8, 9)',
    'total': 'true',
} %}

with

adults_and_heads as (

    select * from {{ ref('int_report_clients') }} where is_adult_or_head

),

domestic_violence as (

    select * from {{ ref('int_report_domestic_violence') }} where domestic_violence_survivor = 1

),

survivors as (

    select
        adults_and_heads.request_id,
        adults_and_heads.personal_key,
        adults_and_heads.household_type,
        domestic_violence.when_occurred
    from adults_and_heads
    inner join domestic_violence
        on adults_and_heads.request_id = domestic_violence.request_id
        and adults_and_heads.enrollment_key = domestic_violence.enrollment_key

),

{{ apr_by_household_type('Q14b', 'survivors', rows) }}
