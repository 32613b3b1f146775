{#- APR/CAPER Q7b/Q8b point-in-time dates: the last Wednesday of January, April, July and October.
    One row per request and month: the latest such date inside the report period (DL; null when the
    period holds none, docs/decisions.md). -#}
with

requests as (

    select * from {{ ref('stg_meta__report_requests') }} where report in ('apr', 'caper')

),

pit_months as (

    select 'january' as month_key, 1 as month_number
    union all select 'april', 4
    union all select 'july', 7
    union all select 'october', 10

),

year_offsets as (

    {%- for offset in range(0, 11) %}
    select {{ offset }} as year_offset{% if not loop.last %} union all{% endif %}
    {%- endfor %}

),

month_ends as (

    select
        requests.request_id,
        requests.period_start,
        requests.period_end,
        pit_months.month_key,
        cast({{ dbt.dateadd(
            'day', -1,
            dbt.dateadd('month', 'pit_months.month_number',
                dbt.dateadd('year', 'year_offsets.year_offset', dbt.date_trunc('year', 'requests.period_start')))
        ) }} as date) as month_end_date
    from requests
    cross join pit_months
    cross join year_offsets

),

wednesdays as (

    select
        month_ends.*,
        {{ add_days(
            '-1 * mod(cast(' ~ date_part('dow', 'month_end_date') ~ ' as integer) + 4, 7)',
            'month_end_date'
        ) }} as last_wednesday
    from month_ends

),

final as (

    select
        pit_months.month_key,
        requests.request_id,
        max(wednesdays.last_wednesday) as pit_date
    from requests
    cross join pit_months
    left join wednesdays
        on requests.request_id = wednesdays.request_id
        and pit_months.month_key = wednesdays.month_key
        and wednesdays.last_wednesday between wednesdays.period_start and wednesdays.period_end
    group by pit_months.month_key, requests.request_id

)

select request_id, month_key, pit_date from final
