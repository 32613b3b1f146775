{#- Check parameters a CoC may change live in seeds/dq/dq_check_settings.csv; checks read them here. -#}

{% macro dq_setting(name, data_type='integer') -%}
    {#- One setting as a typed scalar, e.g. dq_setting('timeliness_days') -> 3. -#}
    (
        select cast(dq_settings.value as {{ api.Column.translate_type(data_type) }})
        from {{ ref('dq_check_settings') }} as dq_settings
        where dq_settings.setting = '{{ name }}'
    )
{%- endmacro %}


{% macro dq_is_dk_pnta(column) -%}
    {#- Client doesn't know (8) or prefers not to answer (9). -#}
    coalesce({{ column }} in (8, 9), false)
{%- endmacro %}


{% macro dq_is_not_collected(column) -%}
    {#- Data not collected (99) or blank: HUD's "Information Missing". -#}
    ({{ column }} is null or {{ column }} = 99)
{%- endmacro %}


{% macro dq_type_settings(prefix) -%}
    {#- The per-project-type settings named `<prefix>_*` (seeds/dq/dq_check_settings.csv): one row per
        project_type with its threshold (a number of days, or a percentile when unit = 'percentile'). -#}
    (
        select
            cast(dq_settings.project_type as integer) as project_type,
            cast(dq_settings.value as {{ dbt.type_float() }}) as threshold,
            dq_settings.unit
        from {{ ref('dq_check_settings') }} as dq_settings
        where dq_settings.project_type is not null
            and substr(dq_settings.setting, 1, {{ prefix | length + 1 }}) = '{{ prefix }}_'
    )
{%- endmacro %}


{% macro dq_percentile_cuts(pool, partition_columns, value_column, percentile_column) -%}
    {#- The percentile cut of `value_column` per partition of `pool` (a relation or CTE name that also holds
        `percentile_column`, constant per partition), by linear interpolation between the closest ranks
        (R's type 7, numpy's default): one row per partition with `cut_value`. Portable SQL (no
        percentile_cont, whose fraction must be a constant on some engines). -#}
    {%- set by = partition_columns | join(', ') %}
    select {{ by }}, lower_value + fraction * (coalesce(upper_value, lower_value) - lower_value) as cut_value
    from (
        select
            {{ by }},
            max(case when position = floor(rank_wanted) then {{ value_column }} end) as lower_value,
            max(case when position = floor(rank_wanted) + 1 then {{ value_column }} end) as upper_value,
            max(rank_wanted - floor(rank_wanted)) as fraction
        from (
            select
                {{ by }},
                {{ value_column }},
                row_number() over (partition by {{ by }} order by {{ value_column }}) - 1 as position,
                (count(*) over (partition by {{ by }}) - 1) * ({{ percentile_column }} / 100.0) as rank_wanted
            from {{ pool }}
        ) as ranked
        group by {{ by }}
    ) as bounds
{%- endmacro %}
