{#- sys_Time (LSA spec §6.11, §6.13): one row per LSA request, head of household, household type and date of
    system use, with the date's one status by priority (the lowest wins): 1 housed in PSH, 2 housed in RRH
    (active enrollments, any date), 3 in TH, 4 in ES/SH (entry-exit, or a night-by-night bed night), 5 in PSH
    before move-in, 6 in RRH before move-in (any enrollment of the household type, after LastInactive), all up
    to ReportEnd. Enrollments count when their HoHID and ActiveHHType are the household's. -#}
with

households as (

    select
        last_inactive.request_id,
        last_inactive.hoh_personal_key,
        last_inactive.hh_type,
        last_inactive.last_inactive,
        reports.report_end
    from {{ ref('int_lsa_household_last_inactive') }} as last_inactive
    inner join {{ ref('int_lsa_reports') }} as reports
        on last_inactive.request_id = reports.request_id

),

enrollments as (

    select
        households.*,
        hhid.enrollment_key,
        hhid.project_type,
        hhid.lsa_project_type,
        hhid.entry_date,
        hhid.move_in_date,
        hhid.exit_date,
        hhid.active,
        coalesce({{ add_days(-1, 'hhid.exit_date') }}, households.report_end) as last_day
    from households
    inner join {{ ref('int_lsa_households') }} as hhid
        on households.request_id = hhid.request_id
        and households.hoh_personal_key = hhid.hoh_personal_key
    inner join {{ ref('int_lsa_household_types') }} as types
        on hhid.request_id = types.request_id
        and hhid.household_key = types.household_key
        and households.hh_type = types.active_hh_type

),

spans as (

    {#- §6.11: housed in PSH (1) and RRH (2, the move-in date counts even when it is the exit date). -#}
    select
        request_id, hoh_personal_key, hh_type,
        case when lsa_project_type = 3 then 1 else 2 end as sys_status,
        move_in_date as start_date,
        case when last_day < move_in_date then move_in_date else last_day end as end_date,
        cast(null as date) as after_date
    from enrollments
    where active = 1 and lsa_project_type in (3, 13) and move_in_date is not null

    union all

    {#- §6.13: TH (3), entry-exit ES and SH (4), PSH (5) and RRH (6) before move-in, after LastInactive. #}
    select
        request_id, hoh_personal_key, hh_type,
        case lsa_project_type when 2 then 3 when 3 then 5 when 13 then 6 else 4 end as sys_status,
        entry_date as start_date,
        case
            when lsa_project_type in (3, 13) and move_in_date is not null then {{ add_days(-1, 'move_in_date') }}
            else last_day
        end as end_date,
        last_inactive as after_date
    from enrollments
    where lsa_project_type in (0, 2, 3, 8, 13)

),

span_dates as (

    select
        spans.request_id,
        spans.hoh_personal_key,
        spans.hh_type,
        spans.sys_status,
        calendar.calendar_date as sys_date
    from spans
    inner join {{ ref('int_lsa_calendar') }} as calendar
        on calendar.calendar_date >= spans.start_date
        and calendar.calendar_date <= spans.end_date
    where spans.after_date is null or calendar.calendar_date > spans.after_date

),

bed_nights as (

    {#- §6.13: night-by-night shelter bed nights within the effective stay (4), after LastInactive. -#}
    select
        enrollments.request_id,
        enrollments.hoh_personal_key,
        enrollments.hh_type,
        4 as sys_status,
        services.date_provided as sys_date
    from enrollments
    inner join {{ ref('stg_hmis__services') }} as services
        on enrollments.enrollment_key = services.enrollment_key
    where enrollments.project_type = 1
        and services.record_type = 200
        and services.date_provided >= enrollments.entry_date
        and services.date_provided <= enrollments.last_day
        and services.date_provided > enrollments.last_inactive

),

final as (

    select request_id, hoh_personal_key, hh_type, sys_date, min(sys_status) as sys_status
    from (
        select * from span_dates
        union all
        select * from bed_nights
    ) as dated
    group by request_id, hoh_personal_key, hh_type, sys_date

)

select * from final
