{#- One row per period, scope and HUD Q6d row (project-type group, plus Total): adults and heads of
    household who started on or after 2016-10-01, and how many are missing each chronic
    homelessness (3.917) piece they had to answer; % unable to calculate = persons missing any. -#}
{%- set chronic_rows = [
    (1, 'es_sh_so', 'ES-EE, ES-NbN, SH, Street Outreach'),
    (2, 'th', 'TH'),
    (3, 'ph', 'PH (All)'),
    (4, 'ce', 'CE'),
    (5, 'sso_day_hp', 'SSO, Day Shelter, HP'),
    (6, 'total', 'Total'),
] -%}
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

    select * from ({{ dq_scoped_records('records') }}) as all_scoped
    where is_chronic_universe

),

report_rows as (

    {% for row, key, label in chronic_rows -%}
    select {{ row }} as row_order, '{{ key }}' as chronic_report_row, '{{ label }}' as row_label {{ 'union all' if not loop.last }}
    {% endfor %}

),

-- Every row of the table for every scope and quarter with someone in the universe (empty rows are 0).
grid as (

    select scope_periods.*, report_rows.*
    from (select distinct period_id, scope_level, scope_key from scoped) as scope_periods
    cross join report_rows

),

counted as (

    select
        grid.period_id,
        grid.scope_level,
        grid.scope_key,
        grid.row_order,
        grid.row_label,
        grid.chronic_report_row,
        count(scoped.enrollment_key) as record_count,
        {{ dq_count_if('scoped.is_missing_institution_time') }} as missing_institution_time_count,
        {{ dq_count_if('scoped.is_missing_housing_time') }} as missing_housing_time_count,
        {{ dq_count_if('scoped.is_missing_date_started') }} as missing_date_started_count,
        {{ dq_count_if('scoped.is_missing_times') }} as missing_times_count,
        {{ dq_count_if('scoped.is_missing_months') }} as missing_months_count,
        {{ dq_count_if('scoped.is_missing_institution_time or scoped.is_missing_housing_time or scoped.is_missing_date_started or scoped.is_missing_times or scoped.is_missing_months') }}
            as unable_to_calculate_count
    from grid
    left join scoped
        on grid.period_id = scoped.period_id
        and grid.scope_level = scoped.scope_level
        and grid.scope_key = scoped.scope_key
        and grid.chronic_report_row in (scoped.chronic_row, 'total')
    group by
        grid.period_id, grid.scope_level, grid.scope_key, grid.row_order, grid.row_label, grid.chronic_report_row

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
        counted.chronic_report_row as project_type_row,
        counted.row_label,

        -- HUD columns B-H (C and D do not apply to the ES/SH/SO row)
        cast(counted.record_count as {{ dbt.type_bigint() }}) as record_count,
        cast(case when counted.chronic_report_row <> 'es_sh_so' then counted.missing_institution_time_count end as {{ dbt.type_bigint() }})
            as missing_institution_time_count,
        cast(case when counted.chronic_report_row <> 'es_sh_so' then counted.missing_housing_time_count end as {{ dbt.type_bigint() }})
            as missing_housing_time_count,
        cast(counted.missing_date_started_count as {{ dbt.type_bigint() }}) as missing_date_started_count,
        cast(counted.missing_times_count as {{ dbt.type_bigint() }}) as missing_times_count,
        cast(counted.missing_months_count as {{ dbt.type_bigint() }}) as missing_months_count,
        cast(counted.unable_to_calculate_count as {{ dbt.type_bigint() }}) as unable_to_calculate_count,
        {{ dq_rate('counted.unable_to_calculate_count', 'counted.record_count') }} as unable_to_calculate_rate

    from counted
    inner join periods
        on counted.period_id = periods.period_id
    left join scopes
        on counted.scope_level = scopes.scope_level
        and counted.scope_key = scopes.scope_key

)

select * from final
