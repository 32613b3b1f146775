{{ config(materialized='ephemeral') }}
{#- The periods the planning and funder marts count in: calendar months and quarters and federal fiscal
    years (October-September) that overlap the data window, i.e. from the earliest ExportStartDate to the
    latest ExportEndDate of the current exports. A period that sticks out of the window is kept but flagged
    incomplete, so the last month of a fresh export is not mistaken for a quiet one. -#}
with

current_exports as (

    select * from {{ ref('stg_meta__current_exports') }}

),

days as (

    select * from {{ ref('dim_date') }}

),

data_window as (

    select
        cast(min(export_start_date) as date) as data_start_date,
        cast(max(export_end_date) as date) as data_end_date
    from current_exports
    where is_latest_export

),

calendar as (

    select
        date_day,
        calendar_year,
        calendar_quarter,
        month_of_year,
        federal_fiscal_year,
        month_start_date,
        cast({{ dbt.date_trunc('quarter', 'date_day') }} as date) as quarter_start_date
    from days

),

months as (

    select
        'month' as period_type,
        month_start_date as period_start,
        max(date_day) as period_end,
        min(calendar_year) as period_year,
        min(month_of_year) as period_part
    from calendar
    group by month_start_date

),

quarters as (

    select
        'quarter' as period_type,
        quarter_start_date as period_start,
        max(date_day) as period_end,
        min(calendar_year) as period_year,
        min(calendar_quarter) as period_part
    from calendar
    group by quarter_start_date

),

fiscal_years as (

    select
        'fiscal_year' as period_type,
        min(date_day) as period_start,
        max(date_day) as period_end,
        federal_fiscal_year as period_year,
        cast(null as integer) as period_part
    from calendar
    group by federal_fiscal_year

),

all_periods as (

    select * from months
    union all
    select * from quarters
    union all
    select * from fiscal_years

),

final as (

    select
        all_periods.period_type,
        all_periods.period_start,
        all_periods.period_end,
        case all_periods.period_type
            when 'month' then
                cast(all_periods.period_year as {{ dbt.type_string() }}) || '-'
                || case when all_periods.period_part < 10 then '0' else '' end
                || cast(all_periods.period_part as {{ dbt.type_string() }})
            when 'quarter' then
                cast(all_periods.period_year as {{ dbt.type_string() }}) || '-Q'
                || cast(all_periods.period_part as {{ dbt.type_string() }})
            else 'FY' || cast(all_periods.period_year as {{ dbt.type_string() }})
        end as period_label,
        -- nights the data covers in the period (utilisation divides by them)
        {{ days_between(
            'case when all_periods.period_start > data_window.data_start_date then all_periods.period_start else data_window.data_start_date end',
            'case when all_periods.period_end < data_window.data_end_date then all_periods.period_end else data_window.data_end_date end'
        ) }} + 1 as covered_days,
        all_periods.period_start >= data_window.data_start_date
            and all_periods.period_end <= data_window.data_end_date as is_complete_period,
        data_window.data_start_date,
        data_window.data_end_date
    from all_periods
    cross join data_window
    where all_periods.period_end >= data_window.data_start_date
        and all_periods.period_start <= data_window.data_end_date

)

select * from final
