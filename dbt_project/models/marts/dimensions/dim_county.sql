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

    select county_fips, county_name, coc_code from coc_counties
    union
    select county_fips, county_name, coc_code from tribal_overlaps

),

one_row_per_county as (

    select
        county_fips,
        min(county_name) as county_name,
        min(case when coc_code in (select coc_code from coc_counties) then coc_code end) as cdsa_coc_code,
        min(coc_code) as coc_code
    from counties
    group by county_fips

),

final as (

    select
        one_row_per_county.county_fips,
        one_row_per_county.county_name,
        coalesce(one_row_per_county.cdsa_coc_code, one_row_per_county.coc_code) as coc_code,
        one_row_per_county.cdsa_coc_code is not null as is_in_cdsa_coc,
        geocodes.geocode
    from one_row_per_county
    left join geocodes
        on one_row_per_county.county_fips = geocodes.county_fips

)

select * from final
