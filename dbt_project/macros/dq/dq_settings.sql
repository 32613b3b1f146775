{#- Check parameters a CoC may change live in seeds/dq/dq_check_settings.csv; checks read them here. -#}

{% macro dq_setting(name, data_type='integer') -%}
    {#- One setting as a typed scalar, e.g. dq_setting('timeliness_days') -> 3. -#}
    (
        select cast(dq_settings.value as {{ api.Column.translate_type(data_type) }})
        from {{ ref('dq_check_settings') }} as dq_settings
        where dq_settings.setting = '{{ name }}'
    )
{%- endmacro %}


{% macro dq_is_dk_pnta(column) -%}
    {#- Client doesn't know (8) or prefers not to answer (9). -#}
    coalesce({{ column }} in (8, 9), false)
{%- endmacro %}


{% macro dq_is_not_collected(column) -%}
    {#- Data not collected (99) or blank: HUD's "Information Missing". -#}
    ({{ column }} is null or {{ column }} = 99)
{%- endmacro %}
