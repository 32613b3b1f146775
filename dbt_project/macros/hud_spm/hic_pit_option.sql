{% macro hic_pit_option(options_column, name) -%}
    {#- One option of a report request (meta.report_requests.options, a MAP(VARCHAR, VARCHAR) in DuckDB),
        e.g. the PIT night: hic_pit_option('options', 'pit_date'). Null when the request lacks it. -#}
    {{ return(adapter.dispatch('hic_pit_option', 'waypoint')(options_column, name)) }}
{%- endmacro %}

{% macro default__hic_pit_option(options_column, name) -%}
    {{ options_column }}['{{ name }}']
{%- endmacro %}

{% macro postgres__hic_pit_option(options_column, name) -%}
    ({{ options_column }} ->> '{{ name }}')
{%- endmacro %}
