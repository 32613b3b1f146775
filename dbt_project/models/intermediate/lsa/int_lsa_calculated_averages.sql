{#- LSACalculated's averages from tlsa_Household (LSA spec §8.4-§8.7): one row per LSA request and average of days
    with a Value above zero: rows 1-9 (length of time homeless; SystemPath -1, and by SystemPath 1-12 per §8.5),
    10-11 (days housed in PSH), 12-16 (days in RRH), by household type (0 all) and population. Cohort 1,
    Universe -1, ProjectID null. The average is of the values > 0 only, rounded half up to a whole number.
    Populations so far: 0 (all) and the subpopulations tlsa_Household already carries (Stat 20-21, PSHMoveIn
    22, the head's race and ethnicity 23-44, HHChild 47; with parent population 0); those that read
    tlsa_Household's HHChronic, HHVet, HHAdultAge, HHParent, HHDisability, HHFleeingDV (10-19, 45-46, 48 and
    their combinations) are added once int_lsa_household_summary has them (docs/lsa.md). -#}
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
        summary.hoh_race_ethnicity,
        cast(summary.hoh_race_ethnicity as {{ dbt.type_string() }}) as race_code
    from {{ ref('int_lsa_household_days') }} as days
    inner join {{ ref('int_lsa_household_summary') }} as summary
        on days.request_id = summary.request_id
        and days.hoh_personal_key = summary.hoh_personal_key
        and days.hh_type = summary.hh_type

),

populations as (

    {#- §8.3: 0 all; subpopulations with parent "All" (their own ids). -#}
    select request_id, hoh_personal_key, hh_type, 0 as population from households
    union all
    select request_id, hoh_personal_key, hh_type, 20 from households where stat = 1
    union all
    select request_id, hoh_personal_key, hh_type, 21 from households where stat = 2
    union all
    select request_id, hoh_personal_key, hh_type, 22 from households where psh_move_in = 1
    union all
    select request_id, hoh_personal_key, hh_type,
        case hoh_race_ethnicity
            when 1 then 23 when 16 then 24 when 2 then 25 when 26 then 26 when 3 then 27 when 36 then 28
            when 6 then 29 when 7 then 30 when 67 then 31 when 4 then 32 when 46 then 33 when 5 then 34
            when 56 then 35
            else case when race_code like '%6%' then 37 else 36 end
        end
    from households
    where hoh_race_ethnicity not in (98, 99)
        and (hoh_race_ethnicity in (1, 16, 2, 26, 3, 36, 6, 7, 67, 4, 46, 5, 56) or hoh_race_ethnicity >= 12)
    {%- for digit, population in [(1, 38), (2, 39), (3, 40), (6, 41), (7, 42), (4, 43), (5, 44)] %}
    union all
    select request_id, hoh_personal_key, hh_type, {{ population }}
    from households where hoh_race_ethnicity not in (98, 99) and race_code like '%{{ digit }}%'
    {%- endfor %}
    union all
    select request_id, hoh_personal_key, hh_type, 47 from households where hh_type = 2 and hh_child = 3

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

    {#- HHType 0 (all) and each household type; rows 10-16 and the SystemPath rows for population 0 only
        (§8.3: subpopulations are for rows 1-9). -#}
    select
        measures.request_id,
        measures.report_row,
        hh_types.hh_type,
        populations.population,
        measures.system_path,
        sum(measures.days) as total_days,
        count(*) as households
    from measures
    inner join populations
        on measures.request_id = populations.request_id
        and measures.hoh_personal_key = populations.hoh_personal_key
        and measures.hh_type = populations.hh_type
    inner join (
        select 0 as hh_type union all select 1 union all select 2 union all select 3 union all select 99
    ) as hh_types
        on hh_types.hh_type = 0 or hh_types.hh_type = measures.hh_type
    where populations.population = 0
        or (measures.report_row <= 9 and measures.system_path = -1)
    group by measures.request_id, measures.report_row, hh_types.hh_type, populations.population, measures.system_path

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
    where population <> 47 or hh_type = 2

)

select * from final
where value > 0
