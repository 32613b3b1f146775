{#- CE APR Q7a Number of Persons Served: the people of the latest assessments by age group (unknown DOB
    split by its data quality) and household type; the PSH/RRH move-in row is 0 in the CE APR. -#}
{%- set rows = apr_persons_served_rows('false') %}

with

clients as (

    select * from {{ ref('int_ce_apr_clients') }}

),

{{ apr_by_household_type('Q7a', 'clients', rows) }}
