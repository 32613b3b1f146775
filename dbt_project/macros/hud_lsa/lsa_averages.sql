{#- The populations of LSACalculated's averages (FY2026 LSA programming specifications §8.3), shared by the averages
    from tlsa_Household (int_lsa_calculated_averages) and tlsa_Exit (int_lsa_calculated_exit_averages). Each is
    (id, condition on the household's columns, household types reported; 0 is "all types"). Conditions read the
    columns hh_adult_age, hh_parent, hh_vet, hh_chronic, hh_disability, hh_fleeing_dv, stat, hoh_race_ethnicity
    and race_code (hoh_race_ethnicity as a string). -#}

{% macro lsa_average_all_hh_types() -%}
    {%- do return([0, 1, 2, 3, 99]) -%}
{%- endmacro %}


{% macro lsa_average_parent_populations() -%}
    {#- Population 0 and the parent populations 10-15 (§8.3 "Populations"; 10-15 are also parents of the
        subpopulations). -#}
    {%- set all_types = lsa_average_all_hh_types() -%}
    {%- do return([
        (0, 'true', all_types),
        (10, 'hh_adult_age = 18', [1]),
        (11, 'hh_adult_age = 24', [1]),
        (12, 'hh_parent = 1 and hh_adult_age in (18, 24)', [2]),
        (13, 'hh_vet = 1', [0, 1, 2, 99]),
        (14, 'hh_vet = 0 and hh_adult_age in (25, 55)', [1]),
        (15, 'hh_chronic = 1', all_types),
    ]) -%}
{%- endmacro %}


{% macro lsa_average_other_populations() -%}
    {#- Populations 16-17 (§8.3 "Populations", not parents). -#}
    {%- set all_types = lsa_average_all_hh_types() -%}
    {%- do return([
        (16, 'hh_chronic in (1, 2)', all_types),
        (17, 'hh_chronic in (0, 3)', all_types),
    ]) -%}
{%- endmacro %}


{% macro lsa_average_race_populations() -%}
    {#- Subpopulations 23-44: the head's race and ethnicity (§8.3, HoHRaceEthnicity of §5.4). -#}
    {%- do return([
        (23, 'hoh_race_ethnicity = 1'), (24, 'hoh_race_ethnicity = 16'), (25, 'hoh_race_ethnicity = 2'),
        (26, 'hoh_race_ethnicity = 26'), (27, 'hoh_race_ethnicity = 3'), (28, 'hoh_race_ethnicity = 36'),
        (29, 'hoh_race_ethnicity = 6'), (30, 'hoh_race_ethnicity = 7'), (31, 'hoh_race_ethnicity = 67'),
        (32, 'hoh_race_ethnicity = 4'), (33, 'hoh_race_ethnicity = 46'), (34, 'hoh_race_ethnicity = 5'),
        (35, 'hoh_race_ethnicity = 56'),
        (36, "hoh_race_ethnicity >= 12 and hoh_race_ethnicity not in (16, 26, 36, 46, 56, 67, 98, 99) and race_code not like '%6%'"),
        (37, "hoh_race_ethnicity >= 126 and race_code like '%6%'"),
        (38, "hoh_race_ethnicity not in (98, 99) and race_code like '%1%'"),
        (39, "hoh_race_ethnicity not in (98, 99) and race_code like '%2%'"),
        (40, "hoh_race_ethnicity not in (98, 99) and race_code like '%3%'"),
        (41, "hoh_race_ethnicity not in (98, 99) and race_code like '%6%'"),
        (42, "hoh_race_ethnicity not in (98, 99) and race_code like '%7%'"),
        (43, "hoh_race_ethnicity not in (98, 99) and race_code like '%4%'"),
        (44, "hoh_race_ethnicity not in (98, 99) and race_code like '%5%'"),
    ]) -%}
{%- endmacro %}


{% macro lsa_average_subpopulations(three_children, with_stat_2_and_psh_move_in) -%}
    {#- The subpopulations of §8.3 as (id, condition, household types, parent populations): 15, 18-20, 21-22
        (tlsa_Household only: row 23 of tlsa_Exit has neither), 23-44, 45-48. three_children is population 47's
        condition (tlsa_Household: HHChild = 3; tlsa_Exit: AC3Plus = 1). -#}
    {%- set all_types = lsa_average_all_hh_types() -%}
    {%- set up_to_15 = [0, 10, 11, 12, 13, 14, 15] -%}
    {%- set subpopulations = [
        (15, 'hh_chronic = 1', all_types, [10, 11, 12, 13, 14]),
        (18, 'hh_disability = 1', all_types, [0, 10, 11, 12, 13, 14]),
        (19, 'hh_fleeing_dv = 1', all_types, up_to_15),
        (20, 'stat = 1', all_types, up_to_15),
    ] -%}
    {%- if with_stat_2_and_psh_move_in -%}
        {%- do subpopulations.append((21, 'stat = 2', all_types, up_to_15)) -%}
        {%- do subpopulations.append((22, 'psh_move_in = 1', all_types, up_to_15)) -%}
    {%- endif -%}
    {%- for population, condition in lsa_average_race_populations() -%}
        {%- do subpopulations.append((population, condition, all_types, up_to_15)) -%}
    {%- endfor -%}
    {%- do subpopulations.append((45, 'hh_adult_age = 55', [1], [0, 13, 14, 15])) -%}
    {%- do subpopulations.append((46, 'hh_parent = 1', [3], [0, 15])) -%}
    {%- do subpopulations.append((47, three_children, [2], [0, 13, 15])) -%}
    {%- do subpopulations.append((48, 'hh_fleeing_dv = 2', all_types, up_to_15)) -%}
    {%- do return(subpopulations) -%}
{%- endmacro %}


{% macro lsa_average_populations(three_children, with_stat_2_and_psh_move_in) -%}
    {#- Every population of §8.3, as a dict: "bases", the (id, condition) of each population a household is in by
        its own columns (0 all, 10-17, 18-48), and "populations", the (id, parent, sub, household types, all_rows)
        reported: 0 and 10-17 with all_rows 1 (every average row; parent the id, sub 0), then each subpopulation
        alone (parent 0, its own id) and with each of its parents 10-15 (parent * 100 + sub, e.g. 1519), for the
        household types both report, with all_rows 0. A household is in a population when it is in its parent's
        and its sub's base population. -#}
    {%- set parents = lsa_average_parent_populations() -%}
    {%- set bases = {} -%}
    {%- set populations = [] -%}
    {%- for population, condition, types in parents + lsa_average_other_populations() -%}
        {%- do bases.update({population: condition}) -%}
        {%- do populations.append((population, population, 0, types, 1)) -%}
    {%- endfor -%}
    {%- for sub, condition, types, parent_ids in lsa_average_subpopulations(three_children, with_stat_2_and_psh_move_in) -%}
        {%- do bases.update({sub: condition}) -%}
        {%- for parent, parent_condition, parent_types in parents if parent in parent_ids -%}
            {%- set shared = [] -%}
            {%- for t in types if t in parent_types %}{% do shared.append(t) %}{% endfor -%}
            {%- if shared -%}
                {%- do populations.append((sub if parent == 0 else parent * 100 + sub, parent, sub, shared, 0)) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- do return({'bases': bases.items() | list, 'populations': populations}) -%}
{%- endmacro %}
