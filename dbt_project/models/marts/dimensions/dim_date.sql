{#- One row per calendar day (vars date_spine_start / date_spine_end), with HUD's federal fiscal year
    (October-September) and the PIT-count window (last 10 days of January). -#}
with

days as (

    {{ dbt.date_spine(
        'day',
        "cast('" ~ var('date_spine_start') ~ "' as date)",
        "cast('" ~ var('date_spine_end') ~ "' as date) + 1"
    ) }}

),

described as (

    select
        cast(date_day as date) as date_day,
        cast({{ dbt.date_part('year', 'date_day') }} as integer) as calendar_year,
        cast({{ dbt.date_part('quarter', 'date_day') }} as integer) as calendar_quarter,
        cast({{ dbt.date_part('month', 'date_day') }} as integer) as month_of_year,
        cast({{ dbt.date_part('day', 'date_day') }} as integer) as day_of_month,
        cast({{ dbt.date_part('dow', 'date_day') }} as integer) as day_of_week,
        cast({{ dbt.date_trunc('month', 'date_day') }} as date) as month_start_date,
        cast({{ dbt.date_part('year', 'date_day') }} as integer)
            + case when {{ dbt.date_part('month', 'date_day') }} >= 10 then 1 else 0 end as federal_fiscal_year
    from days

),

final as (

    select
        described.*,
        month_of_year = 1 and day_of_month >= 22 as is_pit_count_window
    from described

)

select * from final
