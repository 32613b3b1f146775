{#- Date rules HUD reports share (glossary §3, §5, §11). Portable: dbt cross-database macros only. -#}

{% macro age_in_years(birth_date, on_date) -%}
    {#- Completed years by the birthday rule (not days / 365): someone born 2000-02-29 is 0 on
        2001-02-28 and 1 on 2001-03-01. Negative when the birth date is after `on_date`; null when
        either date is null. -#}
    cast(
        {{ date_part('year', on_date) }} - {{ date_part('year', birth_date) }}
        - case
            when {{ date_part('month', on_date) }} * 100 + {{ date_part('day', on_date) }}
                < {{ date_part('month', birth_date) }} * 100 + {{ date_part('day', birth_date) }}
            then 1
            else 0
        end
        as integer
    )
{%- endmacro %}


{% macro age_group(age) -%}
    {#- HUD's three age groups: adult (18+), child (0-17), unknown (no DOB, or a DOB after the
        reference date: glossary §5 follows Green River and treats a negative age as unknown). -#}
    case
        when {{ age }} is null or {{ age }} < 0 then 'unknown'
        when {{ age }} >= 18 then 'adult'
        else 'child'
    end
{%- endmacro %}


{% macro days_between(start_date, end_date) -%}
    {#- Whole days from start_date to end_date (negative when end_date is earlier); bigint on every engine. -#}
    cast({{ dbt.datediff(start_date, end_date, 'day') }} as {{ dbt.type_bigint() }})
{%- endmacro %}


{% macro add_days(days, from_date) -%}
    cast({{ dbt.dateadd('day', days, from_date) }} as date)
{%- endmacro %}


{% macro add_years(years, from_date) -%}
    {#- Anniversaries are year arithmetic, like ages (Feb 29 + 1 year = Feb 28). -#}
    cast({{ dbt.dateadd('year', years, from_date) }} as date)
{%- endmacro %}


{% macro report_date(name) -%}
    {#- A report-period var (`report_start` / `report_end`) as a date literal, or a typed null when the
        build was not given one (the published warehouse is built without a report period). -#}
    {%- set value = var(name, none) -%}
    {%- if value is none or value == '' -%}
        cast(null as date)
    {%- else -%}
        cast('{{ value }}' as date)
    {%- endif -%}
{%- endmacro %}


{% macro date_part(part, date_expression) -%}
    {#- A whole-number part of a date (year, quarter, month, day, dow with Sunday = 0). -#}
    {{ return(adapter.dispatch('date_part', 'waypoint')(part, date_expression)) }}
{%- endmacro %}

{% macro default__date_part(part, date_expression) -%}
    cast(extract({{ part }} from {{ date_expression }}) as integer)
{%- endmacro %}


{% macro month_index(date_expression) -%}
    {#- Calendar months since year 0 (year x 12 + month): two dates' difference is the number of month
        boundaries between them, so "months touched" from a to b is month_index(b) - month_index(a) + 1. -#}
    ({{ date_part('year', date_expression) }} * 12 + {{ date_part('month', date_expression) }})
{%- endmacro %}
