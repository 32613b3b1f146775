{#- Helpers for the HUD data-quality framework marts (models/marts/dq/framework/). -#}

{% macro dq_scoped_records(relation) -%}
    {#- Each framework record once per scope that reports it (HUD: the person's latest stay in the
        scope): project, agency (Organization) and CoC. -#}
    select 'project' as scope_level, project_key as scope_key, scoped.*
    from {{ relation }} as scoped
    where is_latest_in_project

    union all

    select 'agency' as scope_level, organization_key as scope_key, scoped.*
    from {{ relation }} as scoped
    where is_latest_in_agency and organization_key is not null

    union all

    select 'coc' as scope_level, coc_code as scope_key, scoped.*
    from {{ relation }} as scoped
    where is_latest_in_coc and coc_code is not null
{%- endmacro %}


{% macro dq_count_if(condition) -%}
    sum(case when {{ condition }} then 1 else 0 end)
{%- endmacro %}


{% macro dq_rate(numerator, denominator) -%}
    {#- HUD rates: a decimal fraction, 0 when the denominator is 0 (apr-caper.md §0). -#}
    case when {{ denominator }} > 0 then cast({{ numerator }} as {{ dq_type_double() }}) / {{ denominator }} else 0 end
{%- endmacro %}


{% macro dq_timeliness_band(days) -%}
    {#- HUD Q6e bands of days from the event to the record's creation. -#}
    case
        when {{ days }} < 0 then '< 0 days'
        when {{ days }} = 0 then '0 days'
        when {{ days }} between 1 and 3 then '1-3 days'
        when {{ days }} between 4 and 6 then '4-6 days'
        when {{ days }} between 7 and 10 then '7-10 days'
        else '11+ days'
    end
{%- endmacro %}


{% macro dq_type_double() -%}
    {#- A double-precision float for rates and scores (dq_type_double() is single precision on DuckDB). -#}
    {{ return(adapter.dispatch('dq_type_double', 'waypoint')()) }}
{%- endmacro %}

{% macro default__dq_type_double() -%}
    double precision
{%- endmacro %}

{% macro duckdb__dq_type_double() -%}
    double
{%- endmacro %}
