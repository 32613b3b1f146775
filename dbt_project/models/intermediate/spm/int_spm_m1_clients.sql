{#- SPM Measure 1, steps 4-5 (spm.md): one row per request, M1 variant and person with a homeless night
    in the report period: the episode window (client end = last homeless night in the period, client
    start = 365 days earlier but not before the lookback date or birth) and the nights homeless in it.
    Nights before the client start count while they run on without a break from it, so a whole run
    that reaches into the window counts from its first night. -#}
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
        max(runs.last_night) as client_end_date
    from runs
    inner join requests
        on runs.request_id = requests.request_id
    where runs.last_night >= requests.report_start
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
        cast(sum({{ days_between("runs.first_night", "runs.last_night") }} + 1) as {{ dbt.type_int() }}) as days_homeless
    from started
    inner join runs
        on started.request_id = runs.request_id
        and started.variant = runs.variant
        and started.client_id = runs.client_id
        and runs.last_night >= started.client_start_date
    group by
        started.request_id,
        started.variant,
        started.client_id,
        started.client_start_date,
        started.client_end_date

)

select * from counted
