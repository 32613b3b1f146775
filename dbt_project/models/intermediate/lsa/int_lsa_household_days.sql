{#- tlsa_Household's days and system path (LSA spec §6.10, §6.12, §6.14, §6.15, §6.16, §6.18): one row per LSA request, head of household and household type of int_lsa_household_summary, with
    actual counts of days (grouped into upload values when the file is written), the project-group statuses
    after §6.16 and SystemPath. -#}
with

summary as (

    select * from {{ ref('int_lsa_household_summary') }}

),

system_use as (

    {#- §6.15: distinct days by sys_Time status (the pieces of system use do not overlap). -#}
    {%- set days = '(' ~ days_between('sys_start', 'sys_end') ~ ' + 1)' %}
    select
        request_id,
        hoh_personal_key,
        hh_type,
        sum(case when sys_status = 4 then {{ days }} else 0 end) as es_days,
        sum(case when sys_status = 3 then {{ days }} else 0 end) as th_days,
        sum(case when sys_status in (3, 4) then {{ days }} else 0 end) as est_days,
        sum(case when sys_status in (5, 6) then {{ days }} else 0 end) as rrh_psh_pre_move_in_days,
        sum(case when sys_status = 2 then {{ days }} else 0 end) as rrh_housed_days,
        sum(case when sys_status in (2, 3, 4, 5, 6) then {{ days }} else 0 end) as system_days_not_psh_housed,
        sum(case when sys_status in (3, 4, 5, 6) then {{ days }} else 0 end) as system_homeless_days,
        sum(case when sys_status = 1 then {{ days }} else 0 end) as psh_housed_days,
        max(case when sys_status = 5 then 1 else 0 end) as any_psh_pre_move_in,
        max(case when sys_status = 6 then 1 else 0 end) as any_rrh_pre_move_in
    from {{ ref('int_lsa_household_system_use') }}
    group by request_id, hoh_personal_key, hh_type

),

rrh_spans as (

    {#- §6.10: active RRH enrollments from entry to the day before move-in, else the exit, else ReportEnd. -#}
    select
        summary.request_id,
        summary.hoh_personal_key,
        summary.hh_type,
        hhid.entry_date as start_date,
        coalesce({{ add_days(-1, 'hhid.move_in_date') }}, hhid.exit_date, summary.report_end) as end_date
    from (
        select summary.request_id, summary.hoh_personal_key, summary.hh_type, reports.report_end
        from summary
        inner join {{ ref('int_lsa_reports') }} as reports
            on summary.request_id = reports.request_id
    ) as summary
    inner join {{ ref('int_lsa_households') }} as hhid
        on summary.request_id = hhid.request_id
        and summary.hoh_personal_key = hhid.hoh_personal_key
    inner join {{ ref('int_lsa_household_types') }} as types
        on hhid.request_id = types.request_id
        and hhid.household_key = types.household_key
        and summary.hh_type = types.active_hh_type
    where hhid.active = 1 and hhid.lsa_project_type = 13

),

rrh_spans_clipped as (

    {#- Within int_lsa_calendar's days (from 1990-01-01 to the date spine's end), as a join with it counted them. -#}
    select
        request_id,
        hoh_personal_key,
        hh_type,
        'include' as kind,
        {{ lsa_later_date('start_date', "cast('1990-01-01' as date)") }} as span_start,
        {{ lsa_earlier_date('end_date', lsa_spine_date('date_spine_end')) }} as span_end
    from rrh_spans
    where start_date is not null and end_date is not null

),

rrh_runs as (

    {{ lsa_date_runs('rrh_spans_clipped', ['request_id', 'hoh_personal_key', 'hh_type']) }}

),

rrh_pre_move_in as (

    {#- Distinct days in the spans: the days of their runs. -#}
    select
        request_id,
        hoh_personal_key,
        hh_type,
        sum({{ days_between('essh_street_start', 'essh_street_end') }} + 1) as rrh_pre_move_in_days
    from rrh_runs
    group by request_id, hoh_personal_key, hh_type

),

street_enrollments as (

    {#- §6.14: the household type's enrollments entered after LastInactive whose 3.917 answers put the head on
        the street or in ES/SH from DateToStreetESSH until the (recorded) entry. -#}
    select
        last_inactive.request_id,
        last_inactive.hoh_personal_key,
        last_inactive.hh_type,
        last_inactive.last_inactive,
        enrollments.date_to_street_essh,
        {{ add_days(-1, 'enrollments.entry_date') }} as day_before_entry
    from {{ ref('int_lsa_household_last_inactive') }} as last_inactive
    inner join {{ ref('int_lsa_households') }} as hhid
        on last_inactive.request_id = hhid.request_id
        and last_inactive.hoh_personal_key = hhid.hoh_personal_key
    inner join {{ ref('int_lsa_household_types') }} as types
        on hhid.request_id = types.request_id
        and hhid.household_key = types.household_key
        and last_inactive.hh_type = types.active_hh_type
    inner join {{ ref('stg_hmis__enrollments') }} as enrollments
        on hhid.enrollment_key = enrollments.enrollment_key
    where hhid.entry_date > last_inactive.last_inactive
        and enrollments.date_to_street_essh < enrollments.entry_date
        and (
            enrollments.living_situation in (101, 116, 118)
            or hhid.lsa_project_type in (0, 1, 8)
            or (enrollments.length_of_stay in (10, 11) and enrollments.previous_street_essh = 1)
            or (
                enrollments.living_situation in (204, 205, 206, 207, 215, 225)
                and enrollments.length_of_stay in (2, 3)
                and enrollments.previous_street_essh = 1
            )
        )

),

street_before_last_inactive as (

    {#- Days from the earliest such DateToStreetESSH through LastInactive (no system use there by definition;
        may reach before the lookback). -#}
    select
        request_id,
        hoh_personal_key,
        hh_type,
        {{ days_between('min(date_to_street_essh)', 'min(last_inactive)') }} + 1 as street_days
    from street_enrollments
    where date_to_street_essh <= last_inactive
    group by request_id, hoh_personal_key, hh_type

),

street_spans as (

    {#- sys_Time status 7: days after LastInactive up to the day before entry (include) without a system use
        status (exclude), within int_lsa_calendar's days. -#}
    select
        request_id,
        hoh_personal_key,
        hh_type,
        'include' as kind,
        {{ lsa_later_date(lsa_later_date('date_to_street_essh', add_days(1, 'last_inactive')),
            "cast('1990-01-01' as date)") }} as span_start,
        {{ lsa_earlier_date('day_before_entry', lsa_spine_date('date_spine_end')) }} as span_end
    from street_enrollments
    where date_to_street_essh is not null and last_inactive is not null and day_before_entry is not null
    union all
    select
        system_use.request_id,
        system_use.hoh_personal_key,
        system_use.hh_type,
        'exclude' as kind,
        system_use.sys_start as span_start,
        system_use.sys_end as span_end
    from {{ ref('int_lsa_household_system_use') }} as system_use
    where exists (
        select 1 from street_enrollments
        where street_enrollments.request_id = system_use.request_id
            and street_enrollments.hoh_personal_key = system_use.hoh_personal_key
            and street_enrollments.hh_type = system_use.hh_type
    )

),

street_runs as (

    {{ lsa_date_runs('street_spans', ['request_id', 'hoh_personal_key', 'hh_type']) }}

),

street_after_last_inactive as (

    select
        request_id,
        hoh_personal_key,
        hh_type,
        sum({{ days_between('essh_street_start', 'essh_street_end') }} + 1) as street_days
    from street_runs
    group by request_id, hoh_personal_key, hh_type

),

counted as (

    select
        summary.request_id,
        summary.hoh_personal_key,
        summary.hh_type,
        last_inactive.last_inactive,
        coalesce(rrh_pre_move_in.rrh_pre_move_in_days, 0) as rrh_pre_move_in_days,
        coalesce(system_use.es_days, 0) as es_days,
        coalesce(system_use.th_days, 0) as th_days,
        coalesce(system_use.est_days, 0) as est_days,
        coalesce(system_use.rrh_psh_pre_move_in_days, 0) as rrh_psh_pre_move_in_days,
        coalesce(system_use.rrh_housed_days, 0) as rrh_housed_days,
        coalesce(system_use.system_days_not_psh_housed, 0) as system_days_not_psh_housed,
        coalesce(system_use.system_homeless_days, 0) as system_homeless_days,
        coalesce(system_use.psh_housed_days, 0) as psh_housed_days,
        coalesce(street_before_last_inactive.street_days, 0) + coalesce(street_after_last_inactive.street_days, 0)
            as other_3917_days,
        coalesce(system_use.system_homeless_days, 0) + coalesce(street_before_last_inactive.street_days, 0)
            + coalesce(street_after_last_inactive.street_days, 0) as total_homeless_days,
        {#- §6.16: a project group served only before the period, in the continuous stretch: status 2. -#}
        case when summary.est_status = 0 and system_use.est_days > 0 then 2 else summary.est_status end
            as est_status,
        case when summary.rrh_status = 0 and system_use.any_rrh_pre_move_in = 1 then 2 else summary.rrh_status end
            as rrh_status,
        case when summary.psh_status = 0 and system_use.any_psh_pre_move_in = 1 then 2 else summary.psh_status end
            as psh_status,
        summary.psh_move_in
    from summary
    inner join {{ ref('int_lsa_household_last_inactive') }} as last_inactive
        on summary.request_id = last_inactive.request_id
        and summary.hoh_personal_key = last_inactive.hoh_personal_key
        and summary.hh_type = last_inactive.hh_type
    left join system_use
        on summary.request_id = system_use.request_id
        and summary.hoh_personal_key = system_use.hoh_personal_key
        and summary.hh_type = system_use.hh_type
    left join rrh_pre_move_in
        on summary.request_id = rrh_pre_move_in.request_id
        and summary.hoh_personal_key = rrh_pre_move_in.hoh_personal_key
        and summary.hh_type = rrh_pre_move_in.hh_type
    left join street_before_last_inactive
        on summary.request_id = street_before_last_inactive.request_id
        and summary.hoh_personal_key = street_before_last_inactive.hoh_personal_key
        and summary.hh_type = street_before_last_inactive.hh_type
    left join street_after_last_inactive
        on summary.request_id = street_after_last_inactive.request_id
        and summary.hoh_personal_key = street_after_last_inactive.hoh_personal_key
        and summary.hh_type = street_after_last_inactive.hh_type

),

final as (

    select
        counted.*,
        {{ lsa_system_path('est_status', 'es_days', 'th_days', 'rrh_status', 'psh_status', 'psh_move_in') }}
            as system_path
    from counted

)

select * from final
