{#- CE APR Q8a Number of Households Served: heads of household of the latest assessments by household
    type; the PSH/RRH move-in row is 0 in the CE APR. -#}
{%- set rows = {'total': 'true', 'moved_in': 'false'} %}

with

heads as (

    select * from {{ ref('int_ce_apr_clients') }} where is_head_of_household

),

{{ apr_by_household_type('Q8a', 'heads', rows) }}
