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

{#- (population, condition, household types) and subpopulations of §8.3 (macros/hud_lsa/lsa_averages.sql); row 23
    has no subpopulations 21-22 and its 47 is AC3Plus. -#}
{%- set parents = lsa_average_parent_populations() %}
{%- set others = lsa_average_other_populations() %}
{%- set subpopulations = lsa_average_subpopulations('ac3_plus = 1', false) %}

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
