{#- APR Q20b Number of Non-Cash Benefit Sources: adults at start, adult stayers at the annual assessment
    and adult leavers at exit (heads and the adults who left with them, as Q20a) by whether their record
    has a non-cash benefit (4.03): none (answered no, no source yes), one or more (answered yes or a
    source yes), doesn't know/prefers not to answer, else not collected (also stayers not yet owing an
    annual assessment). -#}
{%- set rows = {
    'no_sources': "benefit_category = 'no_sources'",
    'one_or_more_sources': "benefit_category = 'one_or_more_sources'",
    'dk_pnta': "benefit_category = 'dk_pnta'",
    'data_not_collected': "benefit_category = 'data_not_collected'",
    'total': 'true',
} %}

with

adult_benefits as (

    select * from {{ ref('int_report_adult_benefits') }}

),

categorised as (

    select
        adult_benefits.*,
        case
            when benefit_column = 'at_annual_assessment' and not is_annual_assessment_required
                then 'data_not_collected'
            when benefits_from_any_source = 1 or benefit_source_count > 0 then 'one_or_more_sources'
            when benefits_from_any_source = 0 then 'no_sources'
            when benefits_from_any_source in (8, 9) then 'dk_pnta'
            else 'data_not_collected'
        end as benefit_category
    from adult_benefits

),

members as (

    {{ apr_members('categorised', rows, columns=['benefit_column']) }}

),

cells as (

    {{ apr_count_where('members', {
        'at_start': "benefit_column = 'at_start'",
        'at_annual_assessment': "benefit_column = 'at_annual_assessment'",
        'at_exit': "benefit_column = 'at_exit'",
    }) }}

)

{{ apr_table_layout('Q20b', 'cells', ['at_start', 'at_annual_assessment', 'at_exit']) }}
