{#- CE APR Q7a Number of Persons Served: the people of the latest assessments by age group (unknown DOB
    split by its data quality) and household type; the PSH/RRH move-in row is 0 in the CE APR. -#}
{%- set rows = {
    'adults': 'is_adult',
    'children': 'is_child',
    'dk_pnta': 'dob is null and dob_data_quality in (8, 9)',
    'data_not_collected': 'is_unknown_age and not (dob is null and coalesce(dob_data_quality in (8, 9), false))',
    'total': 'true',
    'moved_in': 'false',
} %}

with

clients as (

    select * from {{ ref('int_ce_apr_clients') }}

),

{{ apr_by_household_type('Q7a', 'clients', rows) }}
