{#- SPM Measure 1, steps 1-8 (spm.md): one row per request, M1 variant and person with a bed night in
    the report period (steps 1 and 2d: self-reported time alone never selects a person): the episode
    window (step 3: client end = the last bed night in the period; step 4: client start = 365 days
    earlier but not before the lookback date or birth) and the nights homeless in it. Nights before
    the client start count while they run on without a break from it (step 6b), so a whole run that
    reaches into the window counts from its first night; nothing after the client end counts, not even
    self-reported time of a later stay (step 5 does not move the client end). -#}
with

runs as (

    select * from {{ ref('int_spm_m1_homeless_runs') }}

),

requests as (

    select distinct request_id, report_start, report_end, lookback_date
    from {{ ref('int_spm_requests') }}

),

births as (

    select request_id, client_id, min(dob) as dob
    from {{ ref('int_spm_enrollments') }}
    group by request_id, client_id

),

episode_ends as (

    select
        runs.request_id,
        runs.variant,
        runs.client_id,
        max(runs.last_bed_night) as client_end_date
    from runs
    inner join requests
        on runs.request_id = requests.request_id
    where runs.last_bed_night >= requests.report_start
    group by runs.request_id, runs.variant, runs.client_id

),

windows as (

    select
        episode_ends.*,
        requests.lookback_date,
        births.dob,
        {{ add_days(-365, 'episode_ends.client_end_date') }} as year_before_end
    from episode_ends
    inner join requests
        on episode_ends.request_id = requests.request_id
    left join births
        on episode_ends.request_id = births.request_id
        and episode_ends.client_id = births.client_id

),

started as (

    select
        request_id,
        variant,
        client_id,
        client_end_date,
        case
            when year_before_end >= lookback_date and (dob is null or year_before_end >= dob) then year_before_end
            when dob is not null and dob > lookback_date then dob
            else lookback_date
        end as client_start_date
    from windows

),

counted as (

    select
        started.request_id,
        started.variant,
        started.client_id,
        started.client_start_date,
        started.client_end_date,
        min(runs.first_night) as first_night_counted,
        cast(sum({{ days_between(
            "runs.first_night",
            "case when runs.last_night > started.client_end_date then started.client_end_date else runs.last_night end"
        ) }} + 1) as {{ dbt.type_int() }}) as days_homeless
    from started
    inner join runs
        on started.request_id = runs.request_id
        and started.variant = runs.variant
        and started.client_id = runs.client_id
        and runs.last_night >= started.client_start_date
        and runs.first_night <= started.client_end_date
    group by
        started.request_id,
        started.variant,
        started.client_id,
        started.client_start_date,
        started.client_end_date

)

select * from counted
