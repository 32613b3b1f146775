{#- When each active stay owes an annual assessment in a report period (glossary §11): one row per
    request and enrollment. The anniversary is the household's first head's entry plus the completed
    years to the period end; a stayer who entered on or before it owes one, found in the window of 30
    days around it (cut at the period end). -#}
with

report_enrollments as (

    select * from {{ ref('int_report_enrollments') }}

),

households as (

    select * from {{ ref('int_report_households') }}

),

anchored as (

    select
        report_enrollments.request_id,
        report_enrollments.enrollment_key,
        report_enrollments.entry_date,
        report_enrollments.is_stayer,
        report_enrollments.period_end,
        coalesce(households.first_head_entry_date, report_enrollments.entry_date) as annual_anchor_date
    from report_enrollments
    left join households
        on report_enrollments.request_id = households.request_id
        and report_enrollments.household_key = households.household_key

),

counted as (

    select
        anchored.*,
        {{ age_in_years('annual_anchor_date', 'period_end') }} as years_in_project
    from anchored

),

placed as (

    select
        counted.*,
        case when years_in_project >= 1 then {{ add_years('years_in_project', 'annual_anchor_date') }} end
            as anniversary_date
    from counted

),

final as (

    select
        -- keys
        request_id,
        enrollment_key,

        -- the anniversary
        annual_anchor_date,
        years_in_project,
        anniversary_date,
        {{ add_days(-30, 'anniversary_date') }} as window_start_date,
        case
            when anniversary_date is null then null
            when {{ add_days(30, 'anniversary_date') }} < period_end then {{ add_days(30, 'anniversary_date') }}
            else period_end
        end as window_end_date,

        -- who owes one
        coalesce(is_stayer and anniversary_date is not null and entry_date <= anniversary_date, false)
            as is_annual_assessment_required

    from placed

)

select * from final
