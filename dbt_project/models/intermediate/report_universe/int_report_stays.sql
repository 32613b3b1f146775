{#- Every active stay of each report request with what APR/CAPER questions ask of it: one row per
    request and enrollment. Household type (§6), head and household move-in (§10), chronic
    homelessness after household propagation (§8.4), youth (§14), the 365-day stayer rule (Q5a row
    17), annual assessment due (§11), destination class (§13). Which stay represents a person (the
    latest, §2) is flagged for both universes: all stays, and the data-quality universe that leaves out
    street outreach clients not engaged by the period end. -#}
with

report_enrollments as (

    select * from {{ ref('int_report_enrollments') }}

),

households as (

    select * from {{ ref('int_report_households') }}

),

annual_assessments as (

    select * from {{ ref('int_report_annual_assessments') }}

),

chronic as (

    select * from {{ ref('int_clients_evaluated_for_chronic_homelessness') }}

),

destination_classes as (

    select * from {{ ref('destination_classes') }}

),

joined as (

    select
        report_enrollments.*,
        households.household_type,
        households.active_head_count as household_head_count,
        households.has_member_25_or_older,
        households.has_child_of_head,
        households.has_head_stayer_365_days,
        households.head_move_in_date,
        households.head_exit_date,
        households.household_entry_date,
        households.first_head_entry_date,
        households.first_head_date_to_street_essh,
        households.head_count_by_period_end,
        annual_assessments.anniversary_date,
        annual_assessments.is_annual_assessment_required,
        coalesce(chronic.chronic_status, 'missing') as chronic_status,
        destination_classes.destination_class,
        report_enrollments.project_type in (3, 9, 10, 13) or report_enrollments.is_pay_for_success_other
            as is_move_in_project,
        report_enrollments.project_type in (3, 13) or report_enrollments.is_pay_for_success_other
            as is_psh_or_rrh
    from report_enrollments
    left join households
        on report_enrollments.request_id = households.request_id
        and report_enrollments.household_key = households.household_key
    left join annual_assessments
        on report_enrollments.request_id = annual_assessments.request_id
        and report_enrollments.enrollment_key = annual_assessments.enrollment_key
    left join chronic
        on report_enrollments.enrollment_key = chronic.enrollment_key
    left join destination_classes
        on cast(report_enrollments.destination as {{ dbt.type_string() }}) = destination_classes.code

),

-- Housing move-in (§10): own valid date, else the head's (joined later: own entry; left before: none).
moved_in as (

    select
        joined.*,
        case
            when joined.move_in_date >= joined.entry_date
                and (joined.exit_date_recorded is null or joined.move_in_date <= joined.exit_date_recorded)
                then joined.move_in_date
        end as own_move_in_date
    from joined

),

classified as (

    select
        moved_in.*,
        case
            when not is_move_in_project then null
            when own_move_in_date is not null then own_move_in_date
            when head_move_in_date is null then null
            when exit_date_recorded < head_move_in_date then null
            when entry_date <= head_move_in_date then head_move_in_date
            else entry_date
        end as move_in_date_adjusted,
        reporting_age_group = 'adult' as is_adult,
        reporting_age_group = 'child' as is_child,
        reporting_age_group = 'unknown' as is_unknown_age,
        coalesce(is_head_of_household or reporting_age_group = 'adult', false) as is_adult_or_head,
        coalesce(reporting_age_group = 'adult' and veteran_status = 1, false) as is_veteran,
        coalesce(reporting_age between 12 and 24 and not has_member_25_or_older, false) as is_youth
    from moved_in

),

flagged as (

    select
        classified.*,
        coalesce(is_youth and (is_head_of_household or is_adult) and has_child_of_head, false) as is_parenting_youth,
        coalesce(
            is_stayer and (
                (is_head_of_household and days_since_entry >= 365)
                or (is_adult and (days_since_entry >= 365 or has_head_stayer_365_days))
            ),
            false
        ) as is_head_or_adult_stayer_365_days,
        chronic_status = 'yes' as is_chronically_homeless
    from classified

),

ranked as (

    select
        flagged.*,
        row_number() over (
            partition by request_id, personal_key
            order by entry_date desc, exit_date is null desc, exit_date desc,
                {{ dbt.length('enrollment_id') }} desc, enrollment_id desc
        ) as stay_rank,
        case when is_in_dq_universe then row_number() over (
            partition by request_id, personal_key, is_in_dq_universe
            order by entry_date desc, exit_date is null desc, exit_date desc,
                {{ dbt.length('enrollment_id') }} desc, enrollment_id desc
        ) end as dq_stay_rank
    from flagged

),

final as (

    select
        ranked.*,
        stay_rank = 1 as is_latest_stay,
        -- the data-quality universe drops street outreach stays not engaged by the period end *before*
        -- taking each person's latest stay (glossary, Data Quality "Project Stays to Include": "apply
        -- this filter before determining each client's latest stay"); HUD's Data Lab code filters after
        -- (docs/decisions.md, where Waypoint differs from HUD's Data Lab code)
        coalesce(dq_stay_rank = 1, false) as is_latest_dq_stay
    from ranked

)

select * from final
