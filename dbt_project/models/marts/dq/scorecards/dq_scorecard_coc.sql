{#- One row per CoC and quarter: completeness, accuracy, timeliness and consistency scores (0-100)
    over the CoC's enrollments (each person's latest stay in the CoC), the overall score and grade. -#}
with

scores as (

    select * from {{ ref('dq_scorecard_scores') }} where scope_level = 'coc'

),

final as (

    select
        -- grain
        scores.period_id,
        scores.scope_key as coc_code,

        -- the period
        scores.period_start,
        scores.period_end,

        -- scores
        {{ dq_scorecard_scores_columns() }}

    from scores

)

select * from final
