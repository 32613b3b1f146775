{% macro apr_cell(model, row_order, column) -%}
    {#- One cell of a question mart per request: (request_id, value). HUD's sheet row = row_order + 1. -#}
    (select request_id, cast({{ column }} as {{ dbt.type_numeric() }}) as value
     from {{ ref(model) }} where row_order = {{ row_order }})
{%- endmacro %}
