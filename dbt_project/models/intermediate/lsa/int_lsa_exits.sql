{#- tlsa_Exit (LSA spec §7.2, §7.3, §7.10-§7.12): one row per LSA request, exit cohort, head of household (HoHID)
    and household type with a qualifying exit in the cohort period: the reportable exit (QualifyingExitHHID),
    ExitFrom, ExitTo, ReturnTime (days and upload value), Stat, LastInactive and SystemPath. The population
    columns are int_lsa_exit_summary's. -#}
with

hhid as (

    select * from {{ ref('int_lsa_exit_households') }}

),

reports as (

    select request_id, lookback_date from {{ ref('int_lsa_reports') }}

),

ranked as (

    {#- §7.2: the earliest qualifying exit to a permanent destination, else to a temporary one, else the earliest;
        ties: the lowest ExitDest, the earliest entry, the highest EnrollmentID. -#}
    select
        hhid.*,
        row_number() over (
            partition by request_id, cohort, hoh_personal_key, cohort_hh_type
            order by {{ lsa_destination_group('exit_dest') }}, exit_date, exit_dest, entry_date,
                enrollment_key desc
        ) as exit_rank
    from hhid
    where qualifying_exit = 1

),

exits as (

    select
        request_id,
        cohort,
        cohort_start,
        cohort_end,
        hoh_personal_key,
        cohort_hh_type as hh_type,
        household_key as qualifying_exit_household_key,
        enrollment_key as qualifying_exit_enrollment_key,
        lsa_project_type,
        entry_date,
        move_in_date,
        exit_date,
        exit_dest,
        {{ lsa_exit_from('lsa_project_type', 'move_in_date') }} as exit_from,
        exit_dest as exit_to
    from ranked
    where exit_rank = 1

),

same_household as (

    {#- Every tlsa_HHID row of the exit household: same HoHID and household type for the cohort. -#}
    select
        exits.request_id,
        exits.cohort,
        exits.hoh_personal_key,
        exits.hh_type,
        exits.entry_date as qx_entry_date,
        exits.exit_date as qx_exit_date,
        hhid.household_key,
        hhid.enrollment_key,
        hhid.lsa_project_type,
        hhid.entry_date,
        hhid.exit_date,
        hhid.exit_dest
    from exits
    inner join hhid
        on exits.request_id = hhid.request_id
        and exits.cohort = hhid.cohort
        and exits.hoh_personal_key = hhid.hoh_personal_key
        and exits.hh_type = hhid.cohort_hh_type

),

returns as (

    {#- §7.3: the earliest entry 15-730 days after the qualifying exit. -#}
    select
        request_id,
        cohort,
        hoh_personal_key,
        hh_type,
        min({{ days_between('qx_exit_date', 'entry_date') }}) as return_days
    from same_household
    where entry_date between {{ add_days(15, 'qx_exit_date') }} and {{ add_days(730, 'qx_exit_date') }}
    group by request_id, cohort, hoh_personal_key, hh_type

),

previous as (

    {#- §7.10: the enrollment with the latest exit in the 730 days before the qualifying entry (up to the qualifying
        exit) that entered before it; ties: the lowest ExitDest, the latest entry, the highest EnrollmentID. -#}
    select
        request_id,
        cohort,
        hoh_personal_key,
        hh_type,
        qx_entry_date,
        exit_date,
        exit_dest,
        row_number() over (
            partition by request_id, cohort, hoh_personal_key, hh_type
            order by exit_date desc, exit_dest, entry_date desc, enrollment_key desc
        ) as recency
    from same_household
    where entry_date < qx_entry_date
        and exit_date between {{ add_days(-730, 'qx_entry_date') }} and qx_exit_date

),

stat as (

    select
        request_id,
        cohort,
        hoh_personal_key,
        hh_type,
        case
            when exit_date > {{ add_days(-15, 'qx_entry_date') }} then 5
            when exit_dest between 400 and 499 then 2
            when exit_dest between 100 and 399 then 3
            else 4
        end as stat
    from previous
    where recency = 1

),

spans as (

    {#- §7.11 sys_TimePadded_exit: each enrollment of the exit household from its entry to the earlier of 6 days
        after its exit and CohortEnd; night-by-night shelter from each bed night (LookbackDate..CohortEnd) to 6
        days after it. Only spans starting before the qualifying entry matter. -#}
    select
        same_household.request_id,
        same_household.cohort,
        same_household.hoh_personal_key,
        same_household.hh_type,
        same_household.entry_date as start_date,
        case
            when same_household.exit_date is null or {{ add_days(6, 'same_household.exit_date') }} > cohorts.cohort_end
                then cohorts.cohort_end
            else {{ add_days(6, 'same_household.exit_date') }}
        end as end_date
    from same_household
    inner join {{ ref('int_lsa_exit_cohort_dates') }} as cohorts
        on same_household.request_id = cohorts.request_id
        and same_household.cohort = cohorts.cohort
    where same_household.lsa_project_type <> 1
        and same_household.entry_date < same_household.qx_entry_date

    union all

    select
        same_household.request_id,
        same_household.cohort,
        same_household.hoh_personal_key,
        same_household.hh_type,
        services.date_provided as start_date,
        case
            when {{ add_days(6, 'services.date_provided') }} > cohorts.cohort_end then cohorts.cohort_end
            else {{ add_days(6, 'services.date_provided') }}
        end as end_date
    from same_household
    inner join {{ ref('int_lsa_exit_cohort_dates') }} as cohorts
        on same_household.request_id = cohorts.request_id
        and same_household.cohort = cohorts.cohort
    inner join reports
        on same_household.request_id = reports.request_id
    inner join {{ ref('stg_hmis__services') }} as services
        on same_household.enrollment_key = services.enrollment_key
    where same_household.lsa_project_type = 1
        and services.record_type = 200
        and services.date_provided between reports.lookback_date and cohorts.cohort_end
        and services.date_provided >= same_household.entry_date
        and (same_household.exit_date is null or services.date_provided < same_household.exit_date)
        and services.date_provided < same_household.qx_entry_date

),

ordered_spans as (

    select
        spans.*,
        max(end_date) over (
            partition by request_id, cohort, hoh_personal_key, hh_type
            order by start_date, end_date
            rows between unbounded preceding and 1 preceding
        ) as previous_end
    from spans

),

islands as (

    {#- A span starting more than a day after every earlier span's end starts a new island of engagement. -#}
    select
        ordered_spans.*,
        sum(case when previous_end is null or start_date > {{ add_days(1, 'previous_end') }} then 1 else 0 end)
            over (
                partition by request_id, cohort, hoh_personal_key, hh_type
                order by start_date, end_date
                rows between unbounded preceding and current row
            ) as island
    from ordered_spans

),

island_bounds as (

    select
        request_id,
        cohort,
        hoh_personal_key,
        hh_type,
        min(start_date) as island_start,
        max(end_date) as island_end
    from islands
    group by request_id, cohort, hoh_personal_key, hh_type, island

),

covering as (

    {#- The island covering the day before the qualifying entry, if any: the last inactive day is the day before
        it. -#}
    select
        island_bounds.request_id,
        island_bounds.cohort,
        island_bounds.hoh_personal_key,
        island_bounds.hh_type,
        max(island_bounds.island_start) as island_start
    from island_bounds
    inner join exits
        on island_bounds.request_id = exits.request_id
        and island_bounds.cohort = exits.cohort
        and island_bounds.hoh_personal_key = exits.hoh_personal_key
        and island_bounds.hh_type = exits.hh_type
    where island_bounds.island_start <= {{ add_days(-1, 'exits.entry_date') }}
        and island_bounds.island_end >= {{ add_days(-1, 'exits.entry_date') }}
    group by island_bounds.request_id, island_bounds.cohort, island_bounds.hoh_personal_key, island_bounds.hh_type

),

inactive as (

    select
        exits.request_id,
        exits.cohort,
        exits.hoh_personal_key,
        exits.hh_type,
        case
            when {{ add_days(-1, 'coalesce(covering.island_start, exits.entry_date)') }}
                < {{ add_days(-1, 'reports.lookback_date') }}
                then {{ add_days(-1, 'reports.lookback_date') }}
            else {{ add_days(-1, 'coalesce(covering.island_start, exits.entry_date)') }}
        end as last_inactive
    from exits
    inner join reports
        on exits.request_id = reports.request_id
    left join covering
        on exits.request_id = covering.request_id
        and exits.cohort = covering.cohort
        and exits.hoh_personal_key = covering.hoh_personal_key
        and exits.hh_type = covering.hh_type

),

path as (

    {#- §7.12: the project groups of the exit household's enrollments after LastInactive, entered by the
        qualifying exit date. -#}
    select
        same_household.request_id,
        same_household.cohort,
        same_household.hoh_personal_key,
        same_household.hh_type,
        max(case when same_household.lsa_project_type in (0, 1, 8) then 1 else 0 end) as essh,
        max(case when same_household.lsa_project_type = 2 then 1 else 0 end) as th,
        max(case when same_household.lsa_project_type = 13 then 1 else 0 end) as rrh,
        max(case when same_household.lsa_project_type = 3 then 1 else 0 end) as psh
    from same_household
    inner join inactive
        on same_household.request_id = inactive.request_id
        and same_household.cohort = inactive.cohort
        and same_household.hoh_personal_key = inactive.hoh_personal_key
        and same_household.hh_type = inactive.hh_type
    where (same_household.exit_date is null or same_household.exit_date > inactive.last_inactive)
        and same_household.entry_date <= same_household.qx_exit_date
    group by same_household.request_id, same_household.cohort, same_household.hoh_personal_key,
        same_household.hh_type

),

final as (

    select
        exits.request_id,
        exits.cohort,
        exits.cohort_start,
        exits.cohort_end,
        exits.hoh_personal_key,
        exits.hh_type,
        exits.qualifying_exit_household_key,
        exits.qualifying_exit_enrollment_key,
        exits.lsa_project_type,
        exits.entry_date,
        exits.move_in_date,
        exits.exit_date,
        exits.exit_from,
        exits.exit_to,
        coalesce(returns.return_days, -1) as return_days,
        {{ lsa_return_time('returns.return_days') }} as return_time,
        coalesce(stat.stat, 1) as stat,
        inactive.last_inactive,
        case
            when exits.exit_from = 6 and exits.move_in_date < exits.cohort_start then -1
            when exits.exit_from in (5, 6) and exits.move_in_date <= {{ add_days(-365, 'exits.exit_date') }} then -1
            else {{ lsa_exit_system_path('path.essh', 'path.th', 'path.rrh', 'path.psh') }}
        end as system_path
    from exits
    left join returns
        on exits.request_id = returns.request_id
        and exits.cohort = returns.cohort
        and exits.hoh_personal_key = returns.hoh_personal_key
        and exits.hh_type = returns.hh_type
    left join stat
        on exits.request_id = stat.request_id
        and exits.cohort = stat.cohort
        and exits.hoh_personal_key = stat.hoh_personal_key
        and exits.hh_type = stat.hh_type
    inner join inactive
        on exits.request_id = inactive.request_id
        and exits.cohort = inactive.cohort
        and exits.hoh_personal_key = inactive.hoh_personal_key
        and exits.hh_type = inactive.hh_type
    left join path
        on exits.request_id = path.request_id
        and exits.cohort = path.cohort
        and exits.hoh_personal_key = path.hoh_personal_key
        and exits.hh_type = path.hh_type

)

select * from final
