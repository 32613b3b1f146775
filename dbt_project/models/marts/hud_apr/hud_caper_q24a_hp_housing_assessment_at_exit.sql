{#- CAPER Q24a Homelessness Prevention Housing Assessment at Exit: leavers of homelessness prevention
    projects by the housing assessment at exit (W5) and its subsidy information, by household type. An
    assessment of "maintained housing" or "moved" without a subsidy answer that fits it, or no answer
    at all, counts as not collected, so the total is every prevention leaver (docs/decisions.md). -#}
{%- set rows = {
    'maintained_without_subsidy': 'housing_assessment = 1 and subsidy_information = 1',
    'maintained_with_existing_subsidy': 'housing_assessment = 1 and subsidy_information = 2',
    'maintained_with_new_subsidy': 'housing_assessment = 1 and subsidy_information = 3',
    'maintained_with_other_assistance': 'housing_assessment = 1 and subsidy_information = 4',
    'moved_with_subsidy': 'housing_assessment = 2 and subsidy_information = 11',
    'moved_without_subsidy': 'housing_assessment = 2 and subsidy_information = 12',
    'family_friends_temporary': 'housing_assessment = 3',
    'family_friends_permanent': 'housing_assessment = 4',
    'transitional_or_temporary': 'housing_assessment = 5',
    'became_homeless': 'housing_assessment = 6',
    'jail_prison': 'housing_assessment = 7',
    'deceased': 'housing_assessment = 10',
    'dk_pnta': 'housing_assessment in (8, 9)',
    'data_not_collected': 'not has_usable_assessment',
    'total': 'true',
} %}

with

prevention_leavers as (

    select
        int_report_clients.*,
        coalesce(
            housing_assessment in (3, 4, 5, 6, 7, 8, 9, 10)
            or (housing_assessment = 1 and subsidy_information in (1, 2, 3, 4))
            or (housing_assessment = 2 and subsidy_information in (11, 12)),
            false
        ) as has_usable_assessment
    from {{ ref('int_report_clients') }}
    where is_leaver and project_type = 12

),

{{ apr_by_household_type('Q24a', 'prevention_leavers', rows) }}
