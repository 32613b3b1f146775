{#- APR/CAPER Q7a Number of Persons Served: people by age group (DOB unknown split by its data
    quality) and household type, and the people in PSH/RRH who moved into housing by the period end. -#}
{%- set rows = {
    'adults': 'is_adult',
    'children': 'is_child',
    'dk_pnta': 'dob is null and dob_data_quality in (8, 9)',
    'data_not_collected': 'is_unknown_age and not (dob is null and coalesce(dob_data_quality in (8, 9), false))',
    'total': 'true',
    'moved_in': 'is_psh_or_rrh and move_in_date_adjusted is not null',
} %}

with

clients as (

    select * from {{ ref('int_report_clients') }}

),

{{ apr_by_household_type('Q7a', 'clients', rows) }}
