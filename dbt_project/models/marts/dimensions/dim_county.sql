{#- Oklahoma counties the warehouse knows: those of CDSA's CoCs and those a tribal area of theirs
    reaches, with the CoC and the HUD geocode where known. -#}
with

coc_counties as (

    select * from {{ ref('coc_counties') }}

),

geocodes as (

    select * from {{ ref('hud_geocodes') }}

),

tribal_overlaps as (

    select * from {{ ref('stg_oklahoma__tribal_county_overlaps') }}

),

counties as (

    select county_fips, county_name from coc_counties
    union
    select county_fips, county_name from tribal_overlaps

),

one_row_per_county as (

    select county_fips, min(county_name) as county_name
    from counties
    group by county_fips

),

final as (

    select
        one_row_per_county.county_fips,
        one_row_per_county.county_name,
        coc_counties.coc_code,
        coc_counties.coc_code is not null as is_in_cdsa_coc,
        geocodes.geocode
    from one_row_per_county
    left join coc_counties
        on one_row_per_county.county_fips = coc_counties.county_fips
    left join geocodes
        on one_row_per_county.county_fips = geocodes.county_fips

)

select * from final
