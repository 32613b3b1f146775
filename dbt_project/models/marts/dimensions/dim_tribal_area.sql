{#- Tribal areas (Census AIANNH) that touch CDSA's CoCs; counties relate to them many-to-many through
    bridge_tribal_area_county. -#}
with

tribal_areas as (

    select * from {{ ref('tribal_areas') }}

),

overlaps as (

    select * from {{ ref('stg_oklahoma__tribal_county_overlaps') }}

),

county_counts as (

    select tribal_area_code, count(*) as county_count, sum(overlap_km2) as area_km2_in_listed_counties
    from overlaps
    group by tribal_area_code

),

final as (

    select
        tribal_areas.census_code as tribal_area_code,
        tribal_areas.tribal_area as tribal_area_name,
        tribal_areas.coc_codes,
        coalesce(county_counts.county_count, 0) as county_count,
        county_counts.area_km2_in_listed_counties
    from tribal_areas
    left join county_counts
        on tribal_areas.census_code = county_counts.tribal_area_code

)

select * from final
