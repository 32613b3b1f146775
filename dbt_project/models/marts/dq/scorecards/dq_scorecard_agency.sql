{#- One row per agency (Organization) and quarter with activity: completeness, accuracy, timeliness
    and consistency scores (0-100) over the agency's projects (each person's latest stay there), the
    overall score and grade. -#}
with

scores as (

    select * from {{ ref('dq_scorecard_scores') }} where scope_level = 'agency'

),

organizations as (

    select * from {{ ref('stg_hmis__organizations') }}

),

final as (

    select
        -- grain
        scores.period_id,
        scores.scope_key as organization_key,

        -- the agency and period
        scores.period_start,
        scores.period_end,
        scores.scope_id,
        scores.source_id,
        organizations.organization_id,
        organizations.organization_name,
        scores.coc_code,

        -- scores
        {{ dq_scorecard_scores_columns() }}

    from scores
    left join organizations
        on scores.scope_key = organizations.organization_key

)

select * from final
