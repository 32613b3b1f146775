{#- Layer folders name their schema outright (staging, intermediate, marts, reference):
    readers query `marts.dim_project`, not `main_marts.dim_project`. A PostgreSQL build writes them with the
    prefix WAYPOINT_SCHEMA_PREFIX (`build_marts`) and publishes them by renaming (pipelines/warehouse/postgres.py). -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ env_var('WAYPOINT_SCHEMA_PREFIX', '') }}{{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
