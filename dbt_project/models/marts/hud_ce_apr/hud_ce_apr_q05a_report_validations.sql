{#- CE APR Q5a Report Validations: the people of the latest assessments (column C) and the data-quality
    universe (B: without outreach not engaged by the period end); leaver, stayer, chronic, parenting-youth
    and 365-day rows are intentionally blank. -#}
{%- set rows = {
    'persons': 'true',
    'adults': 'is_adult',
    'children': 'is_child',
    'unknown_age': 'is_unknown_age',
    'veterans': 'is_veteran',
    'youth': 'is_youth',
    'adult_hoh': 'is_adult and is_head_of_household',
    'child_and_unknown_age_hoh': 'not is_adult and is_head_of_household',
} %}

{{ apr_validation_table(
    'CE-Q5a',
    'select * from ' ~ ref('int_ce_apr_clients'),
    'select * from ' ~ ref('int_ce_apr_clients') ~ ' where is_in_dq_universe',
    rows,
) }}
