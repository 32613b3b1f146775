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


{% macro lsa_system_path(est_status, es_days, th_days, rrh_status, psh_status, psh_move_in) -%}
    {#- SystemPath (§6.18, §7.12): the combination of project groups a household used. -1 housed in PSH at
        ReportStart without an ES/SH/TH or RRH entry in the period, or served in none of ES/SH/TH, RRH and PSH
        (RRH services only); 1 ES/SH, 2 TH, 3 ES/SH + TH, 4 RRH, 5 ES/SH + RRH, 6 TH + RRH, 7 ES/SH + TH + RRH,
        8 PSH, 9 ES/SH + PSH, 10 ES/SH + RRH + PSH, 11 RRH + PSH, 12 any other combination. -#}
    case
        when {{ est_status }} not in (21, 22) and {{ rrh_status }} not in (21, 22) and {{ psh_move_in }} = 2 then -1
        when {{ est_status }} = 0 and {{ rrh_status }} = 0 and {{ psh_status }} = 0 then -1
        when {{ es_days }} >= 1 and {{ th_days }} = 0 and {{ rrh_status }} = 0 and {{ psh_status }} = 0 then 1
        when {{ es_days }} = 0 and {{ th_days }} >= 1 and {{ rrh_status }} = 0 and {{ psh_status }} = 0 then 2
        when {{ es_days }} >= 1 and {{ th_days }} >= 1 and {{ rrh_status }} = 0 and {{ psh_status }} = 0 then 3
        when {{ est_status }} = 0 and {{ rrh_status }} >= 11 and {{ psh_status }} = 0 then 4
        when {{ es_days }} >= 1 and {{ th_days }} = 0 and {{ rrh_status }} >= 2 and {{ psh_status }} = 0 then 5
        when {{ es_days }} = 0 and {{ th_days }} >= 1 and {{ rrh_status }} >= 2 and {{ psh_status }} = 0 then 6
        when {{ es_days }} >= 1 and {{ th_days }} >= 1 and {{ rrh_status }} >= 2 and {{ psh_status }} = 0 then 7
        when {{ est_status }} = 0 and {{ rrh_status }} = 0 and {{ psh_status }} >= 11 and {{ psh_move_in }} <> 2
            then 8
        when {{ es_days }} >= 1 and {{ th_days }} = 0 and {{ rrh_status }} = 0 and {{ psh_status }} >= 11
            and ({{ psh_move_in }} <> 2 or {{ est_status }} in (21, 22)) then 9
        when {{ es_days }} >= 1 and {{ th_days }} = 0 and {{ rrh_status }} >= 2 and {{ psh_status }} >= 11
            and ({{ psh_move_in }} <> 2 or ({{ est_status }} in (21, 22) and {{ rrh_status }} in (21, 22))) then 10
        when {{ est_status }} = 0 and {{ rrh_status }} >= 2 and {{ psh_status }} >= 11
            and ({{ psh_move_in }} <> 2 or {{ rrh_status }} in (21, 22)) then 11
        else 12
    end
{%- endmacro %}


{% macro lsa_days_group(days) -%}
    {#- Upload value of a count of days in LSAHousehold (§6.19): 0, then the upper bound of 1-7, 8-30, 31-60,
        61-90, 91-180, 181-365, 366-547, 548-730, 731-1094 days, 1095 for more; null stays null. -#}
    case
        when {{ days }} <= 0 then 0
        when {{ days }} <= 7 then 7
        when {{ days }} <= 30 then 30
        when {{ days }} <= 60 then 60
        when {{ days }} <= 90 then 90
        when {{ days }} <= 180 then 180
        when {{ days }} <= 365 then 365
        when {{ days }} <= 547 then 547
        when {{ days }} <= 730 then 730
        when {{ days }} <= 1094 then 1094
        when {{ days }} > 1094 then 1095
    end
{%- endmacro %}


{% macro lsa_psh_housed_group(days, psh_move_in) -%}
    {#- PSHHousedDays' upload value (§6.19): 0 when PSHMoveIn is not 1 or 2 (or no day housed), then months:
        3 (1-90 days), 6, 12, 24, 36, 48, 60 (to 1825 days), 84 (to 2555), 120 (to 3650), 121 beyond. -#}
    case
        when {{ psh_move_in }} not in (1, 2) or {{ days }} <= 0 then 0
        when {{ days }} <= 90 then 3
        when {{ days }} <= 180 then 6
        when {{ days }} <= 365 then 12
        when {{ days }} <= 730 then 24
        when {{ days }} <= 1095 then 36
        when {{ days }} <= 1460 then 48
        when {{ days }} <= 1825 then 60
        when {{ days }} <= 2555 then 84
        when {{ days }} <= 3650 then 120
        when {{ days }} > 3650 then 121
    end
{%- endmacro %}


{% macro lsa_adult_age_rank(adult_age) -%}
    {#- HHAdultAge's priority (§6.2, §6.8): 18, 24, 55, 25 are ranks 1-4, anything else (-1) 5. -#}
    case {{ adult_age }} when 18 then 1 when 24 then 2 when 55 then 3 when 25 then 4 else 5 end
{%- endmacro %}


{% macro lsa_adult_age_of_rank(rank) -%}
    {#- The HHAdultAge of a priority rank (lsa_adult_age_rank): 18, 24, 55, 25, else -1. -#}
    case {{ rank }} when 1 then 18 when 2 then 24 when 3 then 55 when 4 then 25 else -1 end
{%- endmacro %}
