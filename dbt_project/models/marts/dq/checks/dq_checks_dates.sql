{#- Date checks on enrollments and exits: exits before entry, dates in the future, births after
    entry, implausible ages, overlapping stays (same project: HUD Q6b; two beds one night: Eva 77),
    invalid move-in dates, enrollments outside the project's operating period. -#}
with

enrollments as (

    select * from {{ ref('dq_enrollment_facts') }}

),

bed_nights as (

    select * from {{ ref('int_bed_nights') }}

),

-- HUD Q6b: a stay that starts after an earlier stay of the same person in the same project started
-- and before it ended (an open earlier stay has not ended).
same_project_overlaps as (

    select
        later.enrollment_key,
        min(earlier.enrollment_id) as earlier_enrollment_id
    from enrollments as later
    inner join enrollments as earlier
        on later.personal_key = earlier.personal_key
        and later.project_key = earlier.project_key
        and later.enrollment_key <> earlier.enrollment_key
        and later.entry_date > earlier.entry_date
        and (earlier.exit_date is null or later.entry_date < earlier.exit_date)
    group by later.enrollment_key

),

-- Nights in a bed: shelter, transitional housing and safe haven stays from entry; permanent housing
-- (services-only RRH too: 3.20 applies to all RRH) from a valid move-in; night-by-night shelter from
-- runs of bed nights.
bed_stays as (

    select
        client_id, enrollment_key, enrollment_id, project_key, entry_date,
        entry_date as first_night,
        coalesce(exit_date, {{ add_days(1, 'as_of_date') }}) as day_after_last_night
    from enrollments
    where project_type in (0, 2, 8)

    union all

    select
        client_id, enrollment_key, enrollment_id, project_key, entry_date,
        move_in_date as first_night,
        coalesce(exit_date, {{ add_days(1, 'as_of_date') }}) as day_after_last_night
    from enrollments
    where project_type in (3, 9, 10, 13)
        and move_in_date >= entry_date
        and (exit_date is null or move_in_date <= exit_date)

),

bed_night_runs as (

    select
        enrollment_key,
        min(bed_night_date) as first_night,
        {{ add_days(1, 'max(bed_night_date)') }} as day_after_last_night
    from (
        select
            enrollment_key,
            bed_night_date,
            {{ days_between("cast('2000-01-01' as date)", 'bed_night_date') }}
                - row_number() over (partition by enrollment_key order by bed_night_date) as run_group
        from bed_nights
    ) as numbered
    group by enrollment_key, run_group

),

bed_intervals as (

    select * from bed_stays

    union all

    select
        enrollments.client_id, enrollments.enrollment_key, enrollments.enrollment_id, enrollments.project_key,
        enrollments.entry_date, bed_night_runs.first_night, bed_night_runs.day_after_last_night
    from bed_night_runs
    inner join enrollments
        on bed_night_runs.enrollment_key = enrollments.enrollment_key

),

-- Two night-by-night stays of one person in the same project with a bed night on the same date.
same_night_bed_nights as (

    select
        later.enrollment_key,
        min(earlier.enrollment_id) as other_enrollment_id
    from bed_nights as later_night
    inner join bed_nights as earlier_night
        on later_night.bed_night_date = earlier_night.bed_night_date
        and later_night.enrollment_key <> earlier_night.enrollment_key
    inner join enrollments as later
        on later_night.enrollment_key = later.enrollment_key
    inner join enrollments as earlier
        on earlier_night.enrollment_key = earlier.enrollment_key
        and later.client_id = earlier.client_id
        and later.project_key = earlier.project_key
        and (
            later.entry_date > earlier.entry_date
            or (later.entry_date = earlier.entry_date and later.enrollment_key > earlier.enrollment_key)
        )
    group by later.enrollment_key

),

other_project_bed_overlaps as (

    select
        later.enrollment_key,
        min(earlier.enrollment_id) as other_enrollment_id
    from bed_intervals as later
    inner join bed_intervals as earlier
        on later.client_id = earlier.client_id
        and later.project_key <> earlier.project_key
        and later.first_night < earlier.day_after_last_night
        and earlier.first_night < later.day_after_last_night
        and (
            later.entry_date > earlier.entry_date
            or (later.entry_date = earlier.entry_date and later.enrollment_key > earlier.enrollment_key)
        )
    group by later.enrollment_key

),

bed_overlaps as (

    select enrollment_key, min(other_enrollment_id) as other_enrollment_id
    from (
        select * from other_project_bed_overlaps
        union all
        select * from same_night_bed_nights
    ) as both_kinds
    group by enrollment_key

),

flagged as (

    select
        enrollments.*,
        same_project_overlaps.earlier_enrollment_id,
        bed_overlaps.other_enrollment_id
    from enrollments
    left join same_project_overlaps
        on enrollments.enrollment_key = same_project_overlaps.enrollment_key
    left join bed_overlaps
        on enrollments.enrollment_key = bed_overlaps.enrollment_key

),

issues as (

    select {{ dq_exit_issue('date_exit_before_entry',
        "'ExitDate ' || cast(exit_date as " ~ dbt.type_string() ~ ") || ' before EntryDate ' || cast(entry_date as " ~ dbt.type_string() ~ ")") }}
    from flagged
    where exit_date < entry_date

    union all
    select {{ dq_enrollment_issue('date_future_entry',
        "'EntryDate ' || cast(entry_date as " ~ dbt.type_string() ~ ") || case when entry_date > export_date then ' after the export date' else ' after the record was created' end") }}
    from flagged
    where entry_date > export_date or entry_date > entry_created_date

    union all
    select {{ dq_exit_issue('date_future_exit',
        "'ExitDate ' || cast(exit_date as " ~ dbt.type_string() ~ ") || ' after the export date ' || cast(export_date as " ~ dbt.type_string() ~ ")") }}
    from flagged
    where exit_date > export_date

    union all
    select {{ dq_enrollment_issue('date_dob_after_entry',
        "'DOB ' || cast(dob as " ~ dbt.type_string() ~ ") || ', EntryDate ' || cast(entry_date as " ~ dbt.type_string() ~ ")") }}
    from flagged
    where dob > entry_date or (dob = entry_date and is_head_of_household)

    union all
    select {{ dq_enrollment_issue('date_age_over_100', "'age ' || cast(age_at_entry as " ~ dbt.type_string() ~ ") || ' at entry'") }}
    from flagged
    where age_at_entry > {{ dq_setting('max_age_years') }}

    union all
    select {{ dq_enrollment_issue('date_overlapping_stay', "'starts during enrollment ' || earlier_enrollment_id") }}
    from flagged
    where earlier_enrollment_id is not null

    union all
    select {{ dq_enrollment_issue('date_overlapping_residential', "'same night as enrollment ' || other_enrollment_id") }}
    from flagged
    where other_enrollment_id is not null

    union all
    select {{ dq_enrollment_issue('date_move_in_invalid',
        "'MoveInDate ' || cast(move_in_date as " ~ dbt.type_string() ~ ") || case
            when move_in_date < entry_date then ' before EntryDate'
            when move_in_date > exit_date then ' after ExitDate'
            else ' after the export date' end") }}
    from flagged
    where project_type in (3, 9, 10, 13)
        and move_in_date is not null
        and (move_in_date < entry_date or move_in_date > exit_date or move_in_date > export_date)

    union all
    select {{ dq_enrollment_issue('date_enrollment_outside_operating',
        "case
            when entry_date < operating_start_date then 'EntryDate before OperatingStartDate ' || cast(operating_start_date as " ~ dbt.type_string() ~ ")
            else 'stay continues after OperatingEndDate ' || cast(operating_end_date as " ~ dbt.type_string() ~ ")
        end") }}
    from flagged
    where entry_date < operating_start_date
        or coalesce(exit_date, as_of_date) > operating_end_date

)

select * from issues
