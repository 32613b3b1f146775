{#- HUD code lists of both CSV versions with their labels, from the spec tables in seeds/hmis_spec
    (the same resolution as pipelines.spec: FY2026 codes take the labels HUD added in FY2026, else
    FY2024's label for the same code). -#}
with

fy2026_codes as (

    select
        cast("List" as {{ dbt.type_string() }}) as list_id,
        cast("Value" as {{ dbt.type_string() }}) as code
    from {{ ref('fy2026_value_lists') }}

),

fy2026_added_labels as (

    select "list" as list_id, code, label from {{ ref('fy2026_added_labels') }}

),

fy2024_codes as (

    select "list" as list_id, code, label from {{ ref('fy2024_lists') }}

),

all_codes as (

    select list_id, code from fy2026_codes
    union
    select list_id, code from fy2024_codes

),

labelled as (

    select
        all_codes.list_id,
        all_codes.code,
        coalesce(fy2026_added_labels.label, fy2024_codes.label, '') as label,
        fy2026_codes.code is not null as in_fy2026,
        fy2024_codes.code is not null as in_fy2024

    from all_codes
    left join fy2026_codes
        on all_codes.list_id = fy2026_codes.list_id and all_codes.code = fy2026_codes.code
    left join fy2026_added_labels
        on all_codes.list_id = fy2026_added_labels.list_id and all_codes.code = fy2026_added_labels.code
    left join fy2024_codes
        on all_codes.list_id = fy2024_codes.list_id and all_codes.code = fy2024_codes.code

)

select * from labelled
