{#- APR/CAPER Q7a Number of Persons Served: people by age group (DOB unknown split by its data
    quality) and household type, and the people in PSH/RRH who moved into housing by the period end. -#}
{%- set rows = apr_persons_served_rows('is_psh_or_rrh and move_in_date_adjusted is not null') %}

with

clients as (

    select * from {{ ref('int_report_clients') }}

),

{{ apr_by_household_type('Q7a', 'clients', rows) }}
