{#- APR/CAPER Q15 Living Situation: adults and heads of household by where they stayed before project
    start (3.917.1), with subtotals per class (homeless, institutional, temporary, permanent) and the
    unknown answers, by household type. -#}
{%- set coded = ['116', '101', '118', '215', '206', '207', '225', '204', '205', '302', '329', '314', '332', '336',
    '335', '410', '435', '421', '411'] %}
{%- set rows = {} %}
{%- for code in coded %}{% do rows.update({code: 'living_situation = ' ~ code}) %}{% endfor %}
{%- do rows.update({
    'homeless_subtotal': 'living_situation between 100 and 199',
    'institutional_subtotal': 'living_situation between 200 and 299',
    'temporary_subtotal': 'living_situation between 300 and 399',
    'permanent_subtotal': 'living_situation between 400 and 499',
    'dk_pnta': 'living_situation in (8, 9)',
    'data_not_collected': 'living_situation = 99 or living_situation is null',
    'other_subtotal': 'living_situation in (8, 9, 99) or living_situation is null',
    'total': 'true',
}) %}

with

adults_and_heads as (

    select * from {{ ref('int_report_clients') }} where is_adult_or_head

),

members as (

    {{ apr_members('adults_and_heads', rows) }}

),

cells as (

    {{ apr_count_by_household_type('members') }}

)

{{ apr_table_layout('Q15', 'cells', apr_household_type_columns()) }}
