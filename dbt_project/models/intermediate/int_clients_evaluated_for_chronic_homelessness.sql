{#- Chronic homelessness at project start (glossary §8.2-8.4): each enrollment's own status from HUD's
    decision table (disability, then living situation, then time homeless), then the household rule:
    if anyone present at the household's start is chronically homeless, everyone present then is;
    a child present then follows the adults. -#}
{#- The time test (§8.3 a-c): how long and how often homeless before entry. -#}
{%- set time_test -%}
    case
        when {{ days_between('date_to_street_essh', 'entry_date') }} >= 365 then 'homeless_since_a_year_before_entry'
        when times_homeless_past_three_years in (1, 2, 3) then 'fewer_than_four_times'
        when times_homeless_past_three_years in (8, 9) then 'times_homeless_dk_pnta'
        when times_homeless_past_three_years is null or times_homeless_past_three_years <> 4 then 'times_homeless_missing'
        when months_homeless_past_three_years in (112, 113) then 'twelve_months_or_more'
        when months_homeless_past_three_years between 101 and 111 then 'fewer_than_twelve_months'
        when months_homeless_past_three_years in (8, 9) then 'months_homeless_dk_pnta'
        else 'months_homeless_missing'
    end
{%- endset %}

with

enrollments as (

    select * from {{ ref('int_enrollments') }}

),

enrollment_elements as (

    select * from {{ ref('stg_hmis__enrollments') }}

),

disabilities as (

    select * from {{ ref('stg_hmis__disabilities') }}

),

project_type_groups as (

    select * from {{ ref('project_type_groups') }}

),

-- "Indefinite and impairing" disabilities recorded at project start (§8.2).
disabled_at_start as (

    select distinct enrollment_key
    from disabilities
    where data_collection_stage = 1
        and {{ is_indefinite_and_impairing('disability_type', 'disability_response', 'indefinite_and_impairs') }}

),

inputs as (

    select
        enrollments.enrollment_key,
        enrollments.household_key,
        enrollments.personal_key,
        enrollments.entry_date,
        enrollments.project_type,
        enrollments.is_head_of_household,
        enrollments.age_at_entry,
        enrollment_elements.disabling_condition,
        enrollment_elements.living_situation,
        enrollment_elements.los_under_threshold,
        enrollment_elements.previous_street_essh,
        enrollment_elements.date_to_street_essh,
        enrollment_elements.times_homeless_past_three_years,
        enrollment_elements.months_homeless_past_three_years,
        enrollment_elements.disabling_condition = 1 or disabled_at_start.enrollment_key is not null as is_disabled,
        enrollments.project_type in (
            select project_type from project_type_groups where project_type_group = 'literally_homeless'
        ) as is_literally_homeless_project
    from enrollments
    inner join enrollment_elements
        on enrollments.enrollment_key = enrollment_elements.enrollment_key
    left join disabled_at_start
        on enrollments.enrollment_key = disabled_at_start.enrollment_key

),

-- HUD's decision table (§8.3), first matching step wins. Stays in ES, SO and SH, and entries from a
-- homeless situation (100-199), go straight to the time test; others first need a short stay
-- (LOSUnderThreshold) and a homeless night before (PreviousStreetESSH).
decided as (

    select
        inputs.*,
        case
            when not coalesce(is_disabled, false) and disabling_condition = 0 then 'not_disabled'
            when not coalesce(is_disabled, false) and disabling_condition in (8, 9) then 'disability_dk_pnta'
            when not coalesce(is_disabled, false) then 'disability_missing'
            when is_literally_homeless_project then {{ time_test }}
            when living_situation is null then 'living_situation_missing'
            when living_situation between 100 and 199 then {{ time_test }}
            when los_under_threshold = 0 then 'stay_over_threshold'
            when los_under_threshold is null or los_under_threshold <> 1 then 'stay_threshold_missing'
            when previous_street_essh = 0 then 'not_homeless_night_before'
            when previous_street_essh is null or previous_street_essh <> 1 then 'night_before_missing'
            else {{ time_test }}
        end as chronic_decision_step
    from inputs

),

own_status as (

    select
        decided.*,
        case
            when chronic_decision_step in ('homeless_since_a_year_before_entry', 'twelve_months_or_more') then 'yes'
            when chronic_decision_step in (
                'not_disabled', 'stay_over_threshold', 'not_homeless_night_before',
                'fewer_than_four_times', 'fewer_than_twelve_months'
            ) then 'no'
            when chronic_decision_step like '%dk_pnta' then 'dk_pnta'
            else 'missing'
        end as chronic_status_own,
        min(entry_date) over (partition by household_key) as household_entry_date
    from decided

),

members as (

    select
        own_status.*,
        entry_date = household_entry_date as is_present_at_household_start,
        coalesce(is_head_of_household or age_at_entry >= 18, false) as is_adult_or_head,
        coalesce(not is_head_of_household and age_at_entry between 0 and 17, false) as is_child
    from own_status

),

-- What the members present at the household's start say (§8.4).
household_start as (

    select
        household_key,
        max(case when chronic_status_own = 'yes' then 1 else 0 end) as anyone_chronic,
        max(case when is_adult_or_head and chronic_status_own = 'no' then 1 else 0 end) as any_adult_not_chronic,
        sum(case when is_adult_or_head then 1 else 0 end) as adult_count,
        sum(case when is_adult_or_head and chronic_status_own in ('dk_pnta', 'missing') then 1 else 0 end)
            as adult_unknown_count,
        max(case when is_head_of_household then chronic_status_own end) as head_status
    from members
    where is_present_at_household_start
    group by household_key

),

evaluated as (

    select
        -- keys
        members.enrollment_key,
        members.household_key,
        members.personal_key,

        -- who
        members.entry_date,
        members.project_type,
        members.is_head_of_household,
        members.is_adult_or_head,
        members.is_child,
        members.is_present_at_household_start,

        -- the evaluation
        coalesce(members.is_disabled, false) as is_disabled,
        members.chronic_decision_step,
        members.chronic_status_own,
        case
            when members.is_present_at_household_start and household_start.anyone_chronic = 1 then 'yes'
            when members.is_present_at_household_start and members.is_child
                and household_start.any_adult_not_chronic = 1 then 'no'
            when members.is_present_at_household_start and members.is_child
                and household_start.adult_count > 0
                and household_start.adult_count = household_start.adult_unknown_count
                then coalesce(household_start.head_status, members.chronic_status_own)
            else members.chronic_status_own
        end as chronic_status

    from members
    left join household_start
        on members.household_key = household_start.household_key

),

final as (

    select
        evaluated.*,
        evaluated.chronic_status = 'yes' as is_chronically_homeless,
        case when evaluated.chronic_status = evaluated.chronic_status_own then 'own' else 'household' end
            as chronic_status_basis
    from evaluated

)

select * from final
