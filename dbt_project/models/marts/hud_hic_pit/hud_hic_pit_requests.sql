{{ config(materialized='ephemeral') }}
{#- HIC/PIT report builds asked for: one row per request and CoC with the count night (option
    `pit_date`, else the period start; hic-pit-lsa.md §1: a night in the last ten days of January). -#}
with

requests as (

    select * from {{ ref('stg_meta__report_requests') }}
    where report = 'hic_pit'
        and scope_type = 'coc'

),

options as (

    select
        request_id,
        cast({{ hic_pit_option('options', 'pit_date') }} as date) as pit_date_option
    from {{ ref('stg_meta__report_requests') }}
    where report = 'hic_pit'

),

per_coc as (

    select
        requests.request_id,
        coalesce(options.pit_date_option, requests.period_start) as pit_date,
        {{ report_unnest('requests.scope_ids') }} as coc_code
    from requests
    left join options
        on requests.request_id = options.request_id

)

select * from per_coc
