{#- One row per project and quarter with activity: completeness, accuracy, timeliness and consistency
    scores (0-100) against the thresholds for the project's type, the overall score and grade. -#}
with

scores as (

    select * from {{ ref('dq_scorecard_scores') }} where scope_level = 'project'

),

projects as (

    select * from {{ ref('stg_hmis__projects') }}

),

organizations as (

    select * from {{ ref('stg_hmis__organizations') }}

),

final as (

    select
        -- grain
        scores.period_id,
        scores.scope_key as project_key,

        -- the project and period
        scores.period_start,
        scores.period_end,
        scores.scope_id,
        scores.source_id,
        projects.project_id,
        projects.project_name,
        projects.project_type,
        scores.threshold_group,
        projects.organization_key,
        organizations.organization_name,
        scores.coc_code,

        -- scores
        {{ dq_scorecard_scores_columns() }}

    from scores
    left join projects
        on scores.scope_key = projects.project_key
    left join organizations
        on projects.organization_key = organizations.organization_key

)

select * from final
