{#- Generic data tests the DQ models use. -#}

{% test dq_unique_combination(model, columns) -%}
    {#- No two rows share the same values in `columns` (the grain of a long-format mart). -#}
    select {{ columns | join(', ') }}, count(*) as row_count
    from {{ model }}
    group by {{ columns | join(', ') }}
    having count(*) > 1
{%- endtest %}
