{#- One row per calendar day (vars date_spine_start / date_spine_end), with HUD's federal fiscal year
    (October-September) and the PIT-count window (last 10 days of January). -#}
with

days as (

    {%- set last_day = modules.datetime.date.fromisoformat(var('date_spine_end') | string) -%}
    {%- set day_after = last_day + modules.datetime.timedelta(days=1) %}
    {{ dbt.date_spine('day', "cast('" ~ var('date_spine_start') ~ "' as date)", "cast('" ~ day_after ~ "' as date)") }}

),

described as (

    select
        cast(date_day as date) as date_day,
        cast({{ date_part('year', 'date_day') }} as integer) as calendar_year,
        cast({{ date_part('quarter', 'date_day') }} as integer) as calendar_quarter,
        cast({{ date_part('month', 'date_day') }} as integer) as month_of_year,
        cast({{ date_part('day', 'date_day') }} as integer) as day_of_month,
        cast({{ date_part('dow', 'date_day') }} as integer) as day_of_week,
        cast({{ dbt.date_trunc('month', 'date_day') }} as date) as month_start_date,
        cast({{ date_part('year', 'date_day') }} as integer)
            + case when {{ date_part('month', 'date_day') }} >= 10 then 1 else 0 end as federal_fiscal_year
    from days

),

final as (

    select
        described.*,
        month_of_year = 1 and day_of_month >= 22 as is_pit_count_window
    from described

)

select * from final
