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

{{ apr_domestic_violence_answers() }},

{{ apr_by_household_type('Q14a', 'answered', rows) }}
