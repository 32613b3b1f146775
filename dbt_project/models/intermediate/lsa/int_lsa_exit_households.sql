{#- tlsa_HHID for the exit cohorts (LSA spec §3.6 Exit1HHType/Exit2HHType, §7.1 ExitCohort): one row per LSA
    request, exit cohort and household of int_lsa_households, with the household type that cohort reads
    (cohort_hh_type: ActiveHHType for cohort 0, Exit1HHType for -1, Exit2HHType for -2) and qualifying_exit = 1
    when its exit is a qualifying exit of the cohort. -#}
with

cohorts as (

    select * from {{ ref('int_lsa_exit_cohort_dates') }}

),

households as (

    select
        households.request_id,
        households.household_key,
        households.enrollment_key,
        households.hoh_personal_key,
        households.project_key,
        households.lsa_project_type,
        households.entry_date,
        households.move_in_date,
        households.exit_date,
        households.exit_dest,
        types.entry_hh_type,
        types.active_hh_type
    from {{ ref('int_lsa_households') }} as households
    inner join {{ ref('int_lsa_household_types') }} as types
        on households.request_id = types.request_id
        and households.household_key = types.household_key

),

member_counts as (

    {#- Exit1HHType/Exit2HHType of a household open at CohortStart: its members in the cohort period (entered
        before CohortEnd, not exited before CohortStart), by their age for the cohort. -#}
    select
        request_id,
        cohort,
        household_key,
        count(distinct case when {{ lsa_age_status('cohort_age') }} = 'adult' then personal_key end) as adults,
        count(distinct case when {{ lsa_age_status('cohort_age') }} = 'child' then personal_key end) as children,
        count(distinct case when {{ lsa_age_status('cohort_age') }} = 'unknown' then personal_key end) as unknown
    from {{ ref('int_lsa_exit_enrollments') }}
    where cohort in (-2, -1)
        and entry_date < cohort_end
        and (exit_date is null or exit_date >= cohort_start)
    group by request_id, cohort, household_key

),

typed as (

    select
        cohorts.request_id,
        cohorts.cohort,
        cohorts.cohort_start,
        cohorts.cohort_end,
        households.household_key,
        households.enrollment_key,
        households.hoh_personal_key,
        households.project_key,
        households.lsa_project_type,
        households.entry_date,
        households.move_in_date,
        households.exit_date,
        households.exit_dest,
        case
            when cohorts.cohort = 0 then households.active_hh_type
            when households.entry_date >= cohorts.cohort_start or households.exit_date < cohorts.cohort_start
                then households.entry_hh_type
            else {{ lsa_hh_type('coalesce(member_counts.adults, 0)', 'coalesce(member_counts.children, 0)',
                                'coalesce(member_counts.unknown, 0)') }}
        end as cohort_hh_type
    from households
    inner join cohorts
        on households.request_id = cohorts.request_id
    left join member_counts
        on cohorts.request_id = member_counts.request_id
        and cohorts.cohort = member_counts.cohort
        and households.household_key = member_counts.household_key

),

in_focus as (

    {#- A project-focused LSA (LSAScope 2) reports exits from its selected projects only (§7.1). -#}
    select
        typed.*,
        case when reports.lsa_scope = 2 and lsa_projects.project_key is null then 0 else 1 end as in_scope
    from typed
    inner join {{ ref('int_lsa_reports') }} as reports
        on typed.request_id = reports.request_id
    left join {{ ref('int_lsa_projects') }} as lsa_projects
        on typed.request_id = lsa_projects.request_id
        and typed.project_key = lsa_projects.project_key

),

disqualified as (

    {#- §7.1: an exit followed within 14 days by an entry (or still covered by an enrollment) of the same head and
        household type is not a system exit. -#}
    select distinct qx.request_id, qx.cohort, qx.household_key
    from in_focus as qx
    inner join typed as other
        on qx.request_id = other.request_id
        and qx.cohort = other.cohort
        and qx.hoh_personal_key = other.hoh_personal_key
        and qx.cohort_hh_type = other.cohort_hh_type
        and qx.household_key <> other.household_key
    where qx.exit_date between qx.cohort_start and qx.cohort_end
        and (other.exit_date is null or other.exit_date > qx.exit_date)
        and other.entry_date < {{ add_days(14, 'qx.exit_date') }}

),

final as (

    select
        in_focus.request_id,
        in_focus.cohort,
        in_focus.cohort_start,
        in_focus.cohort_end,
        in_focus.household_key,
        in_focus.enrollment_key,
        in_focus.hoh_personal_key,
        in_focus.project_key,
        in_focus.lsa_project_type,
        in_focus.entry_date,
        in_focus.move_in_date,
        in_focus.exit_date,
        in_focus.exit_dest,
        in_focus.cohort_hh_type,
        case
            when in_focus.in_scope = 1
                and in_focus.exit_date between in_focus.cohort_start and in_focus.cohort_end
                and disqualified.household_key is null
                then 1 else 0
        end as qualifying_exit
    from in_focus
    left join disqualified
        on in_focus.request_id = disqualified.request_id
        and in_focus.cohort = disqualified.cohort
        and in_focus.household_key = disqualified.household_key

)

select * from final
