{#- tlsa_Enrollment.CH (LSA spec §5.5-§5.6): one row per LSA request, active adult or head of household
    (HoHAdult > 0) and enrollment, active or not, relevant to chronic time: those overlapping the three years
    from CHStart to the person's LastActive date, with both dates. -#}
with

reports as (

    select request_id, report_end, lookback_date from {{ ref('int_lsa_reports') }}

),

people as (

    select request_id, personal_key
    from {{ ref('int_lsa_people') }}
    where hoh_adult > 0

),

enrollments as (

    select * from {{ ref('int_lsa_enrollments') }}

),

last_active as (

    {#- §5.5: an enrollment's last active date is, for night-by-night shelter, the earlier of ReportEnd and the
        day after its last bed night; otherwise its exit date, or ReportEnd when it has none. -#}
    select
        enrollments.request_id,
        enrollments.personal_key,
        max(case
            when enrollments.lsa_project_type = 1
                and {{ add_days(1, 'enrollments.last_bed_night') }} < reports.report_end
                then {{ add_days(1, 'enrollments.last_bed_night') }}
            when enrollments.lsa_project_type = 1 then reports.report_end
            else coalesce(enrollments.exit_date, reports.report_end)
        end) as last_active
    from enrollments
    inner join reports
        on enrollments.request_id = reports.request_id
    inner join people
        on enrollments.request_id = people.request_id
        and enrollments.personal_key = people.personal_key
    where enrollments.active = 1
    group by enrollments.request_id, enrollments.personal_key

),

periods as (

    select
        last_active.request_id,
        last_active.personal_key,
        last_active.last_active,
        {{ add_days(1, add_years(-3, 'last_active.last_active')) }} as ch_start,
        reports.lookback_date
    from last_active
    inner join reports
        on last_active.request_id = reports.request_id

),

ch_enrollments as (

    {#- §5.6: the person's enrollments, active or not, overlapping the three years (CH = 1). -#}
    select
        enrollments.request_id,
        enrollments.personal_key,
        enrollments.enrollment_key,
        enrollments.lsa_project_type,
        enrollments.entry_date,
        enrollments.move_in_date,
        enrollments.exit_date,
        enrollments.living_situation,
        enrollments.length_of_stay,
        enrollments.previous_street_essh,
        enrollments.date_to_street_essh,
        enrollments.times_homeless_past_three_years,
        enrollments.months_homeless_past_three_years,
        periods.ch_start,
        periods.last_active,
        periods.lookback_date
    from enrollments
    inner join periods
        on enrollments.request_id = periods.request_id
        and enrollments.personal_key = periods.personal_key
    where enrollments.entry_date <= periods.last_active
        and (enrollments.exit_date is null or enrollments.exit_date > periods.ch_start)

),

final as (

    select * from ch_enrollments

)

select * from final
