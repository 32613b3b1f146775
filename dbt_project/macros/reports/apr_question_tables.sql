{#- APR/CAPER question tables that HUD asks again for a sub-population: the whole report's table and its
    veteran (Q25), chronically homeless (Q26) and youth (Q27) versions are one macro each, called with
    the universe (a condition on int_report_clients or the intermediate model the table reads) and the
    table whose row layout it repeats. -#}

{% macro apr_race_fields() -%}
    {#- Race and ethnicity (3.04) as (key, Client column), in HUD's order. -#}
    {{ return([
        ('am_ind', 'am_ind_ak_native'), ('asian', 'asian'), ('black', 'black_af_american'),
        ('hispanic', 'hispanic_latinao'), ('mena', 'mid_east_n_african'), ('nhpi', 'native_hi_pacific'),
        ('white', 'white'),
    ]) }}
{%- endmacro %}


{% macro apr_race_count() -%}
    {#- How many race and ethnicity fields a person answered yes (1). -#}
    (
        {%- for key, column in apr_race_fields() %}
        case when {{ column }} = 1 then 1 else 0 end{{ ' +' if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}


{% macro apr_race_groups() -%}
    {#- The ten race and ethnicity groups of Q22f, Q22g and Q23e (columns), in HUD's order. -#}
    {%- set groups = [] %}
    {%- for key, column in apr_race_fields() %}{% do groups.append(key) %}{% endfor %}
    {%- do groups.extend(['at_least_one_race_and_hispanic', 'multiracial_not_hispanic', 'unknown_race']) %}
    {{ return(groups) }}
{%- endmacro %}


{% macro apr_race_group() -%}
    {#- A person's group among apr_race_groups(): the one race chosen; two or more with Hispanic/Latina/e/o;
        two or more without; none chosen (doesn't know, prefers not to answer, not collected) unknown. -#}
    case
        {%- for key, column in apr_race_fields() %}
        when {{ apr_race_count() }} = 1 and {{ column }} = 1 then '{{ key }}'
        {%- endfor %}
        when {{ apr_race_count() }} >= 2 and hispanic_latinao = 1 then 'at_least_one_race_and_hispanic'
        when {{ apr_race_count() }} >= 2 then 'multiracial_not_hispanic'
        else 'unknown_race'
    end
{%- endmacro %}


{% macro apr_round(expression, places) -%}
    {#- A number rounded to `places` decimals (as numeric: PostgreSQL rounds numerics, not doubles). -#}
    round(cast({{ expression }} as {{ dbt.type_numeric() }}), {{ places }})
{%- endmacro %}


{% macro apr_median(expression) -%}
    {#- The median of `expression` over the group (nulls ignored); DuckDB and PostgreSQL share the
        ordered-set aggregate. -#}
    percentile_cont(0.5) within group (order by {{ expression }})
{%- endmacro %}


{% macro apr_age_table(table_id, universe, bands, with_only_children=true, rows_of=none) -%}
    {#- Q11 and its versions (Q25d veterans, Q26d chronically homeless, Q27a youth): people of `universe`
        by age band (`bands`: row key, first and last year, none = no upper bound), then the unknown ages
        split by DOB data quality, by household type. -#}
    {%- set rows = {} %}
    {%- for row_key, first_year, last_year in bands %}
        {%- do rows.update({row_key: 'reporting_age >= ' ~ first_year
            ~ (' and reporting_age <= ' ~ last_year if last_year is not none else '')}) %}
    {%- endfor %}
    {%- do rows.update({
        'dk_pnta': 'dob is null and dob_data_quality in (8, 9)',
        'data_not_collected': 'is_unknown_age and not (dob is null and coalesce(dob_data_quality in (8, 9), false))',
        'total': 'true',
    }) %}
with

clients as (

    select * from {{ ref('int_report_clients') }} where {{ universe }}

),

{{ apr_by_household_type(table_id, 'clients', rows, with_only_children=with_only_children, rows_of=rows_of) }}
{%- endmacro %}


{% macro apr_prior_living_situation_table(table_id, universe, rows_of=none) -%}
    {#- Q15 and Q27d: people of `universe` by where they stayed before project start (3.917.1), with
        subtotals per class and the unknown answers, by household type. -#}
    {%- set coded = ['116', '101', '118', '215', '206', '207', '225', '204', '205', '302', '329', '314', '332',
        '336', '335', '410', '435', '421', '411'] %}
    {%- set rows = {} %}
    {%- for code in coded %}{% do rows.update({code: 'living_situation = ' ~ code}) %}{% endfor %}
    {%- do rows.update({
        'homeless_subtotal': 'living_situation between 100 and 199',
        'institutional_subtotal': 'living_situation between 200 and 299',
        'temporary_subtotal': 'living_situation between 300 and 399',
        'permanent_subtotal': 'living_situation between 400 and 499',
        'dk_pnta': 'living_situation in (8, 9)',
        'data_not_collected': 'living_situation = 99 or living_situation is null',
        'other_subtotal': 'living_situation in (8, 9, 99) or living_situation is null',
        'total': 'true',
    }) %}
with

clients as (

    select * from {{ ref('int_report_clients') }} where {{ universe }}

),

{{ apr_by_household_type(table_id, 'clients', rows, rows_of=rows_of) }}
{%- endmacro %}


{% macro apr_exit_destination_table(table_id, universe, rows_of=none) -%}
    {#- Q23c and its versions (Q25i veterans, Q27f1 youth): leavers of `universe` by destination (3.12)
        with class subtotals, then the people exiting to positive housing destinations and those whose
        destination excludes them, by the project type of the stay they left (apr-caper.md Q23c;
        docs/decisions.md), and the rate positive / (total - excluded). -#}
    {%- set coded = ['116', '101', '118', '215', '206', '207', '225', '204', '205', '302', '329', '314', '332',
        '312', '313', '327', '422', '423', '426', '410', '435', '421', '411', '30', '17', '24'] %}
    {%- set rows = {} %}
    {%- for code in coded %}{% do rows.update({code: 'destination = ' ~ code}) %}{% endfor %}
    {%- do rows.update({
        'homeless_subtotal': "destination_class = 'homeless'",
        'institutional_subtotal': "destination_class = 'institutional'",
        'temporary_subtotal': "destination_class = 'temporary'",
        'permanent_subtotal': "destination_class = 'permanent'",
        'dk_pnta': 'destination in (8, 9)',
        'data_not_collected': 'destination = 99 or destination is null',
        'other_subtotal': "destination_class = 'other' or destination_class is null",
        'total': 'true',
        'positive': 'is_positive_destination',
        'excluded': 'is_excluded_destination',
    }) %}
with

leavers as (

    select
        int_report_clients.*,
        coalesce(
            destination_class = 'permanent'
            or (project_type = 4 and destination in (101, 118, 215, 204, 205, 225, 302, 312, 313, 314, 327, 332)),
            false
        ) as is_positive_destination,
        coalesce(
            case
                when project_type = 4 then destination in (206, 329, 24)
                else destination in (206, 215, 225, 24)
            end,
            false
        ) as is_excluded_destination
    from {{ ref('int_report_clients') }}
    where is_leaver and {{ universe }}

),

members as (

    {{ apr_members('leavers', rows) }}

),

counted as (

    {{ apr_count_by_household_type('members') }}

),

rates as (

    select
        totals.request_id,
        'positive_rate' as row_key,
        {%- for column in apr_household_type_columns() %}
        {{ apr_rate(
            'coalesce(positives.' ~ column ~ ', 0)',
            'totals.' ~ column ~ ' - coalesce(exclusions.' ~ column ~ ', 0)'
        ) }} as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from counted as totals
    left join counted as positives
        on totals.request_id = positives.request_id and positives.row_key = 'positive'
    left join counted as exclusions
        on totals.request_id = exclusions.request_id and exclusions.row_key = 'excluded'
    where totals.row_key = 'total'

),

cells as (

    select
        request_id,
        row_key,
        {%- for column in apr_household_type_columns() %}
        cast({{ column }} as {{ dbt.type_numeric() }}) as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from counted
    union all
    select * from rates

)

{{ apr_table_layout(
    table_id, 'cells', apr_household_type_columns(),
    types=dict.fromkeys(apr_household_type_columns(), 'decimal(18,4)'), rows_of=rows_of
) }}
{%- endmacro %}


{% macro apr_rental_subsidy_types() -%}
    {#- Rental subsidy types (3.12.A) of a destination 435, in the order of HUD's Q23d rows. -#}
    {{ return(['428', '419', '431', '433', '434', '420', '436', '437', '438', '439', '440']) }}
{%- endmacro %}


{% macro apr_exit_subsidy_type_table(table_id, universe, with_only_children=true, rows_of=none) -%}
    {#- Q23d and its versions (Q25j veterans, Q27f2 youth): leavers of `universe` who exited to rental with
        an ongoing subsidy (435) by the subsidy type (3.12.A); homelessness prevention stays are not
        reported (FY2026). The total counts the valid subsidy types only (apr-caper.md). -#}
    {%- set rows = {} %}
    {%- for code in apr_rental_subsidy_types() %}{% do rows.update({code: 'destination_subsidy_type = ' ~ code}) %}{% endfor %}
    {%- do rows.update({'total': 'destination_subsidy_type in (' ~ apr_rental_subsidy_types() | join(', ') ~ ')'}) %}
with

leavers as (

    select * from {{ ref('int_report_clients') }}
    where is_leaver and destination = 435 and project_type <> 12 and {{ universe }}

),

{{ apr_by_household_type(table_id, 'leavers', rows, with_only_children=with_only_children, rows_of=rows_of) }}
{%- endmacro %}


{% macro apr_cash_income_sources_table(table_id, universe, rows_of=none) -%}
    {#- Q17 and Q27g: people of `universe` (on int_report_cash_income) whose income record at start, at
        the annual assessment (stayers who owe one) or at exit (leavers) says yes to each cash source; a
        person counts under every source they have. The last row counts people who answered yes or no
        both at start and later. -#}
    {%- set sources = [] %}
    {%- for flag, amount in income_sources() %}{% do sources.append(flag) %}{% endfor %}
    {%- set rows = {} %}
    {%- for flag in sources %}{% do rows.update({flag: 'has_' ~ flag}) %}{% endfor %}
    {%- do rows.update({
        'income_information_at_start_and_later':
            "income_column <> 'at_start' and start_income_from_any_source in (0, 1) and income_from_any_source in (0, 1)",
    }) %}
with

cash_income as (

    select * from {{ ref('int_report_cash_income') }}
    where ({{ universe }}) and (income_column <> 'at_annual_assessment' or is_annual_assessment_required)

),

income_points as (

    select * from {{ ref('int_report_income_points') }}

),

with_sources as (

    select
        cash_income.request_id,
        cash_income.personal_key,
        cash_income.income_column,
        cash_income.income_from_any_source,
        start_points.income_from_any_source as start_income_from_any_source,
        {%- for flag in sources %}
        coalesce(income_points.has_{{ flag }}, false) as has_{{ flag }}{{ ',' if not loop.last }}
        {%- endfor %}
    from cash_income
    left join income_points
        on cash_income.request_id = income_points.request_id
        and cash_income.enrollment_key = income_points.enrollment_key
        and cash_income.assessment_point = income_points.assessment_point
    left join income_points as start_points
        on cash_income.request_id = start_points.request_id
        and cash_income.enrollment_key = start_points.enrollment_key
        and start_points.assessment_point = 'start'

),

{{ apr_by_income_point(table_id, 'with_sources', rows, rows_of=rows_of) }}
{%- endmacro %}


{% macro apr_income_categories_table(table_id, universe, rows_of=none) -%}
    {#- Q18 and Q27h: people of `universe` (on int_report_cash_income) by whether their income is earned,
        other, both or none (glossary §12: other = total - earned), with the unknown answers, at start,
        annual assessment (stayers; not yet due and missing have their own rows) and exit (leavers). -#}
    {%- set rows = apr_income_category_rows() %}
with

cash_income as (

    select * from {{ ref('int_report_cash_income') }} where {{ universe }}

),

with_start as (

    select
        cash_income.*,
        start_income.income_from_any_source as start_income_from_any_source
    from cash_income
    left join cash_income as start_income
        on cash_income.request_id = start_income.request_id
        and cash_income.personal_key = start_income.personal_key
        and start_income.income_column = 'at_start'

),

{{ apr_by_income_point(table_id, 'with_start', rows, rows_of=rows_of) }}
{%- endmacro %}


{% macro apr_disabling_condition_income_household_types(with_only_children) -%}
    {#- Q19b / Q27i column groups: (prefix, household type). -#}
    {%- set groups = [('ao', 'without_children'), ('ac', 'with_children_and_adults')] %}
    {%- if with_only_children %}{% do groups.append(('co', 'with_only_children')) %}{% endif %}
    {%- do groups.append(('uk', 'unknown_household_type')) %}
    {{ return(groups) }}
{%- endmacro %}


{% macro apr_disabling_condition_income_columns(with_only_children) -%}
    {%- set columns = [] %}
    {%- for prefix, household_type in apr_disabling_condition_income_household_types(with_only_children) %}
        {%- do columns.extend([prefix ~ '_with_disabling_condition', prefix ~ '_without_disabling_condition',
            prefix ~ '_total', prefix ~ '_percent_with_disabling_condition']) %}
    {%- endfor %}
    {{ return(columns) }}
{%- endmacro %}


{% macro apr_disabling_condition_income_table(table_id, universe, with_only_children=false, rows_of=none) -%}
    {#- Q19b (adults) and Q27i (youth): leavers of `universe` who answered the disabling condition (3.08,
        0/1) and income from any source at exit (raw 0/1), per cash income source at exit, "no sources"
        (income from any source 0) and in total; per household type: with and without a disabling
        condition, all, and the share with one (blank in the total row). -#}
    {%- set sources = [] %}
    {%- for flag, amount in income_sources() %}{% do sources.append(flag) %}{% endfor %}
    {%- set groups = apr_disabling_condition_income_household_types(with_only_children) %}
with

leavers as (

    select * from {{ ref('int_report_clients') }} where is_leaver and {{ universe }}

),

exit_income as (

    select * from {{ ref('int_report_income_points') }} where assessment_point = 'exit'

),

universe as (

    select
        leavers.request_id,
        leavers.personal_key,
        leavers.household_type,
        leavers.disabling_condition,
        exit_income.income_from_any_source,
        {%- for flag in sources %}
        exit_income.has_{{ flag }}{{ ',' if not loop.last }}
        {%- endfor %}
    from leavers
    inner join exit_income
        on leavers.request_id = exit_income.request_id
        and leavers.enrollment_key = exit_income.enrollment_key
    where leavers.disabling_condition in (0, 1)
        and exit_income.income_from_any_source in (0, 1)

),

members as (

    {%- set rows = {} %}
    {%- for flag in sources %}{% do rows.update({flag: 'has_' ~ flag}) %}{% endfor %}
    {%- do rows.update({'no_sources': 'income_from_any_source = 0', 'total': 'true'}) %}
    {{ apr_members('universe', rows, columns=['household_type', 'disabling_condition']) }}

),

counted as (

    select
        request_id,
        row_key,
        {%- for prefix, household_type in groups %}
        count(distinct case when household_type = '{{ household_type }}' and disabling_condition = 1
            then personal_key end) as {{ prefix }}_with_disabling_condition,
        count(distinct case when household_type = '{{ household_type }}' and disabling_condition = 0
            then personal_key end) as {{ prefix }}_without_disabling_condition,
        count(distinct case when household_type = '{{ household_type }}' then personal_key end)
            as {{ prefix }}_total{{ ',' if not loop.last }}
        {%- endfor %}
    from members
    group by request_id, row_key

),

cells as (

    select
        request_id,
        row_key,
        {%- for prefix, household_type in groups %}
        cast({{ prefix }}_with_disabling_condition as {{ dbt.type_numeric() }}) as {{ prefix }}_with_disabling_condition,
        cast({{ prefix }}_without_disabling_condition as {{ dbt.type_numeric() }})
            as {{ prefix }}_without_disabling_condition,
        cast({{ prefix }}_total as {{ dbt.type_numeric() }}) as {{ prefix }}_total,
        {{ apr_rate(prefix ~ '_with_disabling_condition', prefix ~ '_total') }}
            as {{ prefix }}_percent_with_disabling_condition{{ ',' if not loop.last }}
        {%- endfor %}
    from counted

)

{%- set columns = apr_disabling_condition_income_columns(with_only_children) %}
{{ apr_table_layout(table_id, 'cells', columns, types=dict.fromkeys(columns, 'decimal(18,4)'), rows_of=rows_of) }}
{%- endmacro %}


{% macro apr_length_summary_table(table_id, universe, rows_of=none) -%}
    {#- Q22b and Q27j: the average and median length of participation in days (glossary §3; night-by-night
        shelter: bed nights) of the leavers and the stayers of `universe`, rounded to 2 places; 0 when
        there is nobody. -#}
with

clients as (

    select * from {{ ref('int_report_clients') }} where {{ universe }}

),

summarised as (

    select
        request_id,
        avg(case when is_leaver then days_in_project end) as leavers_average,
        avg(case when is_stayer then days_in_project end) as stayers_average,
        {{ apr_median('case when is_leaver then days_in_project end') }} as leavers_median,
        {{ apr_median('case when is_stayer then days_in_project end') }} as stayers_median
    from clients
    group by request_id

),

cells as (

    select
        request_id,
        'average' as row_key,
        {{ apr_round('leavers_average', 2) }} as leavers,
        {{ apr_round('stayers_average', 2) }} as stayers
    from summarised
    union all
    select
        request_id,
        'median' as row_key,
        {{ apr_round('leavers_median', 2) }} as leavers,
        {{ apr_round('stayers_median', 2) }} as stayers
    from summarised

)

{{ apr_table_layout(
    table_id, 'cells', ['leavers', 'stayers'], types=dict.fromkeys(['leavers', 'stayers'], 'decimal(18,2)'),
    rows_of=rows_of
) }}
{%- endmacro %}


{% macro apr_time_to_move_in_table(table_id, universe, rows_of=none) -%}
    {#- Q22c and Q27k: people of int_report_time_to_move_in (PSH/RRH stays whose household moved in
        during the period, and leavers who never moved in) matching `universe`, by days from their own
        start to move-in; the average in whole days. -#}
    {%- set buckets = [
        ('0_7', 0, 7), ('8_14', 8, 14), ('15_21', 15, 21), ('22_30', 22, 30), ('31_60', 31, 60),
        ('61_90', 61, 90), ('91_180', 91, 180), ('181_365', 181, 365), ('366_730', 366, 730),
    ] %}
with

universe as (

    select * from {{ ref('int_report_time_to_move_in') }} where {{ universe }}

),

members as (

    select request_id, personal_key, household_type, {{ apr_day_buckets('days_to_move_in', buckets) }} as row_key
    from universe
    where is_moved_in
    union all
    select request_id, personal_key, household_type, 'moved_in' as row_key
    from universe
    where is_moved_in
    union all
    select request_id, personal_key, household_type, 'exited_without_move_in' as row_key
    from universe
    where not is_moved_in
    union all
    select request_id, personal_key, household_type, 'total' as row_key
    from universe

),

counted as (

    {{ apr_count_by_household_type('members') }}

),

averages as (

    select
        request_id,
        'average_days' as row_key,
        {%- for column in apr_household_type_columns() %}
        round(avg(case
            when is_moved_in
                {%- if column != 'total' %} and household_type = '{{ column }}'{% endif %}
                then days_to_move_in
        end)) as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from universe
    group by request_id

),

cells as (

    select * from counted
    union all
    select * from averages

)

{{ apr_table_layout(table_id, 'cells', apr_household_type_columns(), rows_of=rows_of) }}
{%- endmacro %}


{% macro apr_time_prior_to_housing_table(table_id, universe, rows_of=none) -%}
    {#- Q22e and Q27l: people of int_report_time_prior_to_housing (ES, TH, SH and PH stays) matching
        `universe`, by days from the date their homelessness started (3.917.3) to housing. -#}
    {%- set buckets = [
        ('0_7', 0, 7), ('8_14', 8, 14), ('15_21', 15, 21), ('22_30', 22, 30), ('31_60', 31, 60),
        ('61_90', 61, 90), ('91_180', 91, 180), ('181_365', 181, 365), ('366_730', 366, 730),
        ('731_plus', 731, none),
    ] %}
with

universe as (

    select * from {{ ref('int_report_time_prior_to_housing') }} where {{ universe }}

),

members as (

    select
        request_id,
        personal_key,
        household_type,
        case
            when housing_status = 'moved_in' then {{ apr_day_buckets('days_prior_to_housing', buckets) }}
            else housing_status
        end as row_key
    from universe
    union all
    select request_id, personal_key, household_type, 'moved_in' as row_key
    from universe
    where housing_status = 'moved_in'
    union all
    select request_id, personal_key, household_type, 'total' as row_key
    from universe

),

cells as (

    {{ apr_count_by_household_type('members') }}

)

{{ apr_table_layout(table_id, 'cells', apr_household_type_columns(), rows_of=rows_of) }}
{%- endmacro %}


{% macro apr_race_measures_table(table_id, people, moved_in, not_moved_in, not_moved_in_row, days) -%}
    {#- Q22f and Q22g: per race and ethnicity group (columns), the people of the model `people` who moved
        in, those who did not (HUD row `not_moved_in_row`), and the average and median days to housing
        of those who moved in (4 places). -#}
with

people as (

    select
        {{ people }}.*,
        {{ apr_race_group() }} as race_group
    from {{ ref(people) }}

),

measured as (

    select
        request_id,
        race_group,
        cast(count(distinct case when {{ moved_in }} then personal_key end) as {{ dbt.type_numeric() }})
            as moved_in,
        cast(count(distinct case when {{ not_moved_in }} then personal_key end) as {{ dbt.type_numeric() }})
            as not_moved_in,
        {{ apr_round('avg(case when ' ~ moved_in ~ ' then ' ~ days ~ ' end)', 4) }} as average_days,
        {{ apr_round(apr_median('case when ' ~ moved_in ~ ' then ' ~ days ~ ' end'), 4) }} as median_days
    from people
    group by request_id, race_group

),

measures as (

    {%- for measure in ['moved_in', 'not_moved_in', 'average_days', 'median_days'] %}
    select request_id, race_group, '{{ measure }}' as measure, {{ measure }} as value from measured
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

cells as (

    select
        request_id,
        case when measure = 'not_moved_in' then '{{ not_moved_in_row }}' else measure end as row_key,
        {%- for group in apr_race_groups() %}
        max(case when race_group = '{{ group }}' then value end) as {{ group }}{{ ',' if not loop.last }}
        {%- endfor %}
    from measures
    group by request_id, measure

)

{{ apr_table_layout(table_id, 'cells', apr_race_groups(), types=dict.fromkeys(apr_race_groups(), 'decimal(18,4)')) }}
{%- endmacro %}


{% macro apr_condition_count_table(table_id, assessment_point, universe) -%}
    {#- Q13a2/Q13b2/Q13c2: people of `universe` by how many conditions they reported at the point of
        collection (int_report_conditions; both alcohol and drug use count as two); with none, the
        disabling condition answer (3.08) decides: no -> None, yes -> Condition Unknown, doesn't
        know/prefers not to answer, else not collected. Columns as Q13a1. -#}
    {%- set condition_row %}
    case
        when conditions.condition_count = 1 then '1_condition'
        when conditions.condition_count = 2 then '2_conditions'
        when conditions.condition_count >= 3 then '3_plus_conditions'
        when clients.disabling_condition = 0 then 'none'
        when clients.disabling_condition = 1 then 'condition_unknown'
        when clients.disabling_condition in (8, 9) then 'dk_pnta'
        else 'data_not_collected'
    end as condition_row
{%- endset %}
with

{{ apr_clients_with_conditions('counted', assessment_point, universe, 'left', [condition_row]) }},

members as (

    select request_id, personal_key, condition_row as row_key, household_type, is_adult, is_child, is_unknown_age
    from counted
    union all
    select request_id, personal_key, 'total' as row_key, household_type, is_adult, is_child, is_unknown_age
    from counted

),

cells as (

    {{ apr_count_where('members', apr_split_household_type_columns()) }}

)

{{ apr_table_layout(table_id, 'cells', apr_split_household_type_columns().keys() | list, rows_of='Q13a2') }}
{%- endmacro %}


{% macro apr_income_range_rows() -%}
    {#- Q16's rows: row key -> condition on int_report_cash_income. Each person is in exactly one row before
        'total' (tests/hud_apr/hud_apr_income_categories_hold_each_person_once.sql). -#}
    {{ return({
        'no_income': "income_category = 'no_income'",
        '1_150': "income_category = 'income' and total_income_dollars <= 150",
        '151_250': "income_category = 'income' and total_income_dollars > 150 and total_income_dollars <= 250",
        '251_500': "income_category = 'income' and total_income_dollars > 250 and total_income_dollars <= 500",
        '501_1000': "income_category = 'income' and total_income_dollars > 500 and total_income_dollars <= 1000",
        '1001_1500': "income_category = 'income' and total_income_dollars > 1000 and total_income_dollars <= 1500",
        '1501_2000': "income_category = 'income' and total_income_dollars > 1500 and total_income_dollars <= 2000",
        '2001_plus': "income_category = 'income' and total_income_dollars > 2000",
        'dk_pnta': "income_category = 'dk_pnta'",
        'data_not_collected': "income_category = 'data_not_collected'",
        'aa_not_yet_required': "income_category = 'aa_not_yet_required'",
        'aa_missing': "income_category = 'aa_missing'",
        'total': 'true',
    }) }}
{%- endmacro %}


{% macro apr_income_category_rows() -%}
    {#- Q18's and Q27h's rows: row key -> condition on int_report_cash_income (with start_income_from_any_source
        for the last row). Each person is in exactly one row before 'total'. -#}
    {{ return({
        'only_earned': "income_category = 'income' and earned_income > 0 and not other_income > 0",
        'only_other': "income_category = 'income' and not earned_income > 0",
        'both': "income_category = 'income' and earned_income > 0 and other_income > 0",
        'no_income': "income_category = 'no_income'",
        'dk_pnta': "income_category = 'dk_pnta'",
        'missing': "income_category = 'data_not_collected'",
        'aa_not_yet_required': "income_category = 'aa_not_yet_required'",
        'aa_missing': "income_category = 'aa_missing'",
        'total': 'true',
        'one_or_more_sources': "income_category = 'income'",
        'income_information_at_start_and_later':
            "income_column <> 'at_start' and income_category not in ('aa_not_yet_required', 'aa_missing') "
            ~ "and start_income_from_any_source in (0, 1) and income_from_any_source in (0, 1)",
    }) }}
{%- endmacro %}


{% macro apr_domestic_violence_answers() -%}
    {#- Q14a/Q14b: the CTEs `adults_and_heads` and `answered`, one row per request and adult or head of
        household with their latest domestic violence record (4.11, int_report_domestic_violence; null when
        none): survivor answer and when it last happened. Precedes the caller's own CTEs. -#}
adults_and_heads as (

    select * from {{ ref('int_report_clients') }} where is_adult_or_head

),

domestic_violence as (

    select * from {{ ref('int_report_domestic_violence') }}

),

answered as (

    select
        adults_and_heads.request_id,
        adults_and_heads.personal_key,
        adults_and_heads.household_type,
        domestic_violence.domestic_violence_survivor,
        domestic_violence.when_occurred
    from adults_and_heads
    left join domestic_violence
        on adults_and_heads.request_id = domestic_violence.request_id
        and adults_and_heads.enrollment_key = domestic_violence.enrollment_key

)
{%- endmacro %}


{% macro apr_clients_with_conditions(name, assessment_point, universe, join, columns) -%}
    {#- Q13a1-Q13c2: the CTEs `clients` (int_report_clients where `universe`), `conditions` (int_report_conditions
        at `assessment_point`) and `name`: each client's request, person, household type and age status with
        `columns` (expressions on both), `join` ('inner' or 'left') joined on the enrollment. -#}
clients as (

    select * from {{ ref('int_report_clients') }} where {{ universe }}

),

conditions as (

    select * from {{ ref('int_report_conditions') }} where assessment_point = '{{ assessment_point }}'

),

{{ name }} as (

    select
        clients.request_id,
        clients.personal_key,
        clients.household_type,
        clients.is_adult,
        clients.is_child,
        clients.is_unknown_age,
        {{ columns | join(',\n        ') }}
    from clients
    {{ join }} join conditions
        on clients.request_id = conditions.request_id
        and clients.enrollment_key = conditions.enrollment_key

)
{%- endmacro %}
