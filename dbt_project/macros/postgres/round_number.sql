{#- SQL that DuckDB and PostgreSQL spell differently, one macro each with its PostgreSQL twin (DESIGN: Scale). -#}

{% macro round_number(expression, places) -%}
    {#- `expression` rounded to `places` decimals, keeping DuckDB's type; PostgreSQL rounds only numerics. -#}
    {{ return(adapter.dispatch('round_number', 'waypoint')(expression, places)) }}
{%- endmacro %}

{% macro default__round_number(expression, places) -%}
    round({{ expression }}, {{ places }})
{%- endmacro %}

{% macro postgres__round_number(expression, places) -%}
    round(cast({{ expression }} as numeric), {{ places }})
{%- endmacro %}
