{#- One row per period, scope (project, agency, CoC) and scorecard metric: its numerator and
    denominator (from the HUD framework counts and the record-level issues), its value, its score
    0-100, and whether it meets the threshold set for the scope's project-type group in
    seeds/dq/dq_thresholds.csv. The four scorecard dimensions average their metrics' scores. -#}
{%- set element_metrics = [
    ('completeness_pii', 'completeness', "dk_pnta_count + missing_count", "hud_table = 'Q6a' and element in ('name', 'ssn', 'dob', 'race_ethnicity', 'sex')"),
    ('completeness_ude', 'completeness', "dk_pnta_count + missing_count", "hud_table = 'Q6b' and element <> 'project_start_date'"),
    ('completeness_income_housing', 'completeness', "dk_pnta_count + missing_count", "hud_table = 'Q6c'"),
    ('accuracy_pii', 'accuracy', "data_issue_count", "hud_table = 'Q6a' and element in ('name', 'ssn', 'dob')"),
    ('accuracy_ude', 'accuracy', "data_issue_count", "hud_table = 'Q6b'"),
    ('accuracy_income', 'accuracy', "data_issue_count", "hud_table = 'Q6c' and element <> 'destination'"),
] -%}
with

elements as (

    select * from {{ ref('dq_hud_framework_elements') }}

),

chronic as (

    select * from {{ ref('dq_hud_framework_chronic') }}

),

inactive as (

    select * from {{ ref('dq_hud_framework_inactive') }}

),

records as (

    select * from {{ ref('dq_hud_framework_records') }}

),

issues as (

    select * from {{ ref('dq_record_issues') }}

),

scopes as (

    select * from {{ ref('dq_scopes') }}

),

periods as (

    select * from {{ ref('dq_periods') }}

),

thresholds as (

    select * from {{ ref('dq_thresholds') }}

),

scoped as (

    {{ dq_scoped_records('records') }}

),

-- Household, overlap, duplicate and date-logic issues do not depend on the period (inactivity,
-- measured at the export end, is left to Q6f).
consistency_issues as (

    select distinct record_type, enrollment_key, household_key, personal_key
    from issues
    where dimension = 'consistency' and family <> 'inactivity'

),

enrollment_issue_keys as (

    select distinct enrollment_key from consistency_issues where record_type in ('enrollment', 'exit')

),

household_issue_keys as (

    select distinct household_key from consistency_issues where record_type = 'household'

),

client_issue_keys as (

    select distinct personal_key from consistency_issues where record_type = 'client'

),

consistency_flags as (

    select
        scoped.period_id,
        scoped.scope_level,
        scoped.scope_key,
        case
            when enrollment_issue_keys.enrollment_key is not null
                or household_issue_keys.household_key is not null
                or client_issue_keys.personal_key is not null
            then 1 else 0
        end as has_issue
    from scoped
    left join enrollment_issue_keys
        on scoped.enrollment_key = enrollment_issue_keys.enrollment_key
    left join household_issue_keys
        on scoped.household_key = household_issue_keys.household_key
    left join client_issue_keys
        on scoped.personal_key = client_issue_keys.personal_key

),

measured as (

    {% for metric, dimension, numerator, condition in element_metrics -%}
    select
        period_id, scope_level, scope_key, '{{ metric }}' as metric, '{{ dimension }}' as dimension,
        sum({{ numerator }}) as numerator, sum(denominator) as denominator
    from elements
    where {{ condition }}
    group by period_id, scope_level, scope_key

    union all

    {% endfor -%}
    select
        period_id, scope_level, scope_key, 'completeness_chronic' as metric, 'completeness' as dimension,
        sum(unable_to_calculate_count) as numerator, sum(record_count) as denominator
    from chronic
    where project_type_row = 'total'
    group by period_id, scope_level, scope_key

    union all

    select
        period_id, scope_level, scope_key, 'timeliness_start' as metric, 'timeliness' as dimension,
        {{ dq_count_if('start_record_days between 0 and ' ~ dq_setting('timeliness_days')) }} as numerator,
        {{ dq_count_if('start_record_days is not null') }} as denominator
    from scoped
    group by period_id, scope_level, scope_key

    union all

    select
        period_id, scope_level, scope_key, 'timeliness_exit' as metric, 'timeliness' as dimension,
        {{ dq_count_if('exit_record_days between 0 and ' ~ dq_setting('timeliness_days')) }} as numerator,
        {{ dq_count_if('exit_record_days is not null') }} as denominator
    from scoped
    group by period_id, scope_level, scope_key

    union all

    select
        period_id, scope_level, scope_key, 'consistency_inactive' as metric, 'consistency' as dimension,
        sum(inactive_record_count) as numerator, sum(record_count) as denominator
    from inactive
    group by period_id, scope_level, scope_key

    union all

    select
        period_id, scope_level, scope_key, 'consistency_records' as metric, 'consistency' as dimension,
        sum(has_issue) as numerator, count(*) as denominator
    from consistency_flags
    group by period_id, scope_level, scope_key

),

with_thresholds as (

    select
        measured.*,
        scopes.scope_id,
        scopes.scope_name,
        scopes.threshold_group,
        coalesce(group_threshold.threshold, default_threshold.threshold) as threshold,
        coalesce(group_threshold.direction, default_threshold.direction) as direction,
        coalesce(group_threshold.project_type_group, default_threshold.project_type_group) as threshold_project_type_group
    from measured
    left join scopes
        on measured.scope_level = scopes.scope_level
        and measured.scope_key = scopes.scope_key
    left join thresholds as group_threshold
        on measured.metric = group_threshold.metric
        and scopes.threshold_group = group_threshold.project_type_group
    left join thresholds as default_threshold
        on measured.metric = default_threshold.metric
        and default_threshold.project_type_group = 'all'

),

scored as (

    select
        with_thresholds.*,
        case when denominator > 0 then cast(numerator as {{ dq_type_double() }}) / denominator end as metric_value
    from with_thresholds

),

final as (

    select
        -- grain
        scored.period_id,
        scored.scope_level,
        scored.scope_key,
        scored.metric,

        -- what it is
        periods.period_start,
        periods.period_end,
        scored.scope_id,
        scored.scope_name,
        scored.dimension,

        -- the measure
        cast(scored.numerator as {{ dbt.type_bigint() }}) as numerator,
        cast(scored.denominator as {{ dbt.type_bigint() }}) as denominator,
        scored.metric_value,
        case
            when scored.metric_value is null then null
            when scored.direction = 'min' then 100 * scored.metric_value
            else 100 * (1 - scored.metric_value)
        end as score,

        -- the standard
        scored.threshold,
        scored.direction,
        scored.threshold_project_type_group,
        case
            when scored.metric_value is null then null
            when scored.direction = 'min' then scored.metric_value >= scored.threshold
            else scored.metric_value <= scored.threshold
        end as meets_threshold

    from scored
    inner join periods
        on scored.period_id = periods.period_id

)

select * from final
