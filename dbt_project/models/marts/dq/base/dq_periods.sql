{#- One row per calendar quarter covering the data (from the earliest export start to the latest
    export end of the current exports): the periods the HUD framework counts and scorecards use. -#}
with

as_of as (

    select * from {{ ref('dq_source_as_of') }}

),

dates as (

    select * from {{ ref('dim_date') }}

),

bounds as (

    select min(data_start_date) as first_day, max(as_of_date) as last_day
    from as_of

),

quarters as (

    select
        dates.calendar_year,
        dates.calendar_quarter,
        min(dates.date_day) as period_start,
        max(dates.date_day) as period_end
    from dates
    cross join bounds
    where dates.date_day between bounds.first_day and bounds.last_day
    group by dates.calendar_year, dates.calendar_quarter

),

final as (

    select
        cast(calendar_year as {{ dbt.type_string() }}) || '-Q' || cast(calendar_quarter as {{ dbt.type_string() }}) as period_id,
        calendar_year,
        calendar_quarter,
        period_start,
        period_end,
        row_number() over (order by period_start) as period_order
    from quarters

)

select * from final
