{#- CE APR Q9a Assessment Type: households (by their head) by the type of their latest assessment (4.19.3)
    and household type; an assessment without a type counts in no row. -#}
{%- set rows = {
    'phone': 'assessment_type = 1',
    'virtual': 'assessment_type = 2',
    'in_person': 'assessment_type = 3',
    'total': 'assessment_type in (1, 2, 3)',
} %}

with

heads as (

    select * from {{ ref('int_ce_apr_clients') }} where is_head_of_household

),

{{ apr_by_household_type('CE-Q9a', 'heads', rows) }}
