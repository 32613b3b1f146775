{#- One row per period and scope (project, agency, CoC): persons served, the four dimension scores
    (each the mean of its metrics' scores in dq_scorecard_metrics), the overall score (mean of the
    dimensions measured), its grade (seeds/dq/dq_grade_bands.csv) and how many metrics meet their
    thresholds. The scorecard marts and the trend read it. -#}
with

metrics as (

    select * from {{ ref('dq_scorecard_metrics') }}

),

elements as (

    select * from {{ ref('dq_hud_framework_elements') }}

),

scopes as (

    select * from {{ ref('dq_scopes') }}

),

periods as (

    select * from {{ ref('dq_periods') }}

),

grade_bands as (

    select
        grade,
        min_score,
        lead(min_score) over (order by min_score) as next_min_score
    from {{ ref('dq_grade_bands') }}

),

served as (

    select period_id, scope_level, scope_key, denominator as persons_served
    from elements
    where element = 'overall'

),

dimensions as (

    select
        period_id,
        scope_level,
        scope_key,
        avg(case when dimension = 'completeness' then score end) as completeness_score,
        avg(case when dimension = 'accuracy' then score end) as accuracy_score,
        avg(case when dimension = 'timeliness' then score end) as timeliness_score,
        avg(case when dimension = 'consistency' then score end) as consistency_score,
        {{ dq_count_if('score is not null') }} as metrics_measured,
        {{ dq_count_if('meets_threshold') }} as metrics_meeting_threshold
    from metrics
    group by period_id, scope_level, scope_key

),

overall as (

    select
        dimensions.*,
        (
            coalesce(completeness_score, 0) + coalesce(accuracy_score, 0)
            + coalesce(timeliness_score, 0) + coalesce(consistency_score, 0)
        ) / nullif(
            (case when completeness_score is not null then 1 else 0 end)
            + (case when accuracy_score is not null then 1 else 0 end)
            + (case when timeliness_score is not null then 1 else 0 end)
            + (case when consistency_score is not null then 1 else 0 end),
            0
        ) as overall_score
    from dimensions

),

final as (

    select
        -- grain
        overall.period_id,
        overall.scope_level,
        overall.scope_key,

        -- the scope and period
        periods.period_start,
        periods.period_end,
        periods.period_order,
        scopes.scope_id,
        scopes.scope_name,
        scopes.source_id,
        scopes.coc_code,
        scopes.organization_key,
        scopes.project_key,
        scopes.project_type,
        scopes.threshold_group,
        cast(coalesce(served.persons_served, 0) as {{ dbt.type_bigint() }}) as persons_served,

        -- scores
        overall.completeness_score,
        overall.accuracy_score,
        overall.timeliness_score,
        overall.consistency_score,
        overall.overall_score,
        grade_bands.grade,
        cast(overall.metrics_measured as {{ dbt.type_bigint() }}) as metrics_measured,
        cast(overall.metrics_meeting_threshold as {{ dbt.type_bigint() }}) as metrics_meeting_threshold,
        overall.metrics_meeting_threshold = overall.metrics_measured as meets_all_thresholds

    from overall
    inner join periods
        on overall.period_id = periods.period_id
    left join scopes
        on overall.scope_level = scopes.scope_level
        and overall.scope_key = scopes.scope_key
    left join served
        on overall.period_id = served.period_id
        and overall.scope_level = served.scope_level
        and overall.scope_key = served.scope_key
    left join grade_bands
        on overall.overall_score >= grade_bands.min_score
        and (grade_bands.next_min_score is null or overall.overall_score < grade_bands.next_min_score)

)

select * from final
