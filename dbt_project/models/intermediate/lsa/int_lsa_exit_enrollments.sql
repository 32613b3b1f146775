{#- tlsa_Enrollment for the exit cohorts (LSA spec §3.5 Exit1Age/Exit2Age): one row per LSA request, exit cohort
    and enrollment of int_lsa_enrollments, with the member's age for the cohort (cohort_age): ActiveAge for
    cohort 0; for -1/-2 the age group at CohortStart of a member whose ExitDate falls in the cohort period after
    entering before it (EntryAge 98/99 kept), otherwise EntryAge. -#}
with

cohorts as (

    select * from {{ ref('int_lsa_exit_cohort_dates') }}

),

enrollments as (

    select
        enrollments.*,
        clients.dob
    from {{ ref('int_lsa_enrollments') }} as enrollments
    left join {{ ref('stg_hmis__clients') }} as clients
        on enrollments.personal_key = clients.personal_key

),

final as (

    select
        cohorts.request_id,
        cohorts.cohort,
        cohorts.cohort_start,
        cohorts.cohort_end,
        enrollments.enrollment_key,
        enrollments.personal_key,
        enrollments.household_key,
        enrollments.relationship_to_hoh,
        enrollments.lsa_project_type,
        enrollments.entry_date,
        enrollments.move_in_date,
        enrollments.exit_date,
        enrollments.hmis_entry_date,
        enrollments.entry_age,
        case
            when cohorts.cohort = 0 then enrollments.active_age
            when enrollments.exit_date is null
                or enrollments.exit_date < cohorts.cohort_start
                or enrollments.exit_date > cohorts.cohort_end
                then enrollments.entry_age
            when enrollments.entry_date >= cohorts.cohort_start then enrollments.entry_age
            when enrollments.entry_age in (98, 99) then enrollments.entry_age
            else {{ lsa_age_group('enrollments.dob', 'cohorts.cohort_start') }}
        end as cohort_age,
        enrollments.disability_status,
        enrollments.dv_status
    from enrollments
    inner join cohorts
        on enrollments.request_id = cohorts.request_id

)

select * from final
