{#- Inflow and outflow of each CoC's homeless response system (homeless and permanent housing project
    types) per month, quarter and fiscal year. Inflow: persons who entered in the period and were not
    already enrolled when it began; first-time when they had no stay anywhere in the warehouse in the 24
    months before (SPM Measure 5's look-back), else returning. Outflow: persons who exited in the period
    and were no longer enrolled at its end, by the destination of their last exit (permanent or other). -#}
with

stays as (

    select * from {{ ref('planning_stays') }} where project_type_group in ('homeless', 'permanent_housing')

),

periods as (

    select * from {{ ref('planning_periods') }}

),

enrolled_at_start as (

    select distinct periods.period_type, periods.period_start, stays.coc_code, stays.person_key
    from stays
    inner join periods
        on stays.entry_date < periods.period_start
        and (stays.exit_date is null or stays.exit_date >= periods.period_start)

),

enrolled_at_end as (

    select distinct periods.period_type, periods.period_start, stays.coc_code, stays.person_key
    from stays
    inner join periods
        on stays.entry_date <= periods.period_end
        and (stays.exit_date is null or stays.exit_date > periods.period_end)

),

entries as (

    select periods.period_type, periods.period_start, stays.coc_code, stays.person_key, min(stays.entry_date) as first_entry_date
    from stays
    inner join periods
        on stays.entry_date between periods.period_start and periods.period_end
    group by periods.period_type, periods.period_start, stays.coc_code, stays.person_key

),

inflow as (

    select
        entries.*,
        not exists (
            select 1
            from stays as earlier
            where earlier.person_key = entries.person_key
                and earlier.entry_date < entries.first_entry_date
                and (earlier.exit_date is null or earlier.exit_date >= {{ add_days(-730, 'entries.first_entry_date') }})
        ) as is_first_time
    from entries
    left join enrolled_at_start
        on entries.period_type = enrolled_at_start.period_type
        and entries.period_start = enrolled_at_start.period_start
        and entries.coc_code = enrolled_at_start.coc_code
        and entries.person_key = enrolled_at_start.person_key
    where enrolled_at_start.person_key is null

),

exits_ranked as (

    select
        periods.period_type,
        periods.period_start,
        stays.coc_code,
        stays.person_key,
        stays.is_permanent_destination,
        row_number() over (
            partition by periods.period_type, periods.period_start, stays.coc_code, stays.person_key
            order by stays.exit_date desc, stays.enrollment_key desc
        ) as exit_rank
    from stays
    inner join periods
        on stays.exit_date between periods.period_start and periods.period_end

),

outflow as (

    select exits_ranked.*
    from exits_ranked
    left join enrolled_at_end
        on exits_ranked.period_type = enrolled_at_end.period_type
        and exits_ranked.period_start = enrolled_at_end.period_start
        and exits_ranked.coc_code = enrolled_at_end.coc_code
        and exits_ranked.person_key = enrolled_at_end.person_key
    where exits_ranked.exit_rank = 1
        and enrolled_at_end.person_key is null

),

inflow_counts as (

    select
        period_type,
        period_start,
        coc_code,
        sum(case when is_first_time then 1 else 0 end) as inflow_first_time,
        sum(case when is_first_time then 0 else 1 end) as inflow_returning
    from inflow
    group by period_type, period_start, coc_code

),

outflow_counts as (

    select
        period_type,
        period_start,
        coc_code,
        sum(case when is_permanent_destination then 1 else 0 end) as outflow_permanent,
        sum(case when is_permanent_destination then 0 else 1 end) as outflow_other
    from outflow
    group by period_type, period_start, coc_code

),

coc_periods as (

    select distinct periods.period_type, periods.period_start, stays.coc_code
    from stays
    inner join periods
        on stays.entry_date <= periods.period_end
        and (stays.exit_date is null or stays.exit_date >= periods.period_start)

),

final as (

    select
        -- grain
        coc_periods.period_type,
        coc_periods.period_start,
        coc_periods.coc_code,

        -- the period
        periods.period_end,
        periods.period_label,
        periods.is_complete_period,

        -- counts (persons)
        cast(coalesce(inflow_counts.inflow_first_time, 0) as {{ dbt.type_bigint() }}) as inflow_first_time,
        cast(coalesce(inflow_counts.inflow_returning, 0) as {{ dbt.type_bigint() }}) as inflow_returning,
        cast(coalesce(outflow_counts.outflow_permanent, 0) as {{ dbt.type_bigint() }}) as outflow_permanent,
        cast(coalesce(outflow_counts.outflow_other, 0) as {{ dbt.type_bigint() }}) as outflow_other

    from coc_periods
    inner join periods
        on coc_periods.period_type = periods.period_type
        and coc_periods.period_start = periods.period_start
    left join inflow_counts
        on coc_periods.period_type = inflow_counts.period_type
        and coc_periods.period_start = inflow_counts.period_start
        and coc_periods.coc_code = inflow_counts.coc_code
    left join outflow_counts
        on coc_periods.period_type = outflow_counts.period_type
        and coc_periods.period_start = outflow_counts.period_start
        and coc_periods.coc_code = outflow_counts.coc_code

)

select * from final
