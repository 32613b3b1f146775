{#- One row per scope (project, agency, CoC) and quarter: the overall and dimension scores next to
    the previous quarter's, the change, and whether data quality is improving, steady or declining
    (a change of at least `trend_min_change` points; seeds/dq/dq_check_settings.csv). -#}
with

scores as (

    select * from {{ ref('dq_scorecard_scores') }}

),

lagged as (

    select
        scores.*,
        lag(overall_score) over (partition by scope_level, scope_key order by period_order) as previous_overall_score,
        lag(grade) over (partition by scope_level, scope_key order by period_order) as previous_grade,
        lag(period_id) over (partition by scope_level, scope_key order by period_order) as previous_period_id
    from scores

),

final as (

    select
        -- grain
        period_id,
        scope_level,
        scope_key,

        -- the scope and period
        period_start,
        period_end,
        period_order,
        scope_id,
        scope_name,
        coc_code,
        persons_served,

        -- this quarter
        completeness_score,
        accuracy_score,
        timeliness_score,
        consistency_score,
        overall_score,
        grade,

        -- against the previous quarter with activity
        previous_period_id,
        previous_overall_score,
        previous_grade,
        overall_score - previous_overall_score as overall_score_change,
        case
            when previous_overall_score is null or overall_score is null then 'new'
            when overall_score - previous_overall_score >= {{ dq_setting('trend_min_change', 'float') }} then 'improving'
            when previous_overall_score - overall_score >= {{ dq_setting('trend_min_change', 'float') }} then 'declining'
            else 'steady'
        end as trend

    from lagged

)

select * from final
