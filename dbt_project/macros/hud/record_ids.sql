{% macro lowest_id_first(id_column) -%}
    {#- Order-by terms for HUD's tie-breaks "use the record with the lowest [enrollment ID]" (spm.md M2
        step 2, M4 step 2c, M7b.1 step 2): numeric IDs compare as numbers (9 before 10), so shorter
        IDs first, then the text. -#}
    {{ dbt.length(id_column) }}, {{ id_column }}
{%- endmacro %}
