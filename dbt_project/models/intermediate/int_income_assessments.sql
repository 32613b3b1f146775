{#- Income records with HUD's computed monthly total (glossary "Determining Total and Earned Income":
    TotalMonthlyIncome when above $0; else the sum of the sources marked yes with an amount entered
    (>= $0); else $0 when the record says no income, or gives a total of $0 or less with income yes or
    blank; else unknown) and which assessment each one is: at start (stage 1 dated on entry), at exit
    (stage 3 dated on exit) or annual (stage 5 within 30 days of an anniversary of the household head's
    entry, §11). An amount whose source is not marked yes is not a source (docs/decisions.md). Report
    builds pick the anniversary their period needs. -#}
{%- set flagged_amounts = [] -%}
{%- set flagged_sources = [] -%}
{%- for flag, amount in income_sources() -%}
    {%- do flagged_amounts.append('case when income.' ~ flag ~ ' = 1 and income.' ~ amount ~ ' >= 0 then income.' ~ amount ~ ' else 0 end') -%}
    {%- do flagged_sources.append('case when income.' ~ flag ~ ' = 1 and income.' ~ amount ~ ' >= 0 then 1 else 0 end') -%}
{%- endfor %}

with

enrollments as (

    select * from {{ ref('int_enrollments') }}

),

households as (

    select * from {{ ref('int_households_identified') }}

),

income as (

    select * from {{ ref('stg_hmis__income_benefits') }}

),

totalled as (

    select
        income.*,
        {{ flagged_amounts | join('\n        + ') }} as source_amount_sum,
        ({{ flagged_sources | join(' + ') }}) > 0 as has_source_amount
    from income

),

computed as (

    select
        totalled.*,
        case
            when total_monthly_income > 0 then total_monthly_income
            when has_source_amount then source_amount_sum
            when income_from_any_source = 0 then 0
            when total_monthly_income is not null and (income_from_any_source = 1 or income_from_any_source is null)
                then 0
        end as total_monthly_income_computed,
        case when earned = 1 and earned_amount > 0 then earned_amount else 0 end as earned_income_computed
    from totalled

),

anchored as (

    select
        computed.*,
        enrollments.household_key,
        enrollments.entry_date,
        enrollments.exit_date,
        -- With several heads over time the earliest one's entry anchors the anniversaries (HG 2024).
        coalesce(households.first_head_entry_date, enrollments.entry_date) as annual_anchor_date
    from computed
    inner join enrollments
        on computed.enrollment_key = enrollments.enrollment_key
    left join households
        on enrollments.household_key = households.household_key

),

anniversaries as (

    select
        anchored.*,
        cast(round({{ days_between('annual_anchor_date', 'information_date') }} / 365.25) as integer)
            as anniversary_number
    from anchored

),

placed as (

    select
        anniversaries.*,
        case when data_collection_stage = 5 and anniversary_number >= 1
            then {{ add_years('anniversary_number', 'annual_anchor_date') }}
        end as anniversary_date
    from anniversaries

),

classified as (

    select
        placed.*,
        case
            when data_collection_stage = 1 and information_date = entry_date then 'start'
            when data_collection_stage = 3 and information_date = exit_date then 'exit'
            when data_collection_stage = 5
                and information_date between {{ add_days(-30, 'anniversary_date') }} and {{ add_days(30, 'anniversary_date') }}
                then 'annual'
        end as assessment_point
    from placed

),

ranked as (

    select
        classified.*,
        case when assessment_point is not null then row_number() over (
            partition by enrollment_key, assessment_point, case when assessment_point = 'annual' then anniversary_number end
            order by information_date desc, date_updated desc nulls last, income_benefits_id desc
        ) end as assessment_rank
    from classified

),

final as (

    select
        -- keys
        income_benefits_key,
        source_id,
        enrollment_key,
        personal_key,
        household_key,

        -- which assessment
        data_collection_stage,
        information_date,
        assessment_point,
        assessment_rank = 1 as is_selected_assessment,
        annual_anchor_date,
        case when assessment_point = 'annual' then anniversary_number end as anniversary_number,
        case when assessment_point = 'annual' then anniversary_date end as anniversary_date,

        -- as recorded
        income_from_any_source,
        total_monthly_income,
        benefits_from_any_source,
        insurance_from_any_source,

        -- computed (§12)
        total_monthly_income_computed,
        case when total_monthly_income_computed is not null then earned_income_computed end as earned_income_computed,
        -- other = total - earned; a total entered below the earned amount leaves no other income
        case
            when total_monthly_income_computed > earned_income_computed
                then total_monthly_income_computed - earned_income_computed
            when total_monthly_income_computed is not null then 0
        end as other_income_computed,
        case
            when total_monthly_income_computed > 0 then 'has_income'
            when total_monthly_income_computed = 0 then 'no_income'
            when income_from_any_source in (8, 9) then 'dk_pnta'
            else 'missing'
        end as income_status

    from ranked

)

select * from final
