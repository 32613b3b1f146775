{% macro spm_percent(part, whole) -%}
    {#- SPM percentages (spm.md "Output formats"): part / whole x 100 with 2 decimals (12.34); blank when
        the whole is 0, as HUD's tables leave it. -#}
    case
        when ({{ whole }}) > 0 then cast(round(100.0 * ({{ part }}) / ({{ whole }}), 2) as numeric(8, 2))
    end
{%- endmacro %}
