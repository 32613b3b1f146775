{#- Income checks (4.02) for adults and heads of household in projects whose funders require income
    (dq_project_requirements): at project start, at the latest annual assessment whose window has
    closed (stayers), and at exit. Missing = no record dated on the
    event (or in the annual window) or Income from any source blank/99; conflict = the yes/no answer
    disagrees with the source flags (HUD Q6c). -#}
{%- set source_flags = [] -%}
{%- for flag, amount in income_sources() -%}
    {%- do source_flags.append('coalesce(income.' ~ flag ~ ', 0)') -%}
{%- endfor %}
with

enrollments as (

    select * from {{ ref('dq_enrollment_facts') }}

),

assessments as (

    select * from {{ ref('int_income_assessments') }}

),

income as (

    select * from {{ ref('stg_hmis__income_benefits') }}

),

households as (

    select * from {{ ref('int_households_identified') }}

),

requirements as (

    select * from {{ ref('dq_project_requirements') }}
    where data_element = '4.02'

),

selected as (

    select
        assessments.enrollment_key,
        assessments.assessment_point,
        assessments.anniversary_number,
        income.income_from_any_source,
        ({{ source_flags | join(' + ') }}) as flagged_source_count
    from assessments
    inner join income
        on assessments.income_benefits_key = income.income_benefits_key
    where assessments.is_selected_assessment

),

adults as (

    select
        enrollments.*,
        coalesce(households.first_head_entry_date, enrollments.entry_date) as annual_anchor_date
    from enrollments
    left join households
        on enrollments.household_key = households.household_key
    inner join requirements
        on enrollments.project_key = requirements.project_key
    where enrollments.is_adult_or_head

),

-- The latest anniversary whose +/- window has closed by the as-of date, for stayers who were
-- enrolled on it.
annual_due as (

    select * from (
        select
            adults.*,
            {{ age_in_years('annual_anchor_date', add_days('-' ~ dq_setting('annual_window_days'), 'as_of_date')) }}
                as due_anniversary_number
        from adults
        where is_open_at_as_of
    ) as aged
    where due_anniversary_number >= 1
        and {{ add_years('due_anniversary_number', 'annual_anchor_date') }} >= entry_date

),

at_points as (

    select
        adults.*,
        'start' as assessment_point,
        start_income.income_from_any_source,
        start_income.flagged_source_count,
        start_income.enrollment_key is not null as has_record
    from adults
    left join selected as start_income
        on adults.enrollment_key = start_income.enrollment_key
        and start_income.assessment_point = 'start'

    union all

    select
        adults.*,
        'exit' as assessment_point,
        exit_income.income_from_any_source,
        exit_income.flagged_source_count,
        exit_income.enrollment_key is not null as has_record
    from adults
    left join selected as exit_income
        on adults.enrollment_key = exit_income.enrollment_key
        and exit_income.assessment_point = 'exit'
    where adults.exit_key is not null

),

annual_points as (

    select
        annual_due.*,
        annual_income.income_from_any_source,
        annual_income.flagged_source_count,
        annual_income.enrollment_key is not null as has_record
    from annual_due
    left join selected as annual_income
        on annual_due.enrollment_key = annual_income.enrollment_key
        and annual_income.assessment_point = 'annual'
        and annual_income.anniversary_number = annual_due.due_anniversary_number

),

issues as (

    select {{ dq_enrollment_issue('inc_start_missing',
        "case when not has_record then 'no income record dated on EntryDate' else " ~ dq_shown('IncomeFromAnySource', 'income_from_any_source') ~ " end") }}
    from at_points
    where assessment_point = 'start' and (not has_record or {{ dq_is_not_collected('income_from_any_source') }})

    union all
    select {{ dq_enrollment_issue('inc_start_dk_pnta', dq_shown('IncomeFromAnySource', 'income_from_any_source')) }}
    from at_points
    where assessment_point = 'start' and {{ dq_is_dk_pnta('income_from_any_source') }}

    union all
    select {{ dq_enrollment_issue('inc_start_conflict',
        dq_shown('IncomeFromAnySource', 'income_from_any_source') ~ " || ' with ' || cast(flagged_source_count as " ~ dbt.type_string() ~ ") || ' sources marked'") }}
    from at_points
    where assessment_point = 'start'
        and ((income_from_any_source = 0 and flagged_source_count > 0) or (income_from_any_source = 1 and flagged_source_count = 0))

    union all
    select {{ dq_enrollment_issue('inc_annual_missing',
        "case when not has_record then 'no annual assessment near anniversary ' || cast(due_anniversary_number as " ~ dbt.type_string() ~ ")
              else " ~ dq_shown('IncomeFromAnySource', 'income_from_any_source') ~ " end") }}
    from annual_points
    where not has_record or {{ dq_is_not_collected('income_from_any_source') }}

    union all
    select {{ dq_enrollment_issue('inc_annual_dk_pnta', dq_shown('IncomeFromAnySource', 'income_from_any_source')) }}
    from annual_points
    where {{ dq_is_dk_pnta('income_from_any_source') }}

    union all
    select {{ dq_enrollment_issue('inc_annual_conflict',
        dq_shown('IncomeFromAnySource', 'income_from_any_source') ~ " || ' with ' || cast(flagged_source_count as " ~ dbt.type_string() ~ ") || ' sources marked'") }}
    from annual_points
    where (income_from_any_source = 0 and flagged_source_count > 0) or (income_from_any_source = 1 and flagged_source_count = 0)

    union all
    select {{ dq_exit_issue('inc_exit_missing',
        "case when not has_record then 'no income record dated on ExitDate' else " ~ dq_shown('IncomeFromAnySource', 'income_from_any_source') ~ " end") }}
    from at_points
    where assessment_point = 'exit' and (not has_record or {{ dq_is_not_collected('income_from_any_source') }})

    union all
    select {{ dq_exit_issue('inc_exit_dk_pnta', dq_shown('IncomeFromAnySource', 'income_from_any_source')) }}
    from at_points
    where assessment_point = 'exit' and {{ dq_is_dk_pnta('income_from_any_source') }}

    union all
    select {{ dq_exit_issue('inc_exit_conflict',
        dq_shown('IncomeFromAnySource', 'income_from_any_source') ~ " || ' with ' || cast(flagged_source_count as " ~ dbt.type_string() ~ ") || ' sources marked'") }}
    from at_points
    where assessment_point = 'exit'
        and ((income_from_any_source = 0 and flagged_source_count > 0) or (income_from_any_source = 1 and flagged_source_count = 0))

)

select * from issues
