{#- SPM Measure 1, housed nights removed (spm.md M1 step 2): one row per request, M1 variant, person and
    run of consecutive homeless nights that are not housed nights (TH in 1a.1/1b.1, PH after move-in),
    never before the person's birth. Computed as a sweep over span boundaries: each boundary date
    starts a segment whose nights are homeless when some homeless span and no housed span covers it. -#}
with

spans as (

    select * from {{ ref('int_spm_m1_night_spans') }}

),

births as (

    select request_id, client_id, min(dob) as dob
    from {{ ref('int_spm_enrollments') }}
    where dob is not null
    group by request_id, client_id

),

-- A span adds 1 to its kind's cover from its first night, and takes it away after its last night.
boundaries as (

    select
        request_id, variant, client_id, first_night as boundary_date,
        case when night_kind = 'homeless' then 1 else 0 end as homeless_change,
        case when night_kind = 'housed' then 1 else 0 end as housed_change
    from spans

    union all

    select
        request_id, variant, client_id, {{ add_days(1, 'last_night') }} as boundary_date,
        case when night_kind = 'homeless' then -1 else 0 end as homeless_change,
        case when night_kind = 'housed' then -1 else 0 end as housed_change
    from spans

),

boundary_dates as (

    select
        request_id, variant, client_id, boundary_date,
        sum(homeless_change) as homeless_change,
        sum(housed_change) as housed_change
    from boundaries
    group by request_id, variant, client_id, boundary_date

),

segments as (

    select
        request_id,
        variant,
        client_id,
        boundary_date as first_night,
        {{ add_days(-1, "lead(boundary_date) over (partition by request_id, variant, client_id order by boundary_date)") }}
            as last_night,
        sum(homeless_change) over (
            partition by request_id, variant, client_id order by boundary_date rows unbounded preceding
        ) as homeless_cover,
        sum(housed_change) over (
            partition by request_id, variant, client_id order by boundary_date rows unbounded preceding
        ) as housed_cover
    from boundary_dates

),

flagged as (

    select
        segments.*,
        homeless_cover > 0 and housed_cover = 0 as is_homeless
    from segments
    where last_night is not null

),

-- Consecutive homeless segments form one run: number the runs by counting the segments that break them.
grouped as (

    select
        flagged.*,
        sum(case when is_homeless then 0 else 1 end) over (
            partition by request_id, variant, client_id order by first_night rows unbounded preceding
        ) as run_number
    from flagged

),

runs as (

    select
        request_id,
        variant,
        client_id,
        run_number,
        min(first_night) as first_night,
        max(last_night) as last_night
    from grouped
    where is_homeless
    group by request_id, variant, client_id, run_number

),

final as (

    select
        -- keys
        runs.request_id,
        runs.variant,
        runs.client_id,
        runs.run_number,

        -- the run
        case when births.dob > runs.first_night then births.dob else runs.first_night end as first_night,
        runs.last_night

    from runs
    left join births
        on runs.request_id = births.request_id
        and runs.client_id = births.client_id
    where births.dob is null or runs.last_night >= births.dob

)

select * from final
