{#- The report builds asked for (meta.report_requests): one row per request, typed. Report periods are
    data (DESIGN: "Report periods are data"), so every report model below computes all requests at once, set-wise. -#}
with

source as (

    select * from {{ source('meta', 'report_requests') }}

),

renamed as (

    select
        -- ids
        request_id,
        report,

        -- period (both ends inclusive)
        cast(period_start as date) as period_start,
        cast(period_end as date) as period_end,

        -- scope: project / projects / agency ids are `<source_id>:<HUD id>`, CoCs are codes
        scope_type,
        scope_ids,

        -- report options (e.g. the HIC/PIT count night `pit_date`), read with macro hic_pit_option
        options,

        -- bookkeeping
        cast(requested_at as {{ dbt.type_timestamp() }}) as requested_at,
        requested_by

    from source

)

select * from renamed
