{#- One row per period, scope and HUD Q6d row (project-type group, plus Total): adults and heads of
    household who started on or after 2016-10-01, and how many are missing each chronic
    homelessness (3.917) piece they had to answer; % unable to calculate = persons missing any. -#}
{%- set chronic_rows = [
    (2, 'es_sh_so', 'ES-EE, ES-NbN, SH, Street Outreach'),
    (3, 'th', 'TH'),
    (4, 'ph', 'PH (All)'),
    (5, 'ce', 'CE'),
    (6, 'sso_day_hp', 'SSO, Day Shelter, HP'),
    (7, 'total', 'Total'),
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

by_row as (

    select
        scoped.*,
        rows_wanted.chronic_report_row
    from scoped
    inner join (
        {% for row, key, label in chronic_rows -%}
        select '{{ key }}' as chronic_report_row {{ 'union all' if not loop.last }}
        {% endfor -%}
    ) as rows_wanted
        on rows_wanted.chronic_report_row in (scoped.chronic_row, 'total')

),

counted as (

    select
        period_id,
        scope_level,
        scope_key,
        chronic_report_row,
        count(*) as record_count,
        {{ dq_count_if('is_missing_institution_time') }} as missing_institution_time_count,
        {{ dq_count_if('is_missing_housing_time') }} as missing_housing_time_count,
        {{ dq_count_if('is_missing_date_started') }} as missing_date_started_count,
        {{ dq_count_if('is_missing_times') }} as missing_times_count,
        {{ dq_count_if('is_missing_months') }} as missing_months_count,
        {{ dq_count_if('is_missing_institution_time or is_missing_housing_time or is_missing_date_started or is_missing_times or is_missing_months') }}
            as unable_to_calculate_count
    from by_row
    group by period_id, scope_level, scope_key, chronic_report_row

),

final as (

    select
        -- grain
        counted.period_id,
        counted.scope_level,
        counted.scope_key,
        case counted.chronic_report_row
            {% for row, key, label in chronic_rows -%}
            when '{{ key }}' then {{ row }}
            {% endfor -%}
        end as row_order,

        -- what it is
        periods.period_start,
        periods.period_end,
        scopes.scope_id,
        scopes.scope_name,
        counted.chronic_report_row as project_type_row,
        case counted.chronic_report_row
            {% for row, key, label in chronic_rows -%}
            when '{{ key }}' then '{{ label }}'
            {% endfor -%}
        end as row_label,

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
