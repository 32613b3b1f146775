{#- Universal data element checks on the enrollment (3.08 disabling condition, 3.917 prior living
    situation and homeless history, 3.16 enrollment CoC): one row per enrollment and failed check.
    3.917 applies to adults and heads of household; enrollment CoC to heads of household. -#}
with

enrollments as (

    select * from {{ ref('dq_enrollment_facts') }}

),

disabilities as (

    select * from {{ ref('stg_hmis__disabilities') }}

),

project_cocs as (

    select * from {{ ref('stg_hmis__project_cocs') }}

),

-- HUD Q6b: the latest disability records (max InformationDate) show an indefinite, impairing
-- condition (glossary §8.2).
latest_disability_dates as (

    select enrollment_key, max(information_date) as information_date
    from disabilities
    group by enrollment_key

),

impairing_latest as (

    select distinct disabilities.enrollment_key
    from disabilities
    inner join latest_disability_dates
        on disabilities.enrollment_key = latest_disability_dates.enrollment_key
        and disabilities.information_date = latest_disability_dates.information_date
    where (disabilities.disability_type in (6, 8) and disabilities.disability_response = 1)
        or (
            disabilities.disability_type in (5, 7, 9, 10)
            and disabilities.disability_response in (1, 2, 3)
            and disabilities.indefinite_and_impairs = 1
        )

),

-- Who must answer 3.917.3-3.917.5 (HUD Q6d columns E-G).
assessed as (

    select
        enrollments.*,
        impairing_latest.enrollment_key is not null as has_impairing_disability,
        enrollments.project_type in (0, 1, 4, 8) as is_literally_homeless_project,
        case
            when enrollments.living_situation between 100 and 199 then 'homeless'
            when enrollments.living_situation between 200 and 299 then 'institutional'
            when enrollments.living_situation in (8, 9, 99) or enrollments.living_situation is null then 'unknown'
            else 'housed'
        end as prior_situation_class
    from enrollments
    left join impairing_latest
        on enrollments.enrollment_key = impairing_latest.enrollment_key

),

expectations as (

    select
        assessed.*,
        -- stayed briefly (institution under 90 days, other housing under 7 nights): 3.917.2A/2C asked
        not is_literally_homeless_project and (
            (prior_situation_class = 'institutional' and length_of_stay in (10, 11, 2, 3))
            or (prior_situation_class = 'housed' and length_of_stay in (10, 11))
        ) as must_answer_break,
        is_literally_homeless_project
            or prior_situation_class = 'homeless'
            or (prior_situation_class = 'institutional' and length_of_stay in (10, 11, 2, 3) and previous_street_essh = 1)
            or (prior_situation_class in ('housed', 'unknown') and length_of_stay in (10, 11) and previous_street_essh = 1)
            as must_answer_history
    from assessed

),

issues as (

    -- 3.08 Disabling condition (everyone)
    select {{ dq_enrollment_issue('ude_disabling_condition_dk_pnta', dq_shown('DisablingCondition', 'disabling_condition')) }}
    from expectations
    where {{ dq_is_dk_pnta('disabling_condition') }}

    union all
    select {{ dq_enrollment_issue('ude_disabling_condition_missing', dq_shown('DisablingCondition', 'disabling_condition')) }}
    from expectations
    where {{ dq_is_not_collected('disabling_condition') }}

    union all
    select {{ dq_enrollment_issue('ude_disabling_condition_conflict', "'DisablingCondition = 0 with an indefinite, impairing disability'") }}
    from expectations
    where disabling_condition = 0 and has_impairing_disability

    -- 3.917 (adults and heads of household)
    union all
    select {{ dq_enrollment_issue('ude_prior_living_dk_pnta', dq_shown('LivingSituation', 'living_situation')) }}
    from expectations
    where is_adult_or_head and {{ dq_is_dk_pnta('living_situation') }}

    union all
    select {{ dq_enrollment_issue('ude_prior_living_missing', dq_shown('LivingSituation', 'living_situation')) }}
    from expectations
    where is_adult_or_head and {{ dq_is_not_collected('living_situation') }}

    union all
    select {{ dq_enrollment_issue('ude_prior_living_subsidy_missing', "'LivingSituation = 435; RentalSubsidyType blank'") }}
    from expectations
    where living_situation = 435 and rental_subsidy_type is null

    union all
    select {{ dq_enrollment_issue('ude_length_of_stay_dk_pnta', dq_shown('LengthOfStay', 'length_of_stay')) }}
    from expectations
    where is_adult_or_head and {{ dq_is_dk_pnta('length_of_stay') }}

    union all
    select {{ dq_enrollment_issue('ude_length_of_stay_missing', dq_shown('LengthOfStay', 'length_of_stay')) }}
    from expectations
    where is_adult_or_head and {{ dq_is_not_collected('length_of_stay') }}

    union all
    select {{ dq_enrollment_issue('ude_homeless_break_missing',
        "case when los_under_threshold is null then 'LOSUnderThreshold blank' else 'PreviousStreetESSH blank' end") }}
    from expectations
    where is_adult_or_head and must_answer_break
        and (los_under_threshold is null or (los_under_threshold = 1 and previous_street_essh is null))

    union all
    select {{ dq_enrollment_issue('ude_homeless_history_missing',
        "case
            when date_to_street_essh is null then 'DateToStreetESSH blank'
            when " ~ dq_is_not_collected('times_homeless_past_three_years') ~ " then " ~ dq_shown('TimesHomelessPastThreeYears', 'times_homeless_past_three_years') ~ "
            else " ~ dq_shown('MonthsHomelessPastThreeYears', 'months_homeless_past_three_years') ~ "
        end") }}
    from expectations
    where is_adult_or_head and must_answer_history
        and (
            date_to_street_essh is null
            or {{ dq_is_not_collected('times_homeless_past_three_years') }}
            or {{ dq_is_not_collected('months_homeless_past_three_years') }}
        )

    union all
    select {{ dq_enrollment_issue('ude_homeless_history_dk_pnta',
        "case
            when " ~ dq_is_dk_pnta('times_homeless_past_three_years') ~ " then " ~ dq_shown('TimesHomelessPastThreeYears', 'times_homeless_past_three_years') ~ "
            else " ~ dq_shown('MonthsHomelessPastThreeYears', 'months_homeless_past_three_years') ~ "
        end") }}
    from expectations
    where is_adult_or_head and must_answer_history
        and ({{ dq_is_dk_pnta('times_homeless_past_three_years') }} or {{ dq_is_dk_pnta('months_homeless_past_three_years') }})

    -- 3.16 Enrollment CoC (heads of household)
    union all
    select {{ dq_enrollment_issue('ude_enrollment_coc_missing', "'EnrollmentCoC blank'") }}
    from expectations
    where is_head_of_household and enrollment_coc is null

    union all
    select {{ dq_enrollment_issue('ude_enrollment_coc_invalid', dq_shown('EnrollmentCoC', 'enrollment_coc')) }}
    from expectations
    where is_head_of_household and enrollment_coc is not null
        and not exists (
            select 1 from project_cocs
            where project_cocs.project_key = expectations.project_key
                and project_cocs.coc_code = expectations.enrollment_coc
        )

)

select * from issues
