{% macro money_average(expression) -%}
    {#- The mean of a money amount (aggregate; nulls ignored), exact to the cent and rounded half up
        (away from zero): 887.665 -> 887.67. Sums whole cents as integers, so no binary fraction turns a
        half cent into 887.66499...; HUD's Q16 rounding rule (apr-caper.md) applied to every money mean.
        Null when there is nothing to average. -#}
    {%- set cents = 'sum(cast(round(cast(' ~ expression ~ ' as ' ~ dbt.type_numeric() ~ ') * 100) as ' ~ dbt.type_bigint() ~ '))' -%}
    {%- set number = 'count(' ~ expression ~ ')' -%}
    case
        when {{ number }} > 0 then cast(
            sign({{ cents }}) * floor((2 * abs({{ cents }}) + {{ number }}) / (2 * {{ number }})) / 100.0
            as decimal(18, 2))
    end
{%- endmacro %}
