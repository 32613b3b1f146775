{#- One row per period and enrollment in HUD's DQ universe for that period (apr-caper.md §0: active
    in the quarter by start/exit overlap; night-by-night shelter stays need a bed night in the quarter
    or an exit in it; outreach stays need engagement by the quarter's end), with which scopes count
    it as the person's latest stay (HUD: one stay per person), the person's age group, leaver/stayer
    status and every element's status. Every framework cell drills down to these rows. -#}
{%- set source_flags = [] -%}
{%- for flag, amount in income_sources() -%}
    {%- do source_flags.append('coalesce(income.' ~ flag ~ ', 0)') -%}
{%- endfor %}
with

periods as (

    select * from {{ ref('dq_periods') }}

),

enrollments as (

    select * from {{ ref('dq_enrollment_facts') }}

),

statuses as (

    select * from {{ ref('dq_hud_framework_enrollment_statuses') }}

),

bed_nights as (

    select * from {{ ref('int_bed_nights') }}

),

income as (

    select * from {{ ref('stg_hmis__income_benefits') }}

),

households as (

    select * from {{ ref('int_households_identified') }}

),

active as (

    select
        periods.period_id,
        periods.period_start,
        periods.period_end,
        enrollments.*,
        -- data after the period's end has not happened yet
        case when enrollments.exit_date <= periods.period_end then enrollments.exit_date end as period_exit_date
    from enrollments
    inner join periods
        on enrollments.entry_date <= periods.period_end
        and (enrollments.exit_date is null or enrollments.exit_date >= periods.period_start)
    where (enrollments.project_type <> 4 or enrollments.date_of_engagement <= periods.period_end)
        and (
            enrollments.project_type <> 1
            or enrollments.exit_date between periods.period_start and periods.period_end
            or exists (
                select 1 from bed_nights
                where bed_nights.enrollment_key = enrollments.enrollment_key
                    and bed_nights.bed_night_date between periods.period_start and periods.period_end
            )
        )

),

described as (

    select
        active.*,
        {{ age_group(age_in_years('dob', "case when entry_date > period_start then entry_date else period_start end")) }}
            as age_group,
        period_exit_date is not null as is_leaver,
        coalesce(households.first_head_entry_date, entry_date) as annual_anchor_date
    from active
    left join households
        on active.household_key = households.household_key

),

ranked as (

    select
        described.*,
        {%- for level, scope_key in [('project', 'project_key'), ('agency', 'organization_key'), ('coc', 'coc_code')] %}
        row_number() over (
            partition by period_id, {{ scope_key }}, personal_key
            order by entry_date desc, case when period_exit_date is null then 0 else 1 end, period_exit_date desc, enrollment_id desc
        ) = 1 as is_latest_in_{{ level }}{{ ',' if not loop.last }}
        {%- endfor %}
    from described

),

-- HUD §11: stayers past an anniversary of the household's start need an annual assessment dated
-- within 30 days of it (not after the period's end).
annual_due as (

    select * from (
        select
            ranked.period_id,
            ranked.enrollment_key,
            {{ age_in_years('annual_anchor_date', 'period_end') }} as anniversary_number,
            annual_anchor_date,
            period_end,
            entry_date
        from ranked
        where not is_leaver and (age_group = 'adult' or is_head_of_household)
    ) as aged
    where anniversary_number >= 1
        and {{ add_years('anniversary_number', 'annual_anchor_date') }} >= entry_date

),

annual_records as (

    select * from (
        select
            annual_due.period_id,
            annual_due.enrollment_key,
            income.income_from_any_source,
            ({{ source_flags | join(' + ') }}) as flagged_source_count,
            row_number() over (
                partition by annual_due.period_id, annual_due.enrollment_key
                order by income.information_date desc, income.date_updated desc, income.income_benefits_id desc
            ) as record_rank
        from annual_due
        inner join income
            on annual_due.enrollment_key = income.enrollment_key
            and income.data_collection_stage = 5
            and income.information_date >= {{ add_days(-30, add_years('annual_due.anniversary_number', 'annual_due.annual_anchor_date')) }}
            and income.information_date <= {{ add_days(30, add_years('annual_due.anniversary_number', 'annual_due.annual_anchor_date')) }}
            and income.information_date <= annual_due.period_end
    ) as ordered
    where record_rank = 1

),

final as (

    select
        -- keys
        ranked.period_id,
        ranked.enrollment_key,
        ranked.source_id,
        ranked.enrollment_id,
        ranked.personal_key,
        ranked.personal_id,
        ranked.client_id,
        ranked.household_key,
        ranked.project_key,
        ranked.organization_key,
        ranked.coc_code,

        -- which scopes report this stay
        ranked.is_latest_in_project,
        ranked.is_latest_in_agency,
        ranked.is_latest_in_coc,

        -- the person in the period
        ranked.period_start,
        ranked.period_end,
        ranked.project_type,
        ranked.entry_date,
        ranked.period_exit_date as exit_date,
        ranked.age_group,
        ranked.is_head_of_household,
        ranked.age_group = 'adult' or ranked.is_head_of_household as is_adult_or_head,
        ranked.is_leaver,

        -- Q6a, Q6b, Q6c statuses
        statuses.name_status,
        statuses.ssn_status,
        statuses.dob_status,
        statuses.race_status,
        statuses.sex_status,
        statuses.is_sex_collected,
        case
            when ranked.age_group = 'adult' and ranked.veteran_status in (8, 9) then 'dk_pnta'
            when ranked.age_group = 'adult' and (ranked.veteran_status is null or ranked.veteran_status = 99) then 'missing'
            when ranked.age_group = 'child' and ranked.veteran_status = 1 then 'issue'
        end as veteran_status_status,
        statuses.start_date_status,
        statuses.relationship_status,
        statuses.enrollment_coc_status,
        statuses.disabling_condition_status,
        case when ranked.is_leaver then statuses.destination_status end as destination_status,
        case when ranked.age_group = 'adult' or ranked.is_head_of_household then statuses.income_start_status end
            as income_start_status,
        annual_due.enrollment_key is not null as is_annual_assessment_due,
        case
            when annual_due.enrollment_key is null then null
            when annual_records.income_from_any_source in (8, 9) then 'dk_pnta'
            when annual_records.enrollment_key is null or annual_records.income_from_any_source is null
                or annual_records.income_from_any_source = 99 then 'missing'
            when (annual_records.income_from_any_source = 0 and annual_records.flagged_source_count > 0)
                or (annual_records.income_from_any_source = 1 and annual_records.flagged_source_count = 0) then 'issue'
        end as income_annual_status,
        case when ranked.is_leaver and (ranked.age_group = 'adult' or ranked.is_head_of_household)
            then statuses.income_exit_status end as income_exit_status,

        -- Q6d
        (ranked.age_group = 'adult' or ranked.is_head_of_household)
            and ranked.entry_date >= cast('2016-10-01' as date)
            and statuses.chronic_row is not null as is_chronic_universe,
        statuses.chronic_row,
        statuses.is_missing_institution_time,
        statuses.is_missing_housing_time,
        statuses.must_answer_homeless_history and statuses.is_missing_date_started as is_missing_date_started,
        statuses.must_answer_homeless_history and statuses.is_missing_times as is_missing_times,
        statuses.must_answer_homeless_history and statuses.is_missing_months as is_missing_months,

        -- Q6e: days from the event to the record's creation
        case when ranked.entry_date >= ranked.period_start
            then {{ days_between('ranked.entry_date', 'ranked.entry_created_date') }} end as start_record_days,
        case when ranked.is_leaver
            then {{ days_between('ranked.exit_date', 'ranked.exit_created_date') }} end as exit_record_days

    from ranked
    inner join statuses
        on ranked.enrollment_key = statuses.enrollment_key
    left join annual_due
        on ranked.period_id = annual_due.period_id and ranked.enrollment_key = annual_due.enrollment_key
    left join annual_records
        on ranked.period_id = annual_records.period_id and ranked.enrollment_key = annual_records.enrollment_key

)

select * from final
