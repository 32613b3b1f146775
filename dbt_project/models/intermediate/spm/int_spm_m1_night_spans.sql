{#- SPM Measure 1, steps 2-3 (spm.md): spans of nights (first and last night, both included) that count
    as homeless or as housed, per request, person and M1 variant (1a.1 ES/SH, 1a.2 ES/SH/TH, 1b.1 and
    1b.2 adding PH time before move-in and self-reported time). Nights are spans, not rows, so the
    7-year lookback stays cheap; int_spm_m1_homeless_runs takes housed nights out. -#}
with

stays as (

    select * from {{ ref('int_spm_enrollments') }}
    where project_type in (0, 1, 2, 3, 8, 9, 10, 13)

),

bed_nights as (

    select * from {{ ref('int_bed_nights') }}

),

variants as (

    select '1a.1' as variant, false as counts_transitional, false as counts_housing_and_self_report
    union all select '1a.2', true, false
    union all select '1b.1', false, true
    union all select '1b.2', true, true

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

-- ES night-by-night: the bed nights (entry <= night < exit), joined into runs of consecutive nights.
stay_bed_nights as (

    select
        stays.request_id,
        stays.client_id,
        stays.enrollment_key,
        bed_nights.bed_night_date,
        row_number() over (
            partition by stays.request_id, stays.enrollment_key order by bed_nights.bed_night_date
        ) as night_number
    from stays
    inner join bed_nights
        on stays.enrollment_key = bed_nights.enrollment_key
    where stays.project_type = 1
        and bed_nights.bed_night_date >= stays.lookback_date
        and bed_nights.bed_night_date <= stays.report_end

),

bed_night_runs as (

    select
        request_id,
        client_id,
        enrollment_key,
        1 as project_type,
        min(bed_night_date) as first_night,
        max(bed_night_date) as last_night
    from (
        select
            stay_bed_nights.*,
            {{ add_days('-night_number', 'bed_night_date') }} as run_anchor
        from stay_bed_nights
    ) as anchored
    group by request_id, client_id, enrollment_key, run_anchor

),

first_bed_nights as (

    select request_id, enrollment_key, min(bed_night_date) as first_bed_night
    from stay_bed_nights
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

    select variants.variant, 'homeless' as night_kind, 'shelter' as span_source, entry_exit_nights.*
    from entry_exit_nights
    cross join variants
    where entry_exit_nights.project_type in (0, 8)

    union all

    select
        variants.variant,
        case when variants.counts_transitional then 'homeless' else 'housed' end,
        'transitional',
        entry_exit_nights.*
    from entry_exit_nights
    cross join variants
    where entry_exit_nights.project_type = 2

    union all

    select variants.variant, 'homeless', 'bed_nights', bed_night_runs.*
    from bed_night_runs
    cross join variants

    union all

    select variants.variant, 'homeless', 'housing_before_move_in', housing_pre_move_in_nights.*
    from housing_pre_move_in_nights
    cross join variants
    where variants.counts_housing_and_self_report

    union all

    select variants.variant, 'homeless', 'self_reported', self_reported_nights.*
    from self_reported_nights
    cross join variants
    where variants.counts_housing_and_self_report
        and (self_reported_nights.project_type <> 2 or variants.counts_transitional)

    union all

    select variants.variant, 'housed', 'housing_after_move_in', housed_nights.*
    from housed_nights
    cross join variants

),

final as (

    select
        -- keys
        spans.request_id,
        spans.variant,
        spans.client_id,
        spans.enrollment_key,

        -- the span
        spans.night_kind,
        spans.span_source,
        spans.project_type,
        spans.first_night,
        spans.last_night

    from spans
    where spans.first_night <= spans.last_night

)

select * from final
