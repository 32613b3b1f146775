{#- PostgreSQL cuts names at 63 characters: a longer node name (a HUD rule's test, whose failing rows are kept
    in a table named after it) becomes its first 50 characters and a hash of the whole. Other engines keep
    dbt's default. -#}
{% macro postgres__generate_alias_name(custom_alias_name=none, node=none) -%}
    {%- set name = dbt.default__generate_alias_name(custom_alias_name, node) | trim -%}
    {%- if name | length > 63 -%}
        {{ name[:50] ~ '_' ~ local_md5(name)[:12] }}
    {%- else -%}
        {{ name }}
    {%- endif -%}
{%- endmacro %}
