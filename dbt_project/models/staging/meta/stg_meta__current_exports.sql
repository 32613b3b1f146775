{#- The exports whose rows staging keeps, one row per export: the single place every stg_hmis__ model
    asks "is this row's export current?" (the rule itself is ingestion's meta.current_exports). -#}
with

current_exports as (

    select * from {{ source('meta', 'current_exports') }}

),

registry as (

    select * from {{ source('meta', 'export_registry') }}

),

described as (

    select
        -- ids
        current_exports.ingest_id,
        current_exports.source_id,
        current_exports.export_id,

        -- ordering within the source
        cast(current_exports.recency as integer) as recency,
        current_exports.recency = 1 as is_latest_export,
        cast(current_exports.is_base as boolean) as is_base_export,

        -- export parameters (HUD lists 1.1 and 1.2)
        {{ hmis_integer('current_exports.export_directive') }} as export_directive,
        {{ hmis_integer('current_exports.export_period_type') }} as export_period_type,
        {{ hmis_timestamp('current_exports.export_date') }} as export_date,
        {{ hmis_date('current_exports.export_start') }} as export_start_date,
        {{ hmis_date('current_exports.export_end') }} as export_end_date,

        -- delivery
        registry.csv_version,
        registry.csv_version_declared,
        registry.software_name,
        registry.software_version,
        registry.implementation_id,
        registry.original_name,
        registry.archive_path,
        cast(current_exports.received_at as {{ dbt.type_timestamp() }}) as received_at,
        cast(registry.rows_loaded as {{ dbt.type_bigint() }}) as rows_loaded

    from current_exports
    inner join registry
        on current_exports.ingest_id = registry.ingest_id

)

select * from described
