{#- Report requests carry their scope as a list column (meta.report_requests.scope_ids VARCHAR[]).
    DuckDB and PostgreSQL both unnest a list in the select list; engines without that (Spark:
    explode) get their own implementation here. -#}

{% macro report_unnest(list_column) -%}
    {{ return(adapter.dispatch('report_unnest', 'waypoint')(list_column)) }}
{%- endmacro %}

{% macro default__report_unnest(list_column) -%}
    unnest({{ list_column }})
{%- endmacro %}

{% macro spark__report_unnest(list_column) -%}
    explode({{ list_column }})
{%- endmacro %}

