{#- LSACalculated's averages from tlsa_Exit (LSA spec §8.8-§8.11): one row per LSA request and average days to
    return or re-engage with a Value above zero, by exit cohort (-2, -1, 0), Universe (ExitTo: 2 permanent
    400-499, 3 temporary 100-399, 4 unknown < 100), household type (0 all) and population: rows 18-22, 63-66 by
    ExitFrom, 23 by population, 24-35 by SystemPath (36 any SystemPath but -1), 101-136 by ExitTo. The average
    is of ReturnTime in days where there is a return (> 0), rounded half up. Populations (§8.3): 0 and 10-17
    for every row; row 23 also the subpopulations 15, 18-20, 23-48 alone (parent 0) and with parents 10-15
    (4 digits, parent first), except 21-22, within each one's household types. -#}
with

exits as (

    select
        request_id,
        cohort,
        hoh_personal_key,
        hh_type,
        exit_from,
        exit_to,
        return_days,
        stat,
        system_path,
        hh_vet,
        hh_chronic,
        hh_disability,
        hh_fleeing_dv,
        hoh_race_ethnicity,
        cast(hoh_race_ethnicity as {{ dbt.type_string() }}) as race_code,
        hh_adult_age,
        hh_parent,
        ac3_plus,
        case when exit_to between 400 and 499 then 2 when exit_to between 100 and 399 then 3 else 4 end
            as universe
    from {{ ref('int_lsa_exit_summary') }}
    where return_days > 0

),

{%- set all_types = [0, 1, 2, 3, 99] %}
{#- (population, condition, household types) of §8.3. -#}
{%- set parents = [
    (0, 'true', all_types),
    (10, 'hh_adult_age = 18', [1]),
    (11, 'hh_adult_age = 24', [1]),
    (12, 'hh_parent = 1 and hh_adult_age in (18, 24)', [2]),
    (13, 'hh_vet = 1', [0, 1, 2, 99]),
    (14, 'hh_vet = 0 and hh_adult_age in (25, 55)', [1]),
    (15, 'hh_chronic = 1', all_types),
] %}
{%- set others = [
    (16, 'hh_chronic in (1, 2)', all_types),
    (17, 'hh_chronic in (0, 3)', all_types),
] %}
{%- set race = [
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
] %}
{#- Subpopulations of row 23: (id, condition, household types, parent populations). -#}
{%- set subpopulations = [
    (15, 'hh_chronic = 1', all_types, [10, 11, 12, 13, 14]),
    (18, 'hh_disability = 1', all_types, [0, 10, 11, 12, 13, 14]),
    (19, 'hh_fleeing_dv = 1', all_types, [0, 10, 11, 12, 13, 14, 15]),
    (20, 'stat = 1', all_types, [0, 10, 11, 12, 13, 14, 15]),
] %}
{%- for population, condition in race %}
    {%- do subpopulations.append((population, condition, all_types, [0, 10, 11, 12, 13, 14, 15])) %}
{%- endfor %}
{%- do subpopulations.append((45, 'hh_adult_age = 55', [1], [0, 13, 14, 15])) %}
{%- do subpopulations.append((46, 'hh_parent = 1', [3], [0, 15])) %}
{%- do subpopulations.append((47, 'ac3_plus = 1', [2], [0, 13, 15])) %}
{%- do subpopulations.append((48, 'hh_fleeing_dv = 2', all_types, [0, 10, 11, 12, 13, 14, 15])) %}

populations as (

    {#- One row per exit and population it belongs to, with the household types the population reports
        (all_rows: also rows other than 23). -#}
    {%- set branches = [] %}
    {%- for population, condition, types in parents + others %}
        {%- do branches.append((population, condition, types, 1)) %}
    {%- endfor %}
    {%- for sub, condition, types, parent_ids in subpopulations %}
        {%- for parent, parent_condition, parent_types in parents if parent in parent_ids %}
            {%- set shared = [] %}
            {%- for t in types if t in parent_types %}{% do shared.append(t) %}{% endfor %}
            {%- if shared %}
                {%- do branches.append((sub if parent == 0 else parent * 100 + sub,
                    '(' ~ parent_condition ~ ') and (' ~ condition ~ ')', shared, 0)) %}
            {%- endif %}
        {%- endfor %}
    {%- endfor %}
    {%- for population, condition, types, all_rows in branches %}
    select
        request_id, cohort, hoh_personal_key, hh_type, {{ population }} as population, {{ all_rows }} as all_rows,
        hh_types.report_hh_type
    from exits
    inner join (
        {%- for t in types %}
        select {{ t }} as report_hh_type{% if not loop.last %} union all{% endif %}
        {%- endfor %}
    ) as hh_types
        on hh_types.report_hh_type = 0 or hh_types.report_hh_type = exits.hh_type
    where {{ condition }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

measures as (

    {#- One row per exit, ReportRow and SystemPath it is averaged in. -#}
    {%- set exit_from_rows = [(18, 2), (19, 3), (20, 4), (21, 5), (22, 6), (63, 7), (64, 8), (65, 9), (66, 10)] %}
    {%- set exit_to_rows = [
        (101, 101), (102, 116), (103, 118), (104, 204), (105, 205), (106, 206), (107, 207), (108, 215), (109, 225),
        (110, 302), (111, 312), (112, 313), (113, 314), (114, 327), (115, 329), (116, 332), (117, 410), (118, 411),
        (119, 419), (120, 420), (121, 421), (122, 422), (123, 423), (124, 426), (125, 428), (126, 431), (127, 433),
        (128, 434), (129, 436), (130, 437), (131, 438), (132, 439), (133, 440), (134, 24), (135, 98), (136, 99),
    ] %}
    select request_id, cohort, hoh_personal_key, hh_type, universe, return_days,
        case exit_from
            {%- for row, code in exit_from_rows %}
            when {{ code }} then {{ row }}
            {%- endfor %}
        end as report_row,
        -1 as system_path
    from exits
    where exit_from between 2 and 10
    union all
    select request_id, cohort, hoh_personal_key, hh_type, universe, return_days, 23, -1 from exits
    union all
    select request_id, cohort, hoh_personal_key, hh_type, universe, return_days, 23 + system_path, system_path
    from exits
    where system_path between 1 and 12
    union all
    select request_id, cohort, hoh_personal_key, hh_type, universe, return_days, 36, -1
    from exits
    where system_path <> -1
    union all
    select request_id, cohort, hoh_personal_key, hh_type, universe, return_days,
        case exit_to
            {%- for row, code in exit_to_rows %}
            when {{ code }} then {{ row }}
            {%- endfor %}
        end,
        -1
    from exits
    where exit_to in ({% for row, code in exit_to_rows %}{{ code }}{% if not loop.last %}, {% endif %}{% endfor %})

),

averaged as (

    select
        measures.request_id,
        measures.report_row,
        measures.cohort,
        measures.universe,
        populations.report_hh_type as hh_type,
        populations.population,
        measures.system_path,
        sum(measures.return_days) as total_days,
        count(*) as households
    from measures
    inner join populations
        on measures.request_id = populations.request_id
        and measures.cohort = populations.cohort
        and measures.hoh_personal_key = populations.hoh_personal_key
        and measures.hh_type = populations.hh_type
    where populations.all_rows = 1 or measures.report_row = 23
    group by
        measures.request_id,
        measures.report_row,
        measures.cohort,
        measures.universe,
        populations.report_hh_type,
        populations.population,
        measures.system_path

),

final as (

    select
        request_id,
        report_row,
        cohort,
        universe,
        hh_type,
        population,
        system_path,
        cast(null as {{ dbt.type_string() }}) as project_id,
        {#- the mean rounded half up: floor((2 * sum + n) / (2 * n)) -#}
        cast(floor((2 * total_days + households) / (2.0 * households)) as integer) as value
    from averaged

)

select * from final
where value > 0
