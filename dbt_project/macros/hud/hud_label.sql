{% macro hud_label(list_id, column) -%}
    {#- HUD's label for a coded column, e.g. hud_label('3.12.1', 'destination') -> 'Safe Haven'.
        Null when the column is null or the code is not in the list. -#}
    (
        select hud_codes.label
        from {{ ref('stg_hud_spec__code_labels') }} as hud_codes
        where hud_codes.list_id = '{{ list_id }}'
            and hud_codes.code = cast({{ column }} as {{ dbt.type_string() }})
    )
{%- endmacro %}
