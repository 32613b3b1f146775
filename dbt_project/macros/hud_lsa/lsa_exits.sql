{#- LSAExit value rules (FY2026 LSA programming specifications, chapter 7) and the race/ethnicity code LSAPerson
    and LSAExit share (§5.4). Portable SQL. -#}

{% macro lsa_race_ethnicity(client) -%}
    {#- RaceEthnicity / HoHRaceEthnicity (§5.4, §7.9): 98 not provided (RaceNone 8, 9), 99 missing (RaceNone 99, or
        no race recorded), else the digits of the races and ethnicities recorded, in order (1 AmIndAKNative,
        2 Asian, 3 BlackAfAmerican, 4 NativeHIPacific, 5 White, 6 HispanicLatinao, 7 MidEastNAfrican). -#}
    case
        when {{ client }}.race_none in (8, 9) then 98
        when {{ client }}.race_none = 99 then 99
        when 1 in ({{ client }}.am_ind_ak_native, {{ client }}.asian, {{ client }}.black_af_american,
            {{ client }}.native_hi_pacific, {{ client }}.white, {{ client }}.hispanic_latinao,
            {{ client }}.mid_east_n_african)
            then cast(
                case when {{ client }}.am_ind_ak_native = 1 then '1' else '' end
                || case when {{ client }}.asian = 1 then '2' else '' end
                || case when {{ client }}.black_af_american = 1 then '3' else '' end
                || case when {{ client }}.native_hi_pacific = 1 then '4' else '' end
                || case when {{ client }}.white = 1 then '5' else '' end
                || case when {{ client }}.hispanic_latinao = 1 then '6' else '' end
                || case when {{ client }}.mid_east_n_african = 1 then '7' else '' end
                as integer)
        else 99
    end
{%- endmacro %}


{% macro lsa_exit_from(lsa_project_type, move_in_date) -%}
    {#- ExitFrom (§7.2): 2 ES, 3 TH, 4 SH, 5/7 RRH with/without a move-in, 6/8 PSH with/without, 9/10 RRH services
        only with/without. -#}
    case
        when {{ lsa_project_type }} in (0, 1) then 2
        when {{ lsa_project_type }} = 2 then 3
        when {{ lsa_project_type }} = 8 then 4
        when {{ lsa_project_type }} = 13 and {{ move_in_date }} is not null then 5
        when {{ lsa_project_type }} = 3 and {{ move_in_date }} is not null then 6
        when {{ lsa_project_type }} = 13 then 7
        when {{ lsa_project_type }} = 3 then 8
        when {{ lsa_project_type }} = 15 and {{ move_in_date }} is not null then 9
        else 10
    end
{%- endmacro %}


{% macro lsa_destination_group(exit_dest) -%}
    {#- Destination category of an ExitDest (§7.2, §7.10): 1 permanent (400-499), 2 temporary (100-399), 3 other or
        unknown. -#}
    case
        when {{ exit_dest }} between 400 and 499 then 1
        when {{ exit_dest }} between 100 and 399 then 2
        else 3
    end
{%- endmacro %}


{% macro lsa_exit_system_path(essh, th, rrh, psh) -%}
    {#- SystemPath of an exit household (§7.12) from flags (1/0) of the project groups on its path: ES/SH (0, 1, 8),
        TH (2), RRH (13), PSH (3). -#}
    case
        when {{ essh }} = 1 and {{ th }} = 0 and {{ rrh }} = 0 and {{ psh }} = 0 then 1
        when {{ essh }} = 0 and {{ th }} = 1 and {{ rrh }} = 0 and {{ psh }} = 0 then 2
        when {{ essh }} = 1 and {{ th }} = 1 and {{ rrh }} = 0 and {{ psh }} = 0 then 3
        when {{ essh }} = 0 and {{ th }} = 0 and {{ rrh }} = 1 and {{ psh }} = 0 then 4
        when {{ essh }} = 1 and {{ th }} = 0 and {{ rrh }} = 1 and {{ psh }} = 0 then 5
        when {{ essh }} = 0 and {{ th }} = 1 and {{ rrh }} = 1 and {{ psh }} = 0 then 6
        when {{ essh }} = 1 and {{ th }} = 1 and {{ rrh }} = 1 and {{ psh }} = 0 then 7
        when {{ essh }} = 0 and {{ th }} = 0 and {{ rrh }} = 0 and {{ psh }} = 1 then 8
        when {{ essh }} = 1 and {{ th }} = 0 and {{ rrh }} = 0 and {{ psh }} = 1 then 9
        when {{ essh }} = 1 and {{ th }} = 0 and {{ rrh }} = 1 and {{ psh }} = 1 then 10
        when {{ essh }} = 0 and {{ th }} = 0 and {{ rrh }} = 1 and {{ psh }} = 1 then 11
        else 12
    end
{%- endmacro %}
