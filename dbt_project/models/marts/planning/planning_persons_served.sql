{#- Persons and households served per month, quarter and fiscal year and CoC, broken down by county,
    tribal area, household type and project type group (plus the CoC itself): the planners' trends. A
    county's persons are those served by projects located in it (ProjectCoC geocode). A tribal area's are
    those served in any county that overlaps the area (bridge_tribal_area_county, slivers excluded): an
    indicator, not a share-weighted estimate, because people cannot be split; counties touching several
    areas count in each. -#}
with

stays as (

    select * from {{ ref('planning_stays') }}

),

periods as (

    select * from {{ ref('planning_periods') }}

),

cocs as (

    select * from {{ ref('dim_coc') }}

),

counties as (

    select * from {{ ref('dim_county') }}

),

tribal_areas as (

    select * from {{ ref('dim_tribal_area') }}

),

tribal_counties as (

    select * from {{ ref('bridge_tribal_area_county') }}

),

active as (

    select
        periods.period_type,
        periods.period_start,
        stays.coc_code,
        coalesce(stays.county_fips, 'unknown') as county_fips,
        stays.household_type,
        stays.project_type_group,
        stays.person_key,
        stays.household_head_key
    from stays
    inner join periods
        on stays.entry_date <= periods.period_end
        and (stays.exit_date is null or stays.exit_date >= periods.period_start)

),

by_coc_county_household_group as (

    select
        period_type,
        period_start,
        coc_code,
        case
            when grouping(county_fips) = 0 then 'county'
            when grouping(household_type) = 0 then 'household_type'
            when grouping(project_type_group) = 0 then 'project_type_group'
            else 'coc'
        end as breakdown,
        case
            when grouping(county_fips) = 0 then county_fips
            when grouping(household_type) = 0 then household_type
            when grouping(project_type_group) = 0 then project_type_group
            else coc_code
        end as breakdown_value,
        count(distinct person_key) as persons_served,
        count(distinct household_head_key) as households_served
    from active
    group by grouping sets (
        (period_type, period_start, coc_code),
        (period_type, period_start, coc_code, county_fips),
        (period_type, period_start, coc_code, household_type),
        (period_type, period_start, coc_code, project_type_group)
    )

),

by_tribal_area as (

    select
        active.period_type,
        active.period_start,
        active.coc_code,
        'tribal_area' as breakdown,
        tribal_counties.tribal_area_code as breakdown_value,
        count(distinct active.person_key) as persons_served,
        count(distinct active.household_head_key) as households_served
    from active
    inner join tribal_counties
        on active.county_fips = tribal_counties.county_fips
    group by active.period_type, active.period_start, active.coc_code, tribal_counties.tribal_area_code

),

counted as (

    select * from by_coc_county_household_group
    union all
    select * from by_tribal_area

),

final as (

    select
        -- grain
        counted.period_type,
        counted.period_start,
        counted.coc_code,
        counted.breakdown,
        counted.breakdown_value,

        -- labels
        case counted.breakdown
            when 'coc' then coalesce(cocs.coc_name, counted.coc_code)
            when 'county' then coalesce(counties.county_name, 'County not known')
            when 'tribal_area' then tribal_areas.tribal_area_name
            when 'household_type' then case counted.breakdown_value
                when 'without_children' then 'Without children'
                when 'with_children_and_adults' then 'With children and adults'
                when 'with_only_children' then 'With only children'
                else 'Unknown household type'
            end
            else case counted.breakdown_value
                when 'homeless' then 'Homeless projects (ES, SH, TH, SO)'
                when 'permanent_housing' then 'Permanent housing (PSH, PH, RRH)'
                else 'Other projects (services, prevention, CE)'
            end
        end as breakdown_label,

        -- the period
        periods.period_end,
        periods.period_label,
        periods.is_complete_period,

        -- counts
        counted.persons_served,
        counted.households_served

    from counted
    inner join periods
        on counted.period_type = periods.period_type
        and counted.period_start = periods.period_start
    left join cocs
        on counted.breakdown = 'coc'
        and counted.breakdown_value = cocs.coc_code
    left join counties
        on counted.breakdown = 'county'
        and counted.breakdown_value = counties.county_fips
    left join tribal_areas
        on counted.breakdown = 'tribal_area'
        and counted.breakdown_value = tribal_areas.tribal_area_code

)

select * from final
