{#- SQL that Spark spells differently from DuckDB and PostgreSQL (DESIGN: Scale), each the Spark twin of a
    dispatched macro. -#}

{#- dbt-spark's listagg ignores its order: the values are collected with their order keys and sorted. -#}
{% macro spark__listagg(measure, delimiter_and_quote, order_by_clause, limit_num) -%}
    {%- set distinct = measure.strip().lower().startswith('distinct ') -%}
    {%- set value = measure.strip()[9:] if distinct else measure -%}
    {%- set keys = (order_by_clause or '').strip()[8:].split(',') if order_by_clause else [] -%}
    {%- set fields = [] -%}
    {%- for key in keys %}{% do fields.append("'k" ~ loop.index ~ "', " ~ key.strip()) %}{% endfor -%}
    {%- do fields.append("'v', " ~ value) -%}
    array_join(transform(array_sort(filter({{ 'collect_set' if distinct else 'collect_list' }}(named_struct({{ fields | join(', ') }})), s -> s.v is not null)), s -> s.v), {{ delimiter_and_quote }})
{%- endmacro %}

{% macro spark__dq_type_double() -%}
    double
{%- endmacro %}

{% macro spark__replace_every(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, {{ pattern }}, {{ replacement }})
{%- endmacro %}

{#- dbt-spark's date_spine (dateadd through unix timestamps) came out empty with timestamps without zone: days are a
    sequence of dates on Spark; other dateparts keep dbt's. -#}
{% macro spark__date_spine(datepart, start_date, end_date) -%}
    {%- if datepart == 'day' -%}
        select explode(sequence(cast({{ start_date }} as date), date_sub(cast({{ end_date }} as date), 1), interval 1 day)) as date_day
    {%- else -%}
        {{ return(dbt.default__date_spine(datepart, start_date, end_date)) }}
    {%- endif -%}
{%- endmacro %}
