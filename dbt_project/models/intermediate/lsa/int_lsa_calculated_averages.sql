{#- LSACalculated's averages from tlsa_Household (LSA spec §8.3-§8.7): one row per LSA request and average of days
    with a Value above zero: rows 1-9 (length of time homeless; SystemPath -1, and by SystemPath 1-12 per §8.5),
    10-11 (days housed in PSH), 12-16 (days in RRH), by household type (0 all) and population. Cohort 1,
    Universe -1, ProjectID null. The average is of the values > 0 only, rounded half up to a whole number.
    Populations (§8.3, macro lsa_average_populations): 0 and 10-17 for every row; for rows 1-9 with SystemPath
    -1 also the subpopulations 15, 18-48 alone (parent 0, their own ids) and with their parents 10-15 (4 digits,
    parent first), each for the household types both it and its parent report. -#}
with

households as (

    select
        days.request_id,
        days.hoh_personal_key,
        days.hh_type,
        days.system_path,
        days.es_days,
        days.th_days,
        days.est_days,
        days.rrh_psh_pre_move_in_days,
        days.system_homeless_days,
        days.other_3917_days,
        days.total_homeless_days,
        days.rrh_housed_days,
        days.system_days_not_psh_housed,
        days.psh_housed_days,
        days.rrh_pre_move_in_days,
        days.psh_move_in,
        days.psh_status,
        days.rrh_status,
        summary.rrh_move_in,
        summary.stat,
        summary.hh_child,
        summary.hh_chronic,
        summary.hh_vet,
        summary.hh_disability,
        summary.hh_fleeing_dv,
        summary.hh_adult_age,
        summary.hh_parent,
        summary.hoh_race_ethnicity,
        cast(summary.hoh_race_ethnicity as {{ dbt.type_string() }}) as race_code
    from {{ ref('int_lsa_household_days') }} as days
    inner join {{ ref('int_lsa_household_summary') }} as summary
        on days.request_id = summary.request_id
        and days.hoh_personal_key = summary.hoh_personal_key
        and days.hh_type = summary.hh_type

),

{%- set definitions = lsa_average_populations('hh_child = 3', true) %}

memberships as (

    {#- One row per household and base population it is in by its own columns (0 all, 10-17, 18-48). -#}
    {%- for population, condition in definitions['bases'] %}
    select request_id, hoh_personal_key, hh_type, {{ population }} as base_population
    from households
    where {{ condition }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

population_types as (

    {#- §8.3: each population reported, its parent and sub base populations (0: all), whether it is reported in
        every row (all_rows) or only rows 1-9 by SystemPath -1, and the household types it is reported for. -#}
    select * from (values
        {%- for population, parent, sub, types, all_rows in definitions['populations'] %}
        {%- set outer = loop %}
        {%- for t in types %}
        ({{ population }}, {{ parent }}, {{ sub }}, {{ all_rows }}, {{ t }}){{ ',' if not (outer.last and loop.last) }}
        {%- endfor %}
        {%- endfor %}
    ) as definitions (population, parent_population, sub_population, all_rows, report_hh_type)

),

populations as (

    {#- One row per household, population it is in and household type it is reported under (its own, or 0). -#}
    select
        parents.request_id,
        parents.hoh_personal_key,
        parents.hh_type,
        population_types.population,
        population_types.all_rows,
        population_types.report_hh_type
    from population_types
    inner join memberships as parents
        on parents.base_population = population_types.parent_population
    inner join memberships as subs
        on subs.base_population = population_types.sub_population
        and subs.request_id = parents.request_id
        and subs.hoh_personal_key = parents.hoh_personal_key
        and subs.hh_type = parents.hh_type
    where population_types.report_hh_type in (0, parents.hh_type)

),

measures as (

    {#- One row per household, ReportRow, SystemPath (-1, or the household's for §8.5) and days counted. -#}
    {%- set loth = [
        (1, 'es_days', '1, 3, 5, 7, 9, 10, 12'), (2, 'th_days', '2, 3, 6, 7, 12'), (3, 'est_days', '3, 7, 12'),
        (4, 'rrh_psh_pre_move_in_days', '4, 5, 6, 7, 8, 9, 10, 11, 12'),
        (5, 'system_homeless_days', '5, 6, 7, 8, 9, 10, 11, 12'),
        (6, 'other_3917_days', '1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12'),
        (7, 'total_homeless_days', '1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12'),
        (8, 'rrh_housed_days', '4, 5, 6, 7, 10, 11, 12'),
        (9, 'system_days_not_psh_housed', '1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12'),
    ] %}
    {%- set housed = [
        (10, 'psh_housed_days', 'psh_move_in in (1, 2) and psh_status in (12, 22)'),
        (11, 'psh_housed_days', 'psh_move_in in (1, 2) and psh_status in (11, 21)'),
        (12, 'rrh_pre_move_in_days', 'rrh_status in (12, 22) and rrh_move_in = 0'),
        (13, 'rrh_pre_move_in_days', 'rrh_status in (11, 21) and rrh_move_in = 0'),
        (14, 'rrh_pre_move_in_days', 'rrh_move_in in (1, 2) and rrh_status > 2'),
        (15, 'rrh_housed_days', 'rrh_status in (12, 22) and rrh_move_in in (1, 2)'),
        (16, 'rrh_housed_days', 'rrh_status in (11, 21) and rrh_move_in in (1, 2)'),
    ] %}
    {%- for row, column, paths in loth %}
    select request_id, hoh_personal_key, hh_type, {{ row }} as report_row, -1 as system_path, {{ column }} as days
    from households where {{ column }} > 0
    union all
    select request_id, hoh_personal_key, hh_type, {{ row }}, system_path, {{ column }}
    from households where {{ column }} > 0 and system_path in ({{ paths }})
    union all
    {%- endfor %}
    {%- for row, column, condition in housed %}
    select request_id, hoh_personal_key, hh_type, {{ row }}, -1, {{ column }}
    from households where {{ column }} > 0 and {{ condition }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

averaged as (

    {#- Rows 10-16 and the SystemPath rows for populations 0 and 10-17 only (all_rows; §8.3: subpopulations are for
        rows 1-9). -#}
    select
        measures.request_id,
        measures.report_row,
        populations.report_hh_type as hh_type,
        populations.population,
        measures.system_path,
        sum(measures.days) as total_days,
        count(*) as households
    from measures
    inner join populations
        on measures.request_id = populations.request_id
        and measures.hoh_personal_key = populations.hoh_personal_key
        and measures.hh_type = populations.hh_type
    where populations.all_rows = 1
        or (measures.report_row <= 9 and measures.system_path = -1)
    group by
        measures.request_id,
        measures.report_row,
        populations.report_hh_type,
        populations.population,
        measures.system_path

),

final as (

    select
        request_id,
        report_row,
        1 as cohort,
        -1 as universe,
        hh_type,
        population,
        system_path,
        cast(null as {{ dbt.type_string() }}) as project_id,
        {#- the mean rounded half up, in integers: floor((2 * sum + n) / (2 * n)) -#}
        cast(floor((2 * total_days + households) / (2.0 * households)) as integer) as value
    from averaged

)

select * from final
where value > 0
