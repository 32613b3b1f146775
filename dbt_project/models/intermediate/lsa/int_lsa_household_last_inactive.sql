{#- tlsa_Household.LastInactive (LSA spec §6.12): one row per LSA request, head of household and household type
    of int_lsa_household_summary. The latest date before FirstEntry that no enrollment of the same HoHID and
    household type (active or not; RRH services only excluded) covers from its entry to 6 days after its exit
    (night-by-night shelter: from each bed night to 6 days after it, within the lookback), or ReportEnd when
    open; never before LookbackDate - 1 day. Spans are merged into islands, so no calendar is needed. -#}
with

households as (

    select
        summary.request_id,
        summary.hoh_personal_key,
        summary.hh_type,
        summary.first_entry,
        reports.lookback_date,
        reports.report_end
    from {{ ref('int_lsa_household_summary') }} as summary
    inner join {{ ref('int_lsa_reports') }} as reports
        on summary.request_id = reports.request_id

),

enrollments as (

    select
        households.request_id,
        households.hoh_personal_key,
        households.hh_type,
        households.first_entry,
        households.lookback_date,
        households.report_end,
        hhid.enrollment_key,
        hhid.project_type,
        hhid.entry_date,
        hhid.exit_date
    from households
    inner join {{ ref('int_lsa_households') }} as hhid
        on households.request_id = hhid.request_id
        and households.hoh_personal_key = hhid.hoh_personal_key
    inner join {{ ref('int_lsa_household_types') }} as types
        on hhid.request_id = types.request_id
        and hhid.household_key = types.household_key
        and households.hh_type = types.active_hh_type
    where hhid.lsa_project_type <> 15

),

spans as (

    {#- sys_TimePadded: StartDate and EndDate of each enrollment or bed night. -#}
    select
        request_id,
        hoh_personal_key,
        hh_type,
        first_entry,
        lookback_date,
        entry_date as start_date,
        case
            when exit_date is null or {{ add_days(6, 'exit_date') }} > report_end then report_end
            else {{ add_days(6, 'exit_date') }}
        end as end_date
    from enrollments
    where project_type <> 1

    union all

    select
        enrollments.request_id,
        enrollments.hoh_personal_key,
        enrollments.hh_type,
        enrollments.first_entry,
        enrollments.lookback_date,
        services.date_provided as start_date,
        case
            when {{ add_days(6, 'services.date_provided') }} > enrollments.report_end then enrollments.report_end
            else {{ add_days(6, 'services.date_provided') }}
        end as end_date
    from enrollments
    inner join {{ ref('stg_hmis__services') }} as services
        on enrollments.enrollment_key = services.enrollment_key
    where enrollments.project_type = 1
        and services.record_type = 200
        and services.date_provided between enrollments.lookback_date and enrollments.report_end
        and services.date_provided >= enrollments.entry_date
        and (enrollments.exit_date is null or services.date_provided < enrollments.exit_date)

),

before_first_entry as (

    select
        spans.*,
        max(end_date) over (
            partition by request_id, hoh_personal_key, hh_type
            order by start_date, end_date
            rows between unbounded preceding and 1 preceding
        ) as previous_end
    from spans
    where start_date < first_entry

),

islands as (

    {#- A span starting more than a day after every earlier span's end starts a new island of engagement. -#}
    select
        before_first_entry.*,
        sum(case when previous_end is null or start_date > {{ add_days(1, 'previous_end') }} then 1 else 0 end)
            over (
                partition by request_id, hoh_personal_key, hh_type
                order by start_date, end_date
                rows between unbounded preceding and current row
            ) as island
    from before_first_entry

),

island_bounds as (

    select
        request_id,
        hoh_personal_key,
        hh_type,
        min(first_entry) as first_entry,
        min(start_date) as island_start,
        max(end_date) as island_end
    from islands
    group by request_id, hoh_personal_key, hh_type, island

),

covering as (

    {#- The island covering the day before FirstEntry, if any: the last inactive day is the day before it. -#}
    select
        request_id,
        hoh_personal_key,
        hh_type,
        max(island_start) as island_start
    from island_bounds
    where island_start <= {{ add_days(-1, 'first_entry') }}
        and island_end >= {{ add_days(-1, 'first_entry') }}
    group by request_id, hoh_personal_key, hh_type

),

final as (

    select
        households.request_id,
        households.hoh_personal_key,
        households.hh_type,
        case
            when {{ add_days(-1, 'coalesce(covering.island_start, households.first_entry)') }}
                < {{ add_days(-1, 'households.lookback_date') }}
                then {{ add_days(-1, 'households.lookback_date') }}
            else {{ add_days(-1, 'coalesce(covering.island_start, households.first_entry)') }}
        end as last_inactive
    from households
    left join covering
        on households.request_id = covering.request_id
        and households.hoh_personal_key = covering.hoh_personal_key
        and households.hh_type = covering.hh_type

)

select * from final
