{#- Persons served, households served, persons entering and persons exiting per month and quarter, at three
    levels (CoC, agency, project), in total and by HUD project type: the Overview page for every role. Each
    level is counted distinct at that level, so an agency's persons are not the sum of its projects'. -#}
with

stays as (

    select * from {{ ref('planning_stays') }}

),

periods as (

    select * from {{ ref('planning_periods') }} where period_type in ('month', 'quarter')

),

-- A stay is active in a period when it starts by the period's end and has not ended before it starts.
active as (

    select
        periods.period_type,
        periods.period_start,
        stays.coc_code,
        stays.organization_key,
        stays.project_key,
        cast(stays.project_type as {{ dbt.type_string() }}) as project_type,
        stays.person_key,
        stays.household_head_key,
        stays.entry_date >= periods.period_start as is_entry,
        stays.exit_date is not null and stays.exit_date <= periods.period_end as is_exit
    from stays
    inner join periods
        on stays.entry_date <= periods.period_end
        and (stays.exit_date is null or stays.exit_date >= periods.period_start)

),

counted as (

    select
        period_type,
        period_start,
        coc_code,
        organization_key,
        project_key,
        project_type,
        grouping(organization_key) as is_above_agency,
        grouping(project_key) as is_above_project,
        grouping(project_type) as is_all_types,
        count(distinct person_key) as persons_served,
        count(distinct household_head_key) as households_served,
        count(distinct case when is_entry then person_key end) as persons_entering,
        count(distinct case when is_exit then person_key end) as persons_exiting
    from active
    group by grouping sets (
        (period_type, period_start, coc_code),
        (period_type, period_start, coc_code, project_type),
        (period_type, period_start, coc_code, organization_key),
        (period_type, period_start, coc_code, organization_key, project_type),
        (period_type, period_start, coc_code, organization_key, project_key),
        (period_type, period_start, coc_code, organization_key, project_key, project_type)
    )

),

final as (

    select
        -- grain
        counted.period_type,
        counted.period_start,
        case
            when counted.is_above_agency = 1 then 'coc'
            when counted.is_above_project = 1 then 'agency'
            else 'project'
        end as scope_level,
        counted.coc_code,
        counted.organization_key,
        counted.project_key,
        case when counted.is_all_types = 1 then 'all' else coalesce(counted.project_type, 'unknown') end as project_type,

        -- the period
        periods.period_end,
        periods.period_label,
        periods.is_complete_period,

        -- counts
        counted.persons_served,
        counted.households_served,
        counted.persons_entering,
        counted.persons_exiting

    from counted
    inner join periods
        on counted.period_type = periods.period_type
        and counted.period_start = periods.period_start
    -- a stay whose project is unknown (deleted in the HMIS, its enrollments not) counts for the CoC only
    where counted.is_above_agency = 1 or counted.organization_key is not null

)

select * from final
