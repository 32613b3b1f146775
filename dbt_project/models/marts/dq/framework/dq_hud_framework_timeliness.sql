{#- One row per period, scope and HUD Q6e band (< 0, 0, 1-3, 4-6, 7-10, 11+ days from project start
    or exit to the record's creation): project start records of stays starting in the period and exit
    records of leavers, counted on each person's latest stay in the scope. -#}
{%- set bands = ['< 0 days', '0 days', '1-3 days', '4-6 days', '7-10 days', '11+ days'] -%}
with

records as (

    select * from {{ ref('dq_hud_framework_records') }}

),

scopes as (

    select * from {{ ref('dq_scopes') }}

),

periods as (

    select * from {{ ref('dq_periods') }}

),

scoped as (

    {{ dq_scoped_records('records') }}

),

events as (

    select period_id, scope_level, scope_key, {{ dq_timeliness_band('start_record_days') }} as band, 'start' as event
    from scoped
    where start_record_days is not null

    union all

    select period_id, scope_level, scope_key, {{ dq_timeliness_band('exit_record_days') }} as band, 'exit' as event
    from scoped
    where exit_record_days is not null

),

scope_periods as (

    select distinct period_id, scope_level, scope_key from scoped

),

band_rows as (

    {% for band in bands -%}
    select {{ loop.index }} as row_order, '{{ band }}' as band {{ 'union all' if not loop.last }}
    {% endfor %}

),

counted as (

    select
        scope_periods.period_id,
        scope_periods.scope_level,
        scope_periods.scope_key,
        band_rows.row_order,
        band_rows.band,
        {{ dq_count_if("events.event = 'start'") }} as start_record_count,
        {{ dq_count_if("events.event = 'exit'") }} as exit_record_count
    from scope_periods
    cross join band_rows
    left join events
        on scope_periods.period_id = events.period_id
        and scope_periods.scope_level = events.scope_level
        and scope_periods.scope_key = events.scope_key
        and band_rows.band = events.band
    group by
        scope_periods.period_id, scope_periods.scope_level, scope_periods.scope_key, band_rows.row_order, band_rows.band

),

final as (

    select
        -- grain
        counted.period_id,
        counted.scope_level,
        counted.scope_key,
        counted.row_order,

        -- what it is
        periods.period_start,
        periods.period_end,
        scopes.scope_id,
        scopes.scope_name,
        counted.band as row_label,

        -- HUD columns B and C
        cast(counted.start_record_count as {{ dbt.type_bigint() }}) as start_record_count,
        cast(counted.exit_record_count as {{ dbt.type_bigint() }}) as exit_record_count

    from counted
    inner join periods
        on counted.period_id = periods.period_id
    left join scopes
        on counted.scope_level = scopes.scope_level
        and counted.scope_key = scopes.scope_key

)

select * from final
