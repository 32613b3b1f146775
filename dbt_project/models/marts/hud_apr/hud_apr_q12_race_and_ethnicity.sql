{#- APR/CAPER Q12 Race and Ethnicity (3.04, one combined question since FY2024): people by the single
    race/ethnicity they chose, the pair they chose, or "multiracial" with three or more (with or without
    Hispanic/Latina/e/o), by household type. -#}
{%- set races = apr_race_fields() %}
{%- set rows = {} %}
{%- for key, column in races %}
    {%- do rows.update({key: 'race_count = 1 and ' ~ column ~ ' = 1'}) %}
{%- endfor %}
{%- for first_key, first_column in races %}
    {%- for second_key, second_column in races %}
        {%- if first_key < second_key %}
            {%- do rows.update({first_key ~ '+' ~ second_key:
                'race_count = 2 and ' ~ first_column ~ ' = 1 and ' ~ second_column ~ ' = 1'}) %}
        {%- endif %}
    {%- endfor %}
{%- endfor %}
{%- do rows.update({
    'multiracial_with_hispanic': 'race_count >= 3 and hispanic_latinao = 1',
    'multiracial_without_hispanic': 'race_count >= 3 and hispanic_latinao is distinct from 1',
    'dk_pnta': 'race_count = 0 and race_none in (8, 9)',
    'data_not_collected': 'race_count = 0 and (race_none is null or race_none not in (8, 9))',
    'total': 'true',
}) %}

with

clients as (

    select
        int_report_clients.*,
        {{ apr_race_count() }} as race_count
    from {{ ref('int_report_clients') }}

),

{{ apr_by_household_type('Q12', 'clients', rows) }}
