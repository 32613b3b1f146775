{#- One row per source: the dates record-level checks measure against, from the source's newest
    current export (its ExportEndDate: "as of" for inactivity and annual assessments; its ExportDate:
    nothing can have happened after it). -#}
with

current_exports as (

    select * from {{ ref('stg_meta__current_exports') }}

),

newest as (

    select
        source_id,
        export_end_date as as_of_date,
        cast(export_date as date) as export_date,
        cast(received_at as date) as received_date,
        export_start_date
    from current_exports
    where is_latest_export

),

earliest_start as (

    select source_id, min(export_start_date) as data_start_date
    from current_exports
    group by source_id

),

final as (

    select
        newest.source_id,
        -- an export whose dates cannot be read is dated by its delivery (it cannot be later)
        coalesce(newest.as_of_date, newest.export_date, newest.received_date) as as_of_date,
        coalesce(newest.export_date, newest.as_of_date, newest.received_date) as export_date,
        earliest_start.data_start_date
    from newest
    left join earliest_start
        on newest.source_id = earliest_start.source_id

)

select * from final
