{#- Adults' non-cash benefits (4.03) in the three APR/CAPER benefit columns (Q20a, Q20b): one row per
    request, adult and column — at_start (every adult), at_annual_assessment (every adult stayer; Q20a
    keeps those who owe one) and at_exit (heads of household who left and the adults who left on the
    same day as their head: HUD leaves out members who left before the head) — with the record's answers. -#}
with

adults as (

    select * from {{ ref('int_report_clients') }} where is_adult

),

income_points as (

    select * from {{ ref('int_report_income_points') }}

),

columns_needed as (

    select adults.*, 'at_start' as benefit_column, 'start' as assessment_point from adults
    union all
    select adults.*, 'at_annual_assessment' as benefit_column, 'annual' as assessment_point from adults
    where is_stayer
    union all
    select adults.*, 'at_exit' as benefit_column, 'exit' as assessment_point from adults
    where is_leaver and (is_head_of_household or exit_date = head_exit_date)

),

final as (

    select
        -- keys
        columns_needed.request_id,
        columns_needed.personal_key,
        columns_needed.enrollment_key,
        columns_needed.benefit_column,

        -- the person
        columns_needed.household_type,
        columns_needed.is_annual_assessment_required,

        -- the record
        coalesce(income_points.has_record, false) as has_record,
        income_points.benefits_from_any_source,
        {%- for flag in non_cash_benefit_sources() %}
        coalesce(income_points.has_{{ flag }}, false) as has_{{ flag }},
        {%- endfor %}
        {%- for flag in non_cash_benefit_sources() %}
        case when income_points.has_{{ flag }} then 1 else 0 end{{ ' +' if not loop.last }}
        {%- endfor %} as benefit_source_count

    from columns_needed
    left join income_points
        on columns_needed.request_id = income_points.request_id
        and columns_needed.enrollment_key = income_points.enrollment_key
        and columns_needed.assessment_point = income_points.assessment_point

)

select * from final
