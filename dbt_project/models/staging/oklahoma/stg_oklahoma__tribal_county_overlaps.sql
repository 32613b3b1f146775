{#- Where tribal areas and counties overlap (Census boundaries intersected in seeds/oklahoma), without
    the slivers that are only boundary artifacts: a county can touch several tribal areas. -#}
with

overlap_rows as (

    select * from {{ ref('tribal_county_overlap') }}

),

kept as (

    select
        -- keys
        census_code as tribal_area_code,
        county_fips,

        -- names
        tribal_area as tribal_area_name,
        county_name,
        coc_code,

        -- area shares
        overlap_km2,
        pct_of_county_area / 100.0 as share_of_county_area,
        pct_of_tribal_area / 100.0 as share_of_tribal_area,
        case when class like 'whole%' then 'whole' else 'partial' end as overlap_class

    from overlap_rows
    where class not like 'sliver%'

)

select * from kept
