{#- Layer folders name their schema outright (staging, intermediate, marts, reference):
    readers query `marts.dim_project`, not `main_marts.dim_project`. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
