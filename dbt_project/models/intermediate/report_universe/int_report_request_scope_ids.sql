{#- One row per request and scope id (a project, an agency or a CoC the request names). -#}
with

requests as (

    select * from {{ ref('stg_meta__report_requests') }}

),

unnested as (

    select
        request_id,
        report,
        scope_type,
        {{ report_unnest('scope_ids') }} as scope_id
    from requests

)

select * from unnested
