{#- Cash income in the three APR/CAPER income columns (Q16-Q18; the youth tables Q27g-Q27h also count
    heads of household under 18): one row per request, adult or head of household and column —
    at_start (everyone), at_annual_assessment (every stayer) and at_exit (leavers) — with the record
    used and its category: income ($1 or more, rounded to whole dollars), no_income (a known total under
    $0.50), dk_pnta, data_not_collected (no record or no usable answer); for stayers also aa_not_yet_required and aa_missing (owed, none in
    the window). The adult tables keep is_adult. -#}
with

adults_and_heads as (

    select * from {{ ref('int_report_clients') }} where is_adult_or_head

),

income_points as (

    select * from {{ ref('int_report_income_points') }}

),

columns_needed as (

    select adults_and_heads.*, 'at_start' as income_column, 'start' as assessment_point from adults_and_heads
    union all
    select adults_and_heads.*, 'at_annual_assessment' as income_column, 'annual' as assessment_point from adults_and_heads
    where is_stayer
    union all
    select adults_and_heads.*, 'at_exit' as income_column, 'exit' as assessment_point from adults_and_heads
    where is_leaver

),

with_records as (

    select
        columns_needed.request_id,
        columns_needed.personal_key,
        columns_needed.enrollment_key,
        columns_needed.household_type,
        columns_needed.is_adult,
        columns_needed.is_youth,
        columns_needed.is_head_of_household,
        columns_needed.is_leaver,
        columns_needed.is_stayer,
        columns_needed.exit_date,
        columns_needed.head_exit_date,
        columns_needed.is_annual_assessment_required,
        columns_needed.income_column,
        columns_needed.assessment_point,
        coalesce(income_points.has_record, false) as has_record,
        income_points.income_benefits_key,
        income_points.income_from_any_source,
        income_points.total_income,
        income_points.earned_income,
        income_points.other_income
    from columns_needed
    left join income_points
        on columns_needed.request_id = income_points.request_id
        and columns_needed.enrollment_key = income_points.enrollment_key
        and columns_needed.assessment_point = income_points.assessment_point

),

in_dollars as (

    select
        with_records.*,
        -- HUD rounds to whole dollars, $0.50 up (Q16 2a)
        floor(total_income + 0.5) as total_income_dollars
    from with_records

),

final as (

    select
        in_dollars.*,
        -- exactly one category per person and column (tests/hud_apr/hud_apr_income_categories_add_up)
        case
            when income_column = 'at_annual_assessment' and not is_annual_assessment_required
                then 'aa_not_yet_required'
            when income_column = 'at_annual_assessment' and not has_record then 'aa_missing'
            when total_income_dollars >= 1 then 'income'
            when total_income is not null then 'no_income'
            when income_from_any_source in (8, 9) then 'dk_pnta'
            else 'data_not_collected'
        end as income_category
    from in_dollars

)

select * from final
