{{ config(materialized='ephemeral') }}
{#- Person-nights and bed-nights per project and period, for utilisation (average persons a night over
    average beds). Nights are counted up to the last day the data covers. Night-by-night shelters count
    their bed-night services; permanent housing counts from the (adjusted) move-in date, as the HIC and
    PIT do; other residential projects from entry to the night before exit. Beds come from the inventory
    records in force each night. -#}
with

stays as (

    select * from {{ ref('planning_stays') }}

),

periods as (

    select * from {{ ref('funder_outcome_periods') }}

),

projects as (

    select * from {{ ref('dim_project') }}

),

move_ins as (

    select * from {{ ref('int_move_in_adjusted') }}

),

bed_night_services as (

    select * from {{ ref('int_bed_nights') }}

),

inventory as (

    select * from {{ ref('stg_hmis__inventory') }}

),

-- When each stay starts and stops occupying a bed (the stop night is not slept there).
occupancy as (

    select
        stays.project_key,
        case when projects.is_permanent_housing_project_type then move_ins.move_in_date_adjusted else stays.entry_date end
            as occupied_from,
        stays.exit_date as occupied_until
    from stays
    inner join projects
        on stays.project_key = projects.project_key
    left join move_ins
        on stays.enrollment_key = move_ins.enrollment_key
    where projects.is_residential_project_type
        and projects.project_type <> 1
        and (not projects.is_permanent_housing_project_type or coalesce(move_ins.is_moved_in, false))

),

stay_nights as (

    select
        periods.period_type,
        periods.period_start,
        occupancy.project_key,
        sum({{ days_between(
            'greatest(occupancy.occupied_from, periods.period_start)',
            'least(coalesce(occupancy.occupied_until, ' ~ add_days(1, 'periods.covered_end_date') ~ '), ' ~ add_days(1, 'periods.covered_end_date') ~ ')'
        ) }}) as person_nights
    from occupancy
    inner join periods
        on occupancy.occupied_from <= periods.covered_end_date
        and (occupancy.occupied_until is null or occupancy.occupied_until > periods.period_start)
    group by periods.period_type, periods.period_start, occupancy.project_key

),

service_nights as (

    select periods.period_type, periods.period_start, bed_night_services.project_key, count(*) as person_nights
    from bed_night_services
    inner join periods
        on bed_night_services.bed_night_date between periods.period_start and periods.covered_end_date
    group by periods.period_type, periods.period_start, bed_night_services.project_key

),

bed_nights as (

    select
        periods.period_type,
        periods.period_start,
        inventory.project_key,
        sum(inventory.bed_inventory * ({{ days_between(
            'greatest(inventory.inventory_start_date, periods.period_start)',
            'least(coalesce(inventory.inventory_end_date, periods.covered_end_date), periods.covered_end_date)'
        ) }} + 1)) as bed_nights
    from inventory
    inner join periods
        on inventory.inventory_start_date <= periods.covered_end_date
        and (inventory.inventory_end_date is null or inventory.inventory_end_date >= periods.period_start)
    where inventory.bed_inventory > 0
    group by periods.period_type, periods.period_start, inventory.project_key

),

person_nights as (

    select * from stay_nights
    union all
    select * from service_nights

),

final as (

    select
        bed_nights.period_type,
        bed_nights.period_start,
        bed_nights.project_key,
        cast(coalesce(person_nights.person_nights, 0) as {{ dbt.type_bigint() }}) as person_nights,
        cast(bed_nights.bed_nights as {{ dbt.type_bigint() }}) as bed_nights
    from bed_nights
    left join person_nights
        on bed_nights.period_type = person_nights.period_type
        and bed_nights.period_start = person_nights.period_start
        and bed_nights.project_key = person_nights.project_key

)

select * from final
