{#- Which funding sources fund which projects, and when: the funder role's scope and the funder marts
    start here. -#}
with

funders as (

    select * from {{ ref('stg_hmis__funders') }}

),

final as (

    select
        funder_key,
        source_id,
        project_key,
        funder,
        {{ hud_label('2.06.1', 'funder') }} as funder_label,
        other_funder,
        grant_id,
        start_date,
        end_date,
        end_date is null or end_date >= current_date as is_current
    from funders

)

select * from final
