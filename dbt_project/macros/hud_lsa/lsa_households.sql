{#- Household types of HUD's LSA (FY2026 LSA programming specifications, §3.6). Portable SQL. -#}

{% macro lsa_hh_type(adults, children, unknown) -%}
    {#- HHType from counts of distinct people by age status (§3.6): 1 adult-only (adults, nobody else),
        2 adult-child (adults and children, unknown ages allowed), 3 child-only (children, nobody else),
        99 unknown (any other mix with an unknown age). -#}
    case
        when {{ adults }} >= 1 and {{ children }} = 0 and {{ unknown }} = 0 then 1
        when {{ adults }} >= 1 and {{ children }} >= 1 then 2
        when {{ adults }} = 0 and {{ children }} >= 1 and {{ unknown }} = 0 then 3
        else 99
    end
{%- endmacro %}


{% macro lsa_age_status(age) -%}
    {#- Age status of an LSA age group (§3.6): 'adult' 21-65 (18 and over), 'child' 0-17, 'unknown' 98/99. -#}
    case
        when {{ age }} between 21 and 65 then 'adult'
        when {{ age }} between 0 and 17 then 'child'
        else 'unknown'
    end
{%- endmacro %}


{% macro lsa_return_time(days) -%}
    {#- ReturnTime upload value (§6.9, §7.3) from days between an exit and the return: -1 none or 0-14 days,
        else the upper bound of 15-30, 31-60, 61-90, 91-180, 181-365, 366-547, 548-730 days. -#}
    case
        when {{ days }} is null or {{ days }} < 15 then -1
        when {{ days }} <= 30 then 30
        when {{ days }} <= 60 then 60
        when {{ days }} <= 90 then 90
        when {{ days }} <= 180 then 180
        when {{ days }} <= 365 then 365
        when {{ days }} <= 547 then 547
        else 730
    end
{%- endmacro %}
