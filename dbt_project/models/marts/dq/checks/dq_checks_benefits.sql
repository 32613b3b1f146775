{#- Non-cash benefits (4.03, heads of household and adults) and health insurance (4.04, every client)
    at project start and exit, where a funder of the project requires the element
    (dq_project_requirements). Missing = the start/exit record says blank or Data not collected;
    conflict = the yes/no answer disagrees with the sources (No with SNAP marked, Yes with none).
    A start/exit record that does not exist at all is the income check's finding (inc_*_missing). -#}
{%- set elements = [
    ('4.03', 'ben', 'BenefitsFromAnySource', 'benefits_from_any_source', non_cash_benefit_sources()),
    ('4.04', 'ins', 'InsuranceFromAnySource', 'insurance_from_any_source', health_insurance_sources()),
] -%}
with

enrollments as (

    select * from {{ ref('dq_enrollment_facts') }}

),

requirements as (

    select * from {{ ref('dq_project_requirements') }}

),

assessments as (

    select * from {{ ref('int_income_assessments') }}

),

income as (

    select * from {{ ref('stg_hmis__income_benefits') }}

),

records as (

    select
        assessments.enrollment_key,
        assessments.assessment_point,
        {%- for element, prefix, label, column, sources in elements %}
        income.{{ column }},
        {{ count_of_yes('income', sources) }} as {{ prefix }}_source_count{{ ',' if not loop.last }}
        {%- endfor %}
    from assessments
    inner join income
        on assessments.income_benefits_key = income.income_benefits_key
    where assessments.is_selected_assessment
        and assessments.assessment_point in ('start', 'exit')

),

{% for element, prefix, label, column, sources in elements %}
{{ prefix }}_points as (

    select
        enrollments.*,
        records.assessment_point,
        records.{{ column }} as from_any_source,
        records.{{ prefix }}_source_count as source_count
    from enrollments
    inner join requirements
        on enrollments.project_key = requirements.project_key
        and requirements.data_element = '{{ element }}'
    inner join records
        on enrollments.enrollment_key = records.enrollment_key
    where (requirements.collected_about = 'all_clients' or enrollments.is_adult_or_head)
        and (records.assessment_point = 'start' or enrollments.exit_key is not null)

),

{% endfor %}
{%- set conflicting = '((from_any_source = 0 and source_count > 0) or (from_any_source = 1 and source_count = 0))' -%}
{%- set with_sources = " || ' with ' || cast(source_count as " ~ dbt.type_string() ~ ") || ' sources marked'" %}
issues as (

    select {{ dq_enrollment_issue('ben_start_missing', dq_shown('BenefitsFromAnySource', 'from_any_source')) }}
    from ben_points
    where assessment_point = 'start' and {{ dq_is_not_collected('from_any_source') }}

    union all
    select {{ dq_enrollment_issue('ben_start_conflict', dq_shown('BenefitsFromAnySource', 'from_any_source') ~ with_sources) }}
    from ben_points
    where assessment_point = 'start' and {{ conflicting }}

    union all
    select {{ dq_exit_issue('ben_exit_missing', dq_shown('BenefitsFromAnySource', 'from_any_source')) }}
    from ben_points
    where assessment_point = 'exit' and {{ dq_is_not_collected('from_any_source') }}

    union all
    select {{ dq_exit_issue('ben_exit_conflict', dq_shown('BenefitsFromAnySource', 'from_any_source') ~ with_sources) }}
    from ben_points
    where assessment_point = 'exit' and {{ conflicting }}

    union all
    select {{ dq_enrollment_issue('ins_start_missing', dq_shown('InsuranceFromAnySource', 'from_any_source')) }}
    from ins_points
    where assessment_point = 'start' and {{ dq_is_not_collected('from_any_source') }}

    union all
    select {{ dq_enrollment_issue('ins_start_conflict', dq_shown('InsuranceFromAnySource', 'from_any_source') ~ with_sources) }}
    from ins_points
    where assessment_point = 'start' and {{ conflicting }}

    union all
    select {{ dq_exit_issue('ins_exit_missing', dq_shown('InsuranceFromAnySource', 'from_any_source')) }}
    from ins_points
    where assessment_point = 'exit' and {{ dq_is_not_collected('from_any_source') }}

    union all
    select {{ dq_exit_issue('ins_exit_conflict', dq_shown('InsuranceFromAnySource', 'from_any_source') ~ with_sources) }}
    from ins_points
    where assessment_point = 'exit' and {{ conflicting }}

)

select * from issues
