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

{{ apr_domestic_violence_answers() }},

survivors as (

    select * from answered where domestic_violence_survivor = 1

),

{{ apr_by_household_type('Q14b', 'survivors', rows) }}
