{#- One row per day from 1990-01-01 to the date spine's end (var date_spine_end): the LSA's ref_Calendar, for
    counting distinct days of system use (chapter 6). It starts earlier than dim_date because a stay housed in
    PSH since before 2010 counts every day. -#}
with

days as (

    {%- set last_day = modules.datetime.date.fromisoformat(var('date_spine_end') | string) -%}
    {%- set day_after = last_day + modules.datetime.timedelta(days=1) %}
    {{ dbt.date_spine('day', "cast('1990-01-01' as date)", "cast('" ~ day_after ~ "' as date)") }}

),

final as (

    select cast(date_day as date) as calendar_date from days

)

select * from final
