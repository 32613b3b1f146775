{#- APR/CAPER Q5a Report Validations: counts of the report's universes (persons, adults, leavers,
    stayers, veterans, chronically homeless, youth, heads of household ...), column B over the
    data-quality universe, column C over everyone served. -#}
{#- Row 14: youth (glossary "Youth Households") with a child of the head (under 18, relationship 2) active
    in the household in the period: every such youth, not only heads and adults (glossary Q1 row 14). -#}
{%- set rows = {
    'persons': 'true',
    'adults': 'is_adult',
    'children': 'is_child',
    'unknown_age': 'is_unknown_age',
    'leavers': 'is_leaver',
    'adult_leavers': 'is_leaver and is_adult',
    'adult_and_hoh_leavers': 'is_leaver and is_adult_or_head',
    'stayers': 'is_stayer',
    'adult_stayers': 'is_stayer and is_adult',
    'veterans': 'is_veteran',
    'chronically_homeless': 'is_chronically_homeless',
    'youth': 'is_youth',
    'parenting_youth': 'is_youth and coalesce(has_child_of_head, false)',
    'adult_hoh': 'is_adult and is_head_of_household',
    'child_and_unknown_age_hoh': 'not is_adult and is_head_of_household',
    'hoh_and_adult_stayers_365': 'is_head_or_adult_stayer_365_days',
} %}

{{ apr_validation_table(
    'Q5a',
    'select * from ' ~ ref('int_report_clients'),
    'select * from ' ~ ref('int_report_dq_clients'),
    rows,
) }}
