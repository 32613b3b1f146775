{#- Returns to homelessness after exits to permanent housing, per exit month, quarter and fiscal year and
    CoC: persons whose first exit to a permanent destination in the period was from a homeless or permanent
    housing project, and how many of them entered a homeless project (ES, SH, TH, SO), or permanent housing
    more than 14 days after the exit, within 6, 12 and 24 months (180, 365, 730 days; SPM Measure 2's
    windows, anywhere in the warehouse). A window still open at the end of the data is flagged. -#}
with

stays as (

    select * from {{ ref('planning_stays') }} where project_type_group in ('homeless', 'permanent_housing')

),

periods as (

    select * from {{ ref('planning_periods') }}

),

permanent_exits as (

    select
        periods.period_type,
        periods.period_start,
        stays.coc_code,
        stays.person_key,
        stays.enrollment_key,
        stays.exit_date,
        row_number() over (
            partition by periods.period_type, periods.period_start, stays.coc_code, stays.person_key
            order by stays.exit_date, stays.enrollment_key
        ) as exit_rank
    from stays
    inner join periods
        on stays.exit_date between periods.period_start and periods.period_end
    where stays.is_permanent_destination

),

cohort as (

    select * from permanent_exits where exit_rank = 1

),

first_returns as (

    select
        cohort.period_type,
        cohort.period_start,
        cohort.coc_code,
        cohort.person_key,
        min({{ days_between('cohort.exit_date', 'later.entry_date') }}) as days_to_return
    from cohort
    inner join stays as later
        on cohort.person_key = later.person_key
        and later.enrollment_key <> cohort.enrollment_key
    where later.entry_date <= {{ add_days(730, 'cohort.exit_date') }}
        and (
            (later.project_type_group = 'homeless' and later.entry_date >= cohort.exit_date)
            or (later.project_type_group = 'permanent_housing' and later.entry_date > {{ add_days(14, 'cohort.exit_date') }})
        )
    group by cohort.period_type, cohort.period_start, cohort.coc_code, cohort.person_key

),

counted as (

    select
        cohort.period_type,
        cohort.period_start,
        cohort.coc_code,
        count(*) as exits_to_permanent,
        sum(case when first_returns.days_to_return <= 180 then 1 else 0 end) as returned_6m,
        sum(case when first_returns.days_to_return <= 365 then 1 else 0 end) as returned_12m,
        sum(case when first_returns.days_to_return <= 730 then 1 else 0 end) as returned_24m
    from cohort
    left join first_returns
        on cohort.period_type = first_returns.period_type
        and cohort.period_start = first_returns.period_start
        and cohort.coc_code = first_returns.coc_code
        and cohort.person_key = first_returns.person_key
    group by cohort.period_type, cohort.period_start, cohort.coc_code

),

final as (

    select
        -- grain
        counted.period_type,
        counted.period_start,
        counted.coc_code,

        -- the period
        periods.period_end,
        periods.period_label,
        periods.is_complete_period,
        {{ days_between('periods.period_end', 'periods.data_end_date') }} as days_observed_after_period,
        {{ add_days(180, 'periods.period_end') }} <= periods.data_end_date as is_6m_window_closed,
        {{ add_days(365, 'periods.period_end') }} <= periods.data_end_date as is_12m_window_closed,
        {{ add_days(730, 'periods.period_end') }} <= periods.data_end_date as is_24m_window_closed,

        -- counts (persons)
        cast(counted.exits_to_permanent as {{ dbt.type_bigint() }}) as exits_to_permanent,
        cast(counted.returned_6m as {{ dbt.type_bigint() }}) as returned_6m,
        cast(counted.returned_12m as {{ dbt.type_bigint() }}) as returned_12m,
        cast(counted.returned_24m as {{ dbt.type_bigint() }}) as returned_24m,

        -- rates (fractions of exits_to_permanent)
        cast(counted.returned_6m as {{ dbt.type_float() }}) / counted.exits_to_permanent as return_rate_6m,
        cast(counted.returned_12m as {{ dbt.type_float() }}) / counted.exits_to_permanent as return_rate_12m,
        cast(counted.returned_24m as {{ dbt.type_float() }}) / counted.exits_to_permanent as return_rate_24m

    from counted
    inner join periods
        on counted.period_type = periods.period_type
        and counted.period_start = periods.period_start

)

select * from final
