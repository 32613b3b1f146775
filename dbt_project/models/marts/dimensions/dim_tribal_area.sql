{#- Tribal areas (Census AIANNH) that overlap the counties the warehouse knows; those touching CDSA's
    CoCs carry the reference notes. Counties relate to them many-to-many through
    bridge_tribal_area_county. -#}
with

tribal_areas as (

    select * from {{ ref('tribal_areas') }}

),

county_overlaps as (

    select * from {{ ref('stg_oklahoma__tribal_county_overlaps') }}

),

overlapping_areas as (

    select
        tribal_area_code,
        min(tribal_area_name) as tribal_area_name,
        count(*) as county_count,
        sum(overlap_km2) as area_km2_in_listed_counties
    from county_overlaps
    group by tribal_area_code

),

all_areas as (

    select census_code as tribal_area_code from tribal_areas
    union
    select tribal_area_code from overlapping_areas

),

final as (

    select
        all_areas.tribal_area_code,
        coalesce(tribal_areas.tribal_area, overlapping_areas.tribal_area_name) as tribal_area_name,
        tribal_areas.census_code is not null as touches_cdsa_coc,
        tribal_areas.coc_codes,
        coalesce(overlapping_areas.county_count, 0) as county_count,
        overlapping_areas.area_km2_in_listed_counties
    from all_areas
    left join tribal_areas
        on all_areas.tribal_area_code = tribal_areas.census_code
    left join overlapping_areas
        on all_areas.tribal_area_code = overlapping_areas.tribal_area_code

)

select * from final
