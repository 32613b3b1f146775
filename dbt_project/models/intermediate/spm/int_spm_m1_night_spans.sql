{#- SPM Measure 1, steps 2-3 (spm.md): spans of nights (first and last night, both included) per request
    and person, of one kind: shelter (ES, SH, night-by-night bed nights: homeless in every variant),
    transitional (homeless in 1a.2/1b.2, housed in 1a.1/1b.1), PH before move-in and self-reported
    time (1b only; self-reported time of a TH stay in 1b.2 only), PH after move-in (housed in every
    variant). Nights are spans, not rows, so the 7-year lookback stays cheap;
    int_spm_m1_homeless_runs turns them into runs of homeless nights per variant. -#}
with

stays as (

    select * from {{ ref('int_spm_enrollments') }}
    where project_type in (0, 1, 2, 3, 8, 9, 10, 13)

),

bed_nights as (

    select * from {{ ref('int_bed_nights') }}

),

-- ES entry/exit, SH and TH: every night from entry to the night before exit, since the lookback.
entry_exit_nights as (

    select
        request_id,
        client_id,
        enrollment_key,
        project_type,
        case when entry_date > lookback_date then entry_date else lookback_date end as first_night,
        case
            when exit_date is null then report_end
            else {{ add_days(-1, 'exit_date') }}
        end as last_night
    from stays
    where project_type in (0, 2, 8)

),

-- ES night-by-night: bed nights (entry <= night < exit) joined into runs of consecutive nights, once
-- per enrollment; each request then keeps the part of a run from its lookback date to its report end.
numbered_bed_nights as (

    select
        enrollment_key,
        bed_night_date,
        row_number() over (partition by enrollment_key order by bed_night_date) as night_number
    from bed_nights

),

enrollment_bed_night_runs as (

    select
        enrollment_key,
        min(bed_night_date) as first_bed_night,
        max(bed_night_date) as last_bed_night
    from numbered_bed_nights
    group by enrollment_key, {{ add_days('-night_number', 'bed_night_date') }}

),

bed_night_runs as (

    select
        stays.request_id,
        stays.client_id,
        stays.enrollment_key,
        stays.project_type,
        case
            when runs.first_bed_night > stays.lookback_date then runs.first_bed_night else stays.lookback_date
        end as first_night,
        case when runs.last_bed_night < stays.report_end then runs.last_bed_night else stays.report_end end
            as last_night
    from stays
    inner join enrollment_bed_night_runs as runs
        on stays.enrollment_key = runs.enrollment_key
    where stays.project_type = 1

),

first_bed_nights as (

    select request_id, enrollment_key, min(first_night) as first_bed_night
    from bed_night_runs
    where first_night <= last_night
    group by request_id, enrollment_key

),

-- PH stays that count in 1b: literally homeless at entry, and entered, moved in, or (never moved in)
-- left during the report period (spm.md M1 step 1).
housing_stays_in_1b as (

    select *
    from stays
    where project_type in (3, 9, 10, 13)
        and is_literally_homeless_at_entry
        and (
            entry_date between report_start and report_end
            or move_in_date between report_start and report_end
            or (move_in_date is null and exit_date between report_start and report_end)
        )

),

-- PH before move-in: homeless nights in 1b (entry to the night before move-in, or before exit).
housing_pre_move_in_nights as (

    select
        request_id,
        client_id,
        enrollment_key,
        project_type,
        case when entry_date > lookback_date then entry_date else lookback_date end as first_night,
        case
            when move_in_date is not null then {{ add_days(-1, 'move_in_date') }}
            when exit_date is not null then {{ add_days(-1, 'exit_date') }}
            else report_end
        end as last_night
    from housing_stays_in_1b

),

-- PH from move-in to the night before exit: housed, in every variant.
housed_nights as (

    select
        request_id,
        client_id,
        enrollment_key,
        project_type,
        move_in_date as first_night,
        case when exit_date is null then report_end else {{ add_days(-1, 'exit_date') }} end as last_night
    from stays
    where project_type in (3, 9, 10, 13)
        and move_in_date is not null

),

-- Self-reported time (3.917.3, 1b only): from the start of homelessness through the entry date (NbN:
-- through the stay's first bed night), for stays since the lookback that were literally homeless at
-- entry. It may reach back before the lookback date.
self_reported_nights as (

    select
        stays.request_id,
        stays.client_id,
        stays.enrollment_key,
        stays.project_type,
        stays.homelessness_start_date as first_night,
        case when stays.project_type = 1 then first_bed_nights.first_bed_night else stays.entry_date end
            as last_night
    from stays
    left join first_bed_nights
        on stays.request_id = first_bed_nights.request_id
        and stays.enrollment_key = first_bed_nights.enrollment_key
    where stays.is_literally_homeless_at_entry
        and stays.entry_date >= stays.lookback_date
        and stays.homelessness_start_date is not null
        and (
            stays.project_type in (0, 1, 2, 8)
            or stays.enrollment_key in (select enrollment_key from housing_stays_in_1b)
        )

),

spans as (

    select 'shelter' as night_kind, entry_exit_nights.*
    from entry_exit_nights
    where project_type in (0, 8)

    union all

    select 'transitional', entry_exit_nights.* from entry_exit_nights where project_type = 2

    union all

    select 'shelter', bed_night_runs.* from bed_night_runs

    union all

    select 'housing_before_move_in', housing_pre_move_in_nights.* from housing_pre_move_in_nights

    union all

    select
        case when project_type = 2 then 'self_reported_transitional' else 'self_reported' end,
        self_reported_nights.*
    from self_reported_nights

    union all

    select 'housing_after_move_in', housed_nights.* from housed_nights

),

final as (

    select
        -- keys
        spans.request_id,
        spans.client_id,
        spans.enrollment_key,

        -- the span
        spans.night_kind,
        spans.project_type,
        spans.first_night,
        spans.last_night

    from spans
    where spans.first_night <= spans.last_night

)

select * from final
