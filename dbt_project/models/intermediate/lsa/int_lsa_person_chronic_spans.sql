{#- ch_Include less ch_Exclude (LSA spec §5.7-§5.8) as date spans: one row per LSA request, active adult or head
    of household and maximal run of consecutive ES/SH/Street dates in the three years ending on the person's
    LastActive date: nights in entry/exit ES or SH, night-by-night bed nights and 3.917 dates before entry, none on
    a date in TH or housed in RRH/PSH (ch_Exclude). Spans, not one row per day, keep the state preset within
    DuckDB's memory (docs/scale.md). The seven-day gap rule and the episodes are int_lsa_person_chronic's. -#}
with

ch_enrollments as (

    select * from {{ ref('int_lsa_ch_enrollments') }}

),

raw_spans as (

    {#- Date spans, each cut to CHStart..LastActive: §5.7 ch_Exclude (in TH: entry to the day before exit; housed
        in RRH/PSH: move-in to the day before exit), §5.8 nights in entry/exit ES or SH, and 3.917 dates from
        DateToStreetESSH of an enrollment entered after CHStart: for ES/SH from a homeless situation, before
        entry; for TH/RRH/PSH when the client came from the street or ES/SH (directly, or after a short
        institutional stay or a short stay elsewhere), before entry (TH) or while not yet housed (RRH/PSH). -#}
    select
        request_id,
        personal_key,
        ch_start,
        last_active,
        case when lsa_project_type in (0, 8) then 'include' else 'exclude' end as kind,
        case when lsa_project_type in (0, 2, 8) then entry_date else move_in_date end as span_start,
        coalesce({{ add_days(-1, 'exit_date') }}, last_active) as span_end
    from ch_enrollments
    where lsa_project_type in (0, 2, 8)
        or (lsa_project_type in (3, 13, 15) and move_in_date is not null)
    union all
    select
        request_id,
        personal_key,
        ch_start,
        last_active,
        'include' as kind,
        date_to_street_essh as span_start,
        case
            when lsa_project_type in (0, 1, 2, 8) then {{ add_days(-1, 'entry_date') }}
            when move_in_date is not null then {{ add_days(-1, 'move_in_date') }}
            when exit_date is not null then {{ add_days(-1, 'exit_date') }}
            else last_active
        end as span_end
    from ch_enrollments
    where entry_date > ch_start
        and date_to_street_essh is not null
        and (
            living_situation in (101, 116, 118)
            or (lsa_project_type not in (0, 1, 8) and previous_street_essh = 1 and length_of_stay in (10, 11))
            or (
                lsa_project_type not in (0, 1, 8)
                and previous_street_essh = 1
                and length_of_stay in (2, 3)
                and living_situation in (204, 205, 206, 207, 215, 225)
            )
        )

),

bed_nights as (

    {#- §5.8: night-by-night bed nights from the lookback date, within the enrollment. -#}
    select ch_enrollments.request_id, ch_enrollments.personal_key, services.date_provided as date_day
    from ch_enrollments
    inner join {{ ref('stg_hmis__services') }} as services
        on ch_enrollments.enrollment_key = services.enrollment_key
    where ch_enrollments.lsa_project_type = 1
        and services.record_type = 200
        and services.date_provided >= ch_enrollments.lookback_date
        and services.date_provided >= ch_enrollments.entry_date
        and (ch_enrollments.exit_date is null or services.date_provided < ch_enrollments.exit_date)
        and services.date_provided between ch_enrollments.ch_start and ch_enrollments.last_active

),

spans as (

    select request_id, personal_key, kind, {{ lsa_clipped_span('span_start', 'span_end') }}
    from raw_spans
    union all
    select request_id, personal_key, 'include' as kind, date_day as span_start, date_day as span_end
    from bed_nights

),

runs as (

    {{ lsa_date_runs('spans', ['request_id', 'personal_key']) }}

)

select * from runs
