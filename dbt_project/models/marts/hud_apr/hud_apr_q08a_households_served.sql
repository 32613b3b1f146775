{#- APR/CAPER Q8a Number of Households Served: heads of household in the universe (a household is
    counted by its head's PersonalID, glossary §4) by household type, and those in PSH/RRH whose
    household moved into housing by the period end. -#}
{%- set rows = {
    'total': 'true',
    'moved_in': 'is_psh_or_rrh and move_in_date_adjusted is not null',
} %}

with

heads as (

    select * from {{ ref('int_report_clients') }} where is_head_of_household

),

{{ apr_by_household_type('Q8a', 'heads', rows) }}
