{{ config(materialized='ephemeral') }}
{#- One row per period, project and person served there (never materialised): whether the person left in
    the period, how long the last stay that ended in it lasted, whether it ended in a permanent destination
    and whether the person came back to homelessness within 12 months (as planning_returns decides), and,
    for adults, their total income at start and at the exit or annual assessment in the period. -#}
with

stays as (

    select * from {{ ref('planning_stays') }}

),

periods as (

    select * from {{ ref('funder_outcome_periods') }}

),

income as (

    select * from {{ ref('int_income_assessments') }} where is_selected_assessment

),

system_stays as (

    select * from stays where project_type_group in ('homeless', 'permanent_housing')

),

active as (

    select
        periods.period_type,
        periods.period_start,
        periods.period_end,
        stays.*,
        stays.exit_date is not null and stays.exit_date <= periods.period_end as is_exit_in_period
    from stays
    inner join periods
        on stays.entry_date <= periods.period_end
        and (stays.exit_date is null or stays.exit_date >= periods.period_start)

),

-- The last stay of each person in each project and period decides the person's outcome there.
ranked as (

    select
        active.*,
        row_number() over (
            partition by period_type, period_start, project_key, person_key
            order by case when is_exit_in_period then 0 else 1 end, exit_date desc, entry_date desc, enrollment_key desc
        ) as stay_rank
    from active

),

last_stays as (

    select * from ranked where stay_rank = 1

),

returns as (

    select last_stays.enrollment_key, min({{ days_between('last_stays.exit_date', 'later.entry_date') }}) as days_to_return
    from last_stays
    inner join system_stays as later
        on last_stays.person_key = later.person_key
        and later.enrollment_key <> last_stays.enrollment_key
    where last_stays.is_exit_in_period
        and last_stays.is_permanent_destination
        and later.entry_date <= {{ add_days(730, 'last_stays.exit_date') }}
        and (
            (later.project_type_group = 'homeless' and later.entry_date >= last_stays.exit_date)
            or (later.project_type_group = 'permanent_housing' and later.entry_date > {{ add_days(14, 'last_stays.exit_date') }})
        )
    group by last_stays.enrollment_key

),

income_at_start as (

    select enrollment_key, total_monthly_income_computed as start_income
    from income
    where assessment_point = 'start'

),

-- The follow-up in a period: the exit assessment when the stay ended in it, else the latest annual one in it.
income_follow_ups as (

    select * from (
        select
            last_stays.period_type,
            last_stays.period_start,
            last_stays.enrollment_key,
            income.total_monthly_income_computed as follow_up_income,
            row_number() over (
                partition by last_stays.period_type, last_stays.period_start, last_stays.enrollment_key
                order by case when income.assessment_point = 'exit' then 0 else 1 end, income.information_date desc
            ) as follow_up_rank
        from last_stays
        inner join income
            on last_stays.enrollment_key = income.enrollment_key
        where (income.assessment_point = 'exit' and last_stays.is_exit_in_period)
            or (
                income.assessment_point = 'annual'
                and income.information_date between last_stays.period_start and last_stays.period_end
            )
    ) as ranked_follow_ups
    where follow_up_rank = 1

),

final as (

    select
        last_stays.period_type,
        last_stays.period_start,
        last_stays.project_key,
        last_stays.person_key,
        last_stays.is_exit_in_period as is_leaver,
        last_stays.is_exit_in_period and last_stays.is_permanent_destination as is_exit_to_permanent,
        case when last_stays.is_exit_in_period
            then {{ days_between('last_stays.entry_date', 'last_stays.exit_date') }}
        end as length_of_stay_days,
        coalesce(returns.days_to_return <= 365, false) as returned_within_12m,
        coalesce(last_stays.age_at_entry >= 18, false)
            and income_at_start.start_income is not null
            and income_follow_ups.follow_up_income is not null as is_adult_with_income_pair,
        coalesce(last_stays.age_at_entry >= 18, false)
            and income_follow_ups.follow_up_income > income_at_start.start_income as is_income_increased
    from last_stays
    left join returns
        on last_stays.enrollment_key = returns.enrollment_key
    left join income_at_start
        on last_stays.enrollment_key = income_at_start.enrollment_key
    left join income_follow_ups
        on last_stays.period_type = income_follow_ups.period_type
        and last_stays.period_start = income_follow_ups.period_start
        and last_stays.enrollment_key = income_follow_ups.enrollment_key

)

select * from final
