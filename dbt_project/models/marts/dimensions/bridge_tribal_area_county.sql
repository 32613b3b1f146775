{#- The many-to-many between tribal areas and counties, with each side's area share: weight a county
    figure by share_of_county_area to apportion it to a tribal area. -#}
select
    tribal_area_code,
    county_fips,
    tribal_area_name,
    county_name,
    overlap_km2,
    share_of_county_area,
    share_of_tribal_area,
    overlap_class
from {{ ref('stg_oklahoma__tribal_county_overlaps') }}
