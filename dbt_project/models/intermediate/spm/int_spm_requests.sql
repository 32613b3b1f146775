{#- SPM report builds asked for: one row per request and CoC in its scope, with the report period
    (a federal fiscal year, Oct 1 - Sep 30) and the 7-year lookback stop date (spm.md §0). -#}
with

requests as (

    select * from {{ ref('stg_meta__report_requests') }}

),

spm_requests as (

    select
        request_id,
        period_start as report_start,
        period_end as report_end,
        scope_ids
    from requests
    where report = 'spm'
        and scope_type = 'coc'

),

per_coc as (

    select
        request_id,
        report_start,
        report_end,
        {{ report_unnest('scope_ids') }} as coc_code
    from spm_requests

),

final as (

    select
        -- keys
        request_id,
        coc_code,

        -- period
        report_start,
        report_end,
        {{ add_years(-7, 'report_start') }} as lookback_date

    from per_coc

)

select * from final
