{#- One row per period, scope and HUD Q6f row: stayers enrolled at least 90 days before the period's
    end in street outreach / PATH-funded services (adults and heads of household: row 2, Contact) or
    night-by-night shelter (everyone: row 3, Bed Night), and how many had no contact or bed night in
    the last 90 days. -#}
{%- set inactivity_rows = [
    (1, 'contact', 'Contact (Adults and Heads of Household in Street Outreach or PATH-funded SSO)'),
    (2, 'bed_night', 'Bed Night (All clients in ES-NbN)'),
] -%}
with

records as (

    select * from {{ ref('dq_hud_framework_inactive_records') }}

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

scope_periods as (

    select distinct period_id, scope_level, scope_key from scoped

),

inactivity_report_rows as (

    {% for row, key, label in inactivity_rows -%}
    select {{ row }} as row_order, '{{ key }}' as inactivity_row, '{{ label }}' as row_label {{ 'union all' if not loop.last }}
    {% endfor %}

),

counted as (

    select
        scope_periods.period_id,
        scope_periods.scope_level,
        scope_periods.scope_key,
        inactivity_report_rows.row_order,
        inactivity_report_rows.row_label,
        count(scoped.enrollment_key) as record_count,
        {{ dq_count_if('scoped.is_inactive') }} as inactive_record_count
    from scope_periods
    cross join inactivity_report_rows
    left join scoped
        on scope_periods.period_id = scoped.period_id
        and scope_periods.scope_level = scoped.scope_level
        and scope_periods.scope_key = scoped.scope_key
        and inactivity_report_rows.inactivity_row = scoped.inactivity_row
    group by
        scope_periods.period_id, scope_periods.scope_level, scope_periods.scope_key,
        inactivity_report_rows.row_order, inactivity_report_rows.row_label

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
        counted.row_label,

        -- HUD columns B-D
        cast(counted.record_count as {{ dbt.type_bigint() }}) as record_count,
        cast(counted.inactive_record_count as {{ dbt.type_bigint() }}) as inactive_record_count,
        {{ dq_rate('counted.inactive_record_count', 'counted.record_count') }} as inactive_rate

    from counted
    inner join periods
        on counted.period_id = periods.period_id
    left join scopes
        on counted.scope_level = scopes.scope_level
        and counted.scope_key = scopes.scope_key

)

select * from final
