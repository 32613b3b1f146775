{#- The scorecard marts (project, agency, CoC) share one shape: the scope's columns, then the scores. -#}

{% macro dq_scorecard_scores_columns() -%}
    scores.persons_served,
    scores.completeness_score,
    scores.accuracy_score,
    scores.timeliness_score,
    scores.consistency_score,
    scores.overall_score,
    scores.grade,
    scores.metrics_measured,
    scores.metrics_meeting_threshold,
    scores.meets_all_thresholds
{%- endmacro %}
