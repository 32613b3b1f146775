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

members as (

    {{ apr_members('heads', rows) }}

),

cells as (

    {{ apr_count_by_household_type('members') }}

)

{{ apr_table_layout('Q8a', 'cells', apr_household_type_columns()) }}
