{#- LSAPerson value rules (FY2026 LSA programming specifications, §5.11-§5.14). Portable SQL. -#}

{% macro lsa_hh_types_served(condition, hh_type='active_hh_type') -%}
    {#- Aggregate: the household types (1 AO, 2 AC, 3 CO, 99 UN) of the rows meeting `condition`, as LSAPerson
        codes them (§5.13): their digits in order, 9 for UN (1, 12, 129 ... 1239); -1 when no row meets it. -#}
    case
        when max(case when {{ condition }} then 1 else 0 end) = 0 then -1
        else cast(
            case when max(case when {{ condition }} and {{ hh_type }} = 1 then 1 else 0 end) = 1 then '1' else '' end
            || case when max(case when {{ condition }} and {{ hh_type }} = 2 then 1 else 0 end) = 1 then '2' else '' end
            || case when max(case when {{ condition }} and {{ hh_type }} = 3 then 1 else 0 end) = 1 then '3' else '' end
            || case when max(case when {{ condition }} and {{ hh_type }} = 99 then 1 else 0 end) = 1 then '9' else '' end
            as integer)
    end
{%- endmacro %}


{% macro lsa_adult_age_served(condition, hh_adult_age='hh_adult_age') -%}
    {#- Aggregate: HHAdultAge(AO/AC)(EST/RRH/PSH) (§5.14), the first of 18, 24, 55, 25 among the rows meeting
        `condition`; -1 when none does. -#}
    case min(case when {{ condition }} then
            case {{ hh_adult_age }} when 18 then 1 when 24 then 2 when 55 then 3 when 25 then 4 end
        end)
        when 1 then 18 when 2 then 24 when 3 then 55 when 4 then 25
        else -1
    end
{%- endmacro %}
