{#- ch_Include_exit less ch_Exclude_exit (LSA spec §7.5-§7.6) as date spans: one row per tlsa_ExitHoHAdult row
    without CHTime from §7.4 and maximal run of consecutive ES/SH/Street dates in its CHStart..LastActive: nights in
    entry/exit ES or SH, night-by-night bed nights (from LookbackDate) and 3.917 dates of enrollments entered after
    CHStart; never a date in TH or housed in RRH/PSH. Spans, not one row per day, keep the state preset within
    DuckDB's memory (docs/scale.md). The seven-day gap rule and the episodes are int_lsa_exit_chronic's. -#}
with

adults as (

    select * from {{ ref('int_lsa_exit_hoh_adults') }}
    where ch_time is null

),

reports as (

    select request_id, lookback_date from {{ ref('int_lsa_reports') }}

),

ch_enrollments as (

    {#- The person's tlsa_Enrollment rows overlapping CHStart..LastActive. -#}
    select
        adults.request_id,
        adults.cohort,
        adults.qualifying_exit_household_key,
        adults.personal_key,
        adults.ch_start,
        adults.last_active,
        reports.lookback_date,
        enrollments.enrollment_key,
        enrollments.lsa_project_type,
        enrollments.entry_date,
        enrollments.move_in_date,
        enrollments.exit_date,
        enrollments.living_situation,
        enrollments.length_of_stay,
        enrollments.previous_street_essh,
        enrollments.date_to_street_essh
    from adults
    inner join reports
        on adults.request_id = reports.request_id
    inner join {{ ref('int_lsa_enrollments') }} as enrollments
        on adults.request_id = enrollments.request_id
        and adults.personal_key = enrollments.personal_key
    where enrollments.entry_date <= adults.last_active
        and (enrollments.exit_date is null or enrollments.exit_date > adults.ch_start)

),

raw_spans as (

    {#- §7.5 exclude: TH from entry, RRH/PSH from move-in, to the day before exit; §7.6 include: entry/exit ES and
        SH nights; 3.917 dates from DateToStreetESSH of an enrollment entered after CHStart (ES/SH from a homeless
        situation, before entry; TH/RRH/PSH when the client came from the street or ES/SH, directly or after a
        short stay: before entry for TH, before move-in - or exit when never housed - for RRH/PSH). -#}
    select
        request_id, cohort, qualifying_exit_household_key, personal_key, ch_start, last_active,
        case when lsa_project_type in (0, 8) then 'include' else 'exclude' end as kind,
        case when lsa_project_type in (0, 2, 8) then entry_date else move_in_date end as span_start,
        coalesce({{ add_days(-1, 'exit_date') }}, last_active) as span_end
    from ch_enrollments
    where lsa_project_type in (0, 2, 8)
        or (lsa_project_type in (3, 13) and move_in_date is not null)

    union all

    select
        request_id, cohort, qualifying_exit_household_key, personal_key, ch_start, last_active,
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

    select
        ch_enrollments.request_id,
        ch_enrollments.cohort,
        ch_enrollments.qualifying_exit_household_key,
        ch_enrollments.personal_key,
        services.date_provided as date_day
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

    select
        request_id, cohort, qualifying_exit_household_key, personal_key, kind,
        {{ lsa_clipped_span('span_start', 'span_end') }}
    from raw_spans
    union all
    select
        request_id, cohort, qualifying_exit_household_key, personal_key, 'include' as kind,
        date_day as span_start, date_day as span_end
    from bed_nights

),

runs as (

    {{ lsa_date_runs('spans', ['request_id', 'cohort', 'qualifying_exit_household_key', 'personal_key']) }}

)

select * from runs
