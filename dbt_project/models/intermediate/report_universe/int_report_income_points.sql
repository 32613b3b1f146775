{#- The income and benefits record each active stay reports at start, at its annual assessment and at
    exit (glossary §11-12): one row per request, enrollment and point, with no record (has_record
    false) where none qualifies. Start: stage 1 dated on entry; exit: stage 3 dated on the exit within
    the period; annual: the latest stage 5 in the anniversary window. -#}
{%- set cash_flags = [] -%}
{%- for flag, amount in income_sources() -%}{%- do cash_flags.append(flag) -%}{%- endfor -%}
{%- set all_flags = cash_flags + non_cash_benefit_sources() + health_insurance_sources() %}

with

report_enrollments as (

    select * from {{ ref('int_report_enrollments') }}

),

annual_assessments as (

    select * from {{ ref('int_report_annual_assessments') }}

),

income_records as (

    select * from {{ ref('stg_hmis__income_benefits') }}

),

income_totals as (

    select * from {{ ref('int_income_assessments') }}

),

points as (

    select request_id, enrollment_key, 'start' as assessment_point from report_enrollments
    union all
    select request_id, enrollment_key, 'annual' as assessment_point from annual_assessments
    where is_annual_assessment_required
    union all
    select request_id, enrollment_key, 'exit' as assessment_point from report_enrollments
    where is_leaver

),

candidates as (

    select
        points.request_id,
        points.enrollment_key,
        points.assessment_point,
        income_records.income_benefits_key,
        income_records.information_date,
        row_number() over (
            partition by points.request_id, points.enrollment_key, points.assessment_point
            order by income_records.information_date desc, income_records.date_updated desc,
                income_records.income_benefits_id desc
        ) as record_rank
    from points
    inner join report_enrollments
        on points.request_id = report_enrollments.request_id
        and points.enrollment_key = report_enrollments.enrollment_key
    left join annual_assessments
        on points.request_id = annual_assessments.request_id
        and points.enrollment_key = annual_assessments.enrollment_key
    inner join income_records
        on points.enrollment_key = income_records.enrollment_key
    where (
            points.assessment_point = 'start'
            and income_records.data_collection_stage = 1
            and income_records.information_date = report_enrollments.entry_date
        )
        or (
            points.assessment_point = 'exit'
            and income_records.data_collection_stage = 3
            and income_records.information_date = report_enrollments.exit_date
        )
        or (
            points.assessment_point = 'annual'
            and income_records.data_collection_stage = 5
            and income_records.information_date between annual_assessments.window_start_date
                and annual_assessments.window_end_date
        )

),

selected as (

    select * from candidates where record_rank = 1

),

final as (

    select
        -- keys
        points.request_id,
        points.enrollment_key,
        points.assessment_point,
        selected.income_benefits_key,

        -- the record
        selected.income_benefits_key is not null as has_record,
        selected.information_date,
        income_records.income_from_any_source,
        income_records.benefits_from_any_source,
        income_records.insurance_from_any_source,

        -- HUD's monthly totals (§12)
        income_totals.total_monthly_income_computed as total_income,
        income_totals.earned_income_computed as earned_income,
        income_totals.other_income_computed as other_income,

        -- sources answered yes
        {%- for flag in all_flags %}
        coalesce(income_records.{{ flag }} = 1, false) as has_{{ flag }},
        {%- endfor %}
        {{ count_of_yes('income_records', cash_flags) }} as cash_source_count,
        {{ count_of_yes('income_records', health_insurance_sources()) }} as insurance_source_count

    from points
    left join selected
        on points.request_id = selected.request_id
        and points.enrollment_key = selected.enrollment_key
        and points.assessment_point = selected.assessment_point
    left join income_records
        on selected.income_benefits_key = income_records.income_benefits_key
    left join income_totals
        on selected.income_benefits_key = income_totals.income_benefits_key

)

select * from final
