{#- sys_Time (LSA spec §6.11, §6.13) on date spans: one row per LSA request, head of household, household type and
    piece of system use (sys_start..sys_end, inclusive, days in no other piece of the household), with the piece's
    one status by priority (the lowest wins): 1 housed in PSH, 2 housed in RRH (active enrollments, any date), 3 in
    TH, 4 in ES/SH (entry-exit, or a night-by-night bed night), 5 in PSH before move-in, 6 in RRH before move-in
    (any enrollment of the household type, after LastInactive), all up to ReportEnd. Enrollments count when their
    HoHID and ActiveHHType are the household's. Spans, not one row per day: a sweep over the spans' boundaries (a
    span adds one to its status at its start and takes one away the day after its end) gives each piece between
    two boundaries the lowest status with a span open. -#}
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

dated_spans as (

    {#- Each span from its first day after LastInactive (when it has one), within int_lsa_calendar's days. -#}
    select
        request_id, hoh_personal_key, hh_type, sys_status,
        {{ lsa_later_date(lsa_later_date('start_date',
            'case when after_date is null then start_date else ' ~ add_days(1, 'after_date') ~ ' end'),
            "cast('1990-01-01' as date)") }} as start_date,
        {{ lsa_earlier_date('end_date', lsa_spine_date('date_spine_end')) }} as end_date
    from spans
    where start_date is not null and end_date is not null

    union all

    {#- §6.13: night-by-night shelter bed nights within the effective stay (4), after LastInactive. #}
    select
        enrollments.request_id,
        enrollments.hoh_personal_key,
        enrollments.hh_type,
        4 as sys_status,
        services.date_provided as start_date,
        services.date_provided as end_date
    from enrollments
    inner join {{ ref('stg_hmis__services') }} as services
        on enrollments.enrollment_key = services.enrollment_key
    where enrollments.project_type = 1
        and services.record_type = 200
        and services.date_provided >= enrollments.entry_date
        and services.date_provided <= enrollments.last_day
        and services.date_provided > enrollments.last_inactive
        and services.date_provided >= cast('1990-01-01' as date)
        and services.date_provided <= {{ lsa_spine_date('date_spine_end') }}

),

boundaries as (

    select request_id, hoh_personal_key, hh_type, start_date as boundary_date, sys_status, 1 as change
    from dated_spans
    where start_date <= end_date
    union all
    select request_id, hoh_personal_key, hh_type, {{ add_days(1, 'end_date') }}, sys_status, -1
    from dated_spans
    where start_date <= end_date

),

points as (

    select
        request_id,
        hoh_personal_key,
        hh_type,
        boundary_date
        {%- for status in range(1, 7) %},
        sum(case when sys_status = {{ status }} then change else 0 end) as change_{{ status }}
        {%- endfor %}
    from boundaries
    group by request_id, hoh_personal_key, hh_type, boundary_date

),

pieces as (

    {#- Each boundary starts a piece lasting to the day before the next, with as many spans of each status open as
        have started and not yet ended. -#}
    select
        request_id,
        hoh_personal_key,
        hh_type,
        boundary_date as sys_start,
        {{ add_days(-1, 'lead(boundary_date) over (partition by request_id, hoh_personal_key, hh_type '
            ~ 'order by boundary_date)') }} as sys_end
        {%- for status in range(1, 7) %},
        sum(change_{{ status }}) over (
            partition by request_id, hoh_personal_key, hh_type order by boundary_date rows unbounded preceding
        ) as open_{{ status }}
        {%- endfor %}
    from points

),

final as (

    select
        request_id,
        hoh_personal_key,
        hh_type,
        sys_start,
        sys_end,
        case
            {%- for status in range(1, 7) %}
            when open_{{ status }} > 0 then {{ status }}
            {%- endfor %}
        end as sys_status
    from pieces
    where open_1 > 0 or open_2 > 0 or open_3 > 0 or open_4 > 0 or open_5 > 0 or open_6 > 0

)

select * from final
