{#- One row per record-level data-quality check: what it looks for, how serious it is, which data
    element and record it is about, and what to do in plain words (seeds/dq/dq_check_definitions.csv;
    Eva's catalogue is the anchor, eva_notes says where Waypoint fixes its known defects). -#}
with

catalogue as (

    select * from {{ ref('dq_check_definitions') }}

),

final as (

    select
        cast(check_id as {{ dbt.type_string() }}) as check_id,
        cast(check_name as {{ dbt.type_string() }}) as check_name,
        cast(family as {{ dbt.type_string() }}) as family,
        cast(severity as {{ dbt.type_string() }}) as severity,
        cast(dimension as {{ dbt.type_string() }}) as dimension,
        cast(data_element as {{ dbt.type_string() }}) as data_element,
        cast(applies_to as {{ dbt.type_string() }}) as applies_to,
        cast(hud_framework as {{ dbt.type_string() }}) as hud_framework,
        cast(guidance as {{ dbt.type_string() }}) as guidance,
        cast(eva_id as {{ dbt.type_string() }}) as eva_id,
        cast(eva_notes as {{ dbt.type_string() }}) as eva_notes
    from catalogue

)

select * from final
