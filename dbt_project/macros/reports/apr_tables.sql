{#- Building blocks of the APR/CAPER question marts. A mart computes its cells (one row per request and
    row key, one column per HUD value column) and ends with apr_table_layout, which lays the cells out
    on HUD's rows for every request whose report has the table: row order and labels come from the
    seeds apr_table_rows / report_tables (labels of coded rows from the HUD code lists), blank
    ("intentionally blank") cells are NULL, cells nobody falls into are 0. -#}

{% macro apr_household_type_columns(with_only_children=true) -%}
    {#- HUD's household-type columns B-F (Q25a leaves out "with only children"). -#}
    {%- set columns = ['total', 'without_children', 'with_children_and_adults'] -%}
    {%- if with_only_children %}{% do columns.append('with_only_children') %}{% endif -%}
    {%- do columns.append('unknown_household_type') -%}
    {{ return(columns) }}
{%- endmacro %}


{% macro apr_count_by_household_type(members, key='personal_key', with_only_children=true) -%}
    {#- Distinct people (or heads, with key) per request and row key, in total and per household type. -#}
    select
        request_id,
        row_key,
        {%- for column in apr_household_type_columns(with_only_children) %}
        {%- if column == 'total' %}
        count(distinct {{ key }}) as total,
        {%- else %}
        count(distinct case when household_type = '{{ column }}' then {{ key }} end)
            as {{ column }}{{ ',' if not loop.last }}
        {%- endif %}
        {%- endfor %}
    from {{ members }}
    group by request_id, row_key
{%- endmacro %}


{% macro apr_count_where(members, columns, key='personal_key') -%}
    {#- Distinct people per request and row key for each value column; `columns` maps a column to the
        condition a member must meet to be counted in it. -#}
    select
        request_id,
        row_key,
        {%- for column, condition in columns.items() %}
        count(distinct case when {{ condition }} then {{ key }} end) as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ members }}
    group by request_id, row_key
{%- endmacro %}


{% macro apr_rate(numerator, denominator, scale=4) -%}
    {#- HUD rates: a decimal fraction rounded to `scale` places; 0 when the denominator is 0. Both sides
        are bracketed, so a denominator like `total - excluded` (Q23c row 43) divides as a whole. -#}
    case
        when coalesce(({{ denominator }}), 0) = 0 then 0
        else round(cast(({{ numerator }}) as {{ dbt.type_numeric() }}) / ({{ denominator }}), {{ scale }})
    end
{%- endmacro %}


{% macro apr_table_layout(table_id, cells, columns, types={}, rows_of=none) -%}
    {#- The closing CTEs of a question mart (continues a `with` chain): every requested report whose
        layout (seed report_tables) names the calling mart x HUD's rows of the table `table_id`, left-joined to `cells` on row_key. `types` gives the type of
        value columns that are not counts (bigint). `rows_of` names another table whose rows this one
        repeats (Q25i has Q23c's rows), so a row layout is written once in the seed. -#}
,

apr_requests as (

    select requests.request_id
    from {{ ref('stg_meta__report_requests') }} as requests
    where requests.report in (
        select report_tables.report
        from {{ ref('report_tables') }} as report_tables
        where report_tables.model_name = '{{ model.name }}'
    )

),

apr_layout as (

    select
        table_rows.row_order,
        table_rows.row_key,
        coalesce(table_rows.row_label, code_labels.label) as row_label,
        ' ' || coalesce(table_rows.blank_columns, '') || ' ' as blank_columns
    from {{ ref('apr_table_rows') }} as table_rows
    left join {{ ref('stg_hud_spec__code_labels') }} as code_labels
        on table_rows.label_list = code_labels.list_id
        and table_rows.row_key = code_labels.code
    where table_rows.table_id = '{{ rows_of or table_id }}'

),

final as (

    select
        apr_requests.request_id,
        cast(apr_layout.row_order as integer) as row_order,
        cast(apr_layout.row_label as {{ dbt.type_string() }}) as row_label,
        {%- for column in columns %}
        case
            when apr_layout.blank_columns like '% * %' or apr_layout.blank_columns like '% {{ column }} %' then null
            else cast(coalesce({{ cells }}.{{ column }}, 0) as {{ types.get(column, 'bigint') }})
        end as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from apr_requests
    cross join apr_layout
    left join {{ cells }}
        on apr_requests.request_id = {{ cells }}.request_id
        and apr_layout.row_key = {{ cells }}.row_key

)

select * from final
{%- endmacro %}


{% macro apr_members(relation, rows, columns=['household_type']) -%}
    {#- One row per request, person and HUD row they count in: `rows` maps a row key to the condition
        (on `relation`) for being counted there; a person may count in several rows. -#}
    {%- for row_key, condition in rows.items() %}
    select request_id, personal_key, '{{ row_key }}' as row_key{% for column in columns %}, {{ column }}{% endfor %}
    from {{ relation }}
    where {{ condition }}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
{%- endmacro %}


{% macro apr_by_household_type(table_id, relation, rows, with_only_children=true, rows_of=none) -%}
    {#- The end of most person and household tables: the CTEs `members` and `cells` counting the people of
        `relation` in `rows` (apr_members) by household type, then HUD's layout. Follows the caller's CTEs. -#}
members as (

    {{ apr_members(relation, rows) }}

),

cells as (

    {{ apr_count_by_household_type('members', with_only_children=with_only_children) }}

)

{{ apr_table_layout(table_id, 'cells', apr_household_type_columns(with_only_children), rows_of=rows_of) }}
{%- endmacro %}


{% macro apr_by_income_point(table_id, relation, rows, rows_of=none) -%}
    {#- The end of an income table (Q16, Q17, Q18 and their youth and veteran repeats): the CTEs `members`
        and `cells` counting the people of `relation` (one row per person and income_column) in `rows`, by
        income at start, annual assessment and exit, then HUD's layout. Follows the caller's own CTEs. -#}
members as (

    {{ apr_members(relation, rows, columns=['income_column']) }}

),

cells as (

    {{ apr_count_where('members', {
        'at_start': "income_column = 'at_start'",
        'at_annual_assessment': "income_column = 'at_annual_assessment'",
        'at_exit': "income_column = 'at_exit'",
    }) }}

)

{{ apr_table_layout(table_id, 'cells', ['at_start', 'at_annual_assessment', 'at_exit'], rows_of=rows_of) }}
{%- endmacro %}


{% macro apr_dq_cells(members, denominators) -%}
    {#- Data-quality tables Q6a-Q6c: `members` has one row per request, person and element (row_key)
        with the first problem found (`problem`: dk_pnta, information_missing or data_issues); column E
        counts people with any problem and F divides E by the row's denominator (`denominators`: a
        relation with request_id, row_key, denominator). -#}
    select
        counted.request_id,
        counted.row_key,
        counted.dk_pnta,
        counted.information_missing,
        counted.data_issues,
        counted.total,
        {{ apr_rate('counted.total', 'denominators.denominator') }} as issue_rate
    from (
        select
            request_id,
            row_key,
            count(distinct case when problem = 'dk_pnta' then personal_key end) as dk_pnta,
            count(distinct case when problem = 'information_missing' then personal_key end) as information_missing,
            count(distinct case when problem = 'data_issues' then personal_key end) as data_issues,
            count(distinct case when problem is not null then personal_key end) as total
        from {{ members }}
        group by request_id, row_key
    ) as counted
    left join {{ denominators }} as denominators
        on counted.request_id = denominators.request_id
        and counted.row_key = denominators.row_key
{%- endmacro %}


{% macro ssn_is_valid(ssn) -%}
    {#- HUD's SSN validity (APR Q6a): nine digits; area not 000, 666 or 9xx; group not 00; serial not
        0000; not one repeated digit; not 123456789 or 987654321. Portable string functions only. -#}
    (
        {{ dbt.length(ssn) }} = 9
        and translate({{ ssn }}, '0123456789', '') = ''
        and substring({{ ssn }}, 1, 3) not in ('000', '666')
        and substring({{ ssn }}, 1, 1) <> '9'
        and substring({{ ssn }}, 4, 2) <> '00'
        and substring({{ ssn }}, 6, 4) <> '0000'
        and translate({{ ssn }}, substring({{ ssn }}, 1, 1), '') <> ''
        and {{ ssn }} not in ('123456789', '987654321')
    )
{%- endmacro %}


{% macro coc_code_is_well_formed(code) -%}
    {#- A CoC code looks like HUD's: two capital letters, a hyphen, three digits (OK-500). Waypoint holds
        no national list of CoC codes, so this is the Q6b "data issue" test (docs/decisions.md). -#}
    (
        {{ dbt.length(code) }} = 6
        and substring({{ code }}, 3, 1) = '-'
        and translate(substring({{ code }}, 4, 3), '0123456789', '') = ''
        and translate(substring({{ code }}, 1, 2), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '') = ''
    )
{%- endmacro %}


{% macro apr_contact_cells(people) -%}
    {#- Q9a/Q9b cells: people (one row per request and person, with contact_count and
        first_contact_situation) by number of contacts (rows) and first contact situation (columns). -#}
    select
        request_id,
        buckets.row_key,
        count(distinct personal_key) as all_persons_contacted,
        count(distinct case
            when first_contact_situation not in (116, 101, 118, 37, 8, 9, 99) then personal_key
        end) as first_contact_not_homeless,
        count(distinct case when first_contact_situation in (116, 101, 118) then personal_key end)
            as first_contact_homeless,
        count(distinct case
            when first_contact_situation in (37, 8, 9, 99) or first_contact_situation is null then personal_key
        end) as first_contact_unable_to_determine
    from {{ people }}
    inner join (
        select 'once' as row_key, 1 as min_contacts, 1 as max_contacts
        union all select '2_5', 2, 5
        union all select '6_9', 6, 9
        union all select '10_plus', 10, 1000000
        union all select 'total', 1, 1000000
    ) as buckets
        on {{ people }}.contact_count between buckets.min_contacts and buckets.max_contacts
    group by request_id, buckets.row_key
{%- endmacro %}


{% macro apr_persons_served_rows(moved_in) -%}
    {#- The rows of Q7a Number of Persons Served (APR/CAPER and CE APR): age groups (DOB unknown split by its
        data quality), the total, and `moved_in` (the condition for the PSH/RRH move-in row). -#}
    {{ return({
        'adults': 'is_adult',
        'children': 'is_child',
        'dk_pnta': 'dob is null and dob_data_quality in (8, 9)',
        'data_not_collected': 'is_unknown_age and not (dob is null and coalesce(dob_data_quality in (8, 9), false))',
        'total': 'true',
        'moved_in': moved_in,
    }) }}
{%- endmacro %}


{% macro apr_condition_rows() -%}
    {#- The rows of the condition tables (Q13a1/Q13b1/Q13c1, Q26e): row key -> int_report_conditions flag. -#}
    {{ return({
        'mental_health': 'has_mental_health',
        'alcohol': 'has_alcohol_only',
        'drug': 'has_drug_only',
        'alcohol_and_drug': 'has_alcohol_and_drug',
        'chronic_health': 'has_chronic_health',
        'hiv_aids': 'has_hiv_aids',
        'developmental': 'has_developmental',
        'physical': 'has_physical',
    }) }}
{%- endmacro %}


{% macro apr_conditions_table(table_id, assessment_point, universe) -%}
    {#- Q13a1/Q13b1/Q13c1: the same table over a different universe and point of collection. -#}
    {%- set rows = apr_condition_rows() %}
with

{{ apr_clients_with_conditions('with_conditions', assessment_point, universe, 'inner', [
    'conditions.has_mental_health', 'conditions.has_alcohol_only', 'conditions.has_drug_only',
    'conditions.has_alcohol_and_drug', 'conditions.has_chronic_health', 'conditions.has_hiv_aids',
    'conditions.has_developmental', 'conditions.has_physical',
]) }},

members as (

    {{ apr_members('with_conditions', rows, columns=['household_type', 'is_adult', 'is_child', 'is_unknown_age']) }}

),

cells as (

    {{ apr_count_where('members', apr_split_household_type_columns()) }}

)

{{ apr_table_layout(table_id, 'cells', apr_split_household_type_columns().keys() | list, rows_of='Q13a1') }}
{%- endmacro %}


{% macro apr_split_household_type_columns() -%}
    {#- Q13's columns B-G: household types with the adults and children of households with children and
        adults apart; unknown-age people count under unknown household type (GR). Maps each column to
        the condition (on household_type, is_adult, is_child, is_unknown_age) for being counted there. -#}
    {{ return({
        'total_persons': 'true',
        'without_children': "household_type = 'without_children' and not is_unknown_age",
        'adults_with_children_and_adults': "household_type = 'with_children_and_adults' and is_adult",
        'children_with_children_and_adults': "household_type = 'with_children_and_adults' and is_child",
        'with_only_children': "household_type = 'with_only_children' and not is_unknown_age",
        'unknown_household_type': "household_type = 'unknown_household_type' or is_unknown_age",
    }) }}
{%- endmacro %}


{% macro apr_validation_table(table_id, clients, dq_clients, rows) -%}
    {#- Q5a Report Validations (APR, CAPER, CE APR): per row of `rows` (row key -> condition on a client), the
        people of `dq_clients` (column B, the data-quality universe) and of `clients` (column C, everyone
        served). Both are selects of one row per request and person. -#}
with

clients as (

    select *, 'all' as universe from ({{ clients }}) as served
    union all
    select *, 'dq' as universe from ({{ dq_clients }}) as in_dq

),

members as (

    {{ apr_members('clients', rows, columns=['universe']) }}

),

cells as (

    {{ apr_count_where('members', {
        'count_of_clients_for_dq': "universe = 'dq'",
        'count_of_clients': "universe = 'all'",
    }) }}

)

{{ apr_table_layout(table_id, 'cells', ['count_of_clients_for_dq', 'count_of_clients']) }}
{%- endmacro %}


{% macro apr_cells_with_rates(counts, requests, columns, rates) -%}
    {#- A count table's `cells`: every row of `counts` (request_id, row_key, one column per `columns`) as a
        number, then one row per rate [row_key, numerator row, [denominator rows]]: per column, the numerator
        row's count over the sum of the denominator rows' counts (apr_rate; a missing row counts 0), for every
        request_id of `requests`. -#}
    select
        request_id,
        row_key,
        {%- for column in columns %}
        cast({{ column }} as {{ dbt.type_numeric() }}) as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ counts }}
    {%- for row_key, numerator, denominators in rates %}
    union all
    select
        requests.request_id,
        '{{ row_key }}' as row_key,
        {%- for column in columns %}
        {%- set parts = [] %}
        {%- for denominator in denominators %}
        {%- do parts.append('coalesce(denominator_' ~ loop.index ~ '.' ~ column ~ ', 0)') %}
        {%- endfor %}
        {{ apr_rate('coalesce(numerator.' ~ column ~ ', 0)', parts | join(' + ')) }} as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from (select distinct request_id from {{ requests }}) as requests
    left join {{ counts }} as numerator
        on requests.request_id = numerator.request_id
        and numerator.row_key = '{{ numerator }}'
    {%- for denominator in denominators %}
    left join {{ counts }} as denominator_{{ loop.index }}
        on requests.request_id = denominator_{{ loop.index }}.request_id
        and denominator_{{ loop.index }}.row_key = '{{ denominator }}'
    {%- endfor %}
    {%- endfor %}
{%- endmacro %}


{% macro apr_income_change_table(table_id, later_column) -%}
    {#- Q19a1 / Q19a2: adults with a known income at start and at the later point (`later_column` of
        int_report_cash_income: 'at_annual_assessment' for Q19a1's stayers, 'at_exit' for Q19a2's leavers),
        per income category (earned, other, total): who had it at start and/or later and how the amount
        moved. Q19a1 counts only adults with the annual assessment they owe, in households whose head has
        stayed 365 days or more. Count rows count people; average rows average (later - start) over the
        people of the cell, exact to the cent and rounded half up (money_average); I = E + F with their
        average; J = I / H. -#}
    {%- set categories = [('earned', 'earned_income'), ('other', 'other_income'), ('total', 'total_income')] %}
with

adult_income as (

    select * from {{ ref('int_report_cash_income') }} where is_adult

),
{%- if later_column == 'at_annual_assessment' %}

clients as (

    select * from {{ ref('int_report_clients') }}

),
{%- endif %}

universe as (

    select
        later.request_id,
        later.personal_key,
        start_income.earned_income as start_earned_income,
        start_income.other_income as start_other_income,
        start_income.total_income as start_total_income,
        later.earned_income as later_earned_income,
        later.other_income as later_other_income,
        later.total_income as later_total_income
    from adult_income as later
    inner join adult_income as start_income
        on later.request_id = start_income.request_id
        and later.personal_key = start_income.personal_key
        and start_income.income_column = 'at_start'
    {%- if later_column == 'at_annual_assessment' %}
    inner join clients
        on later.request_id = clients.request_id
        and later.personal_key = clients.personal_key
    {%- endif %}
    where later.income_column = '{{ later_column }}'
        {%- if later_column == 'at_annual_assessment' %}
        and later.has_record
        and later.is_annual_assessment_required
        and clients.has_head_stayer_365_days
        {%- endif %}
        and start_income.total_income is not null
        and start_income.income_from_any_source is not null
        and later.total_income is not null

)
,

changes as (

    {%- for category, amount in categories %}
    select
        universe.request_id,
        universe.personal_key,
        '{{ category }}' as category,
        universe.start_{{ amount }} as start_amount,
        universe.later_{{ amount }} as later_amount
    from universe
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

classified as (

    select
        changes.*,
        later_amount - start_amount as change_amount,
        case
            when start_amount > 0 and not later_amount > 0 then 'had_at_start_not_later'
            when start_amount > 0 and later_amount < start_amount then 'retained_less'
            when start_amount > 0 and later_amount = start_amount then 'retained_same'
            when start_amount > 0 and later_amount > start_amount then 'retained_more'
            when later_amount > 0 then 'gained'
            else 'did_not_have'
        end as change_column
    from changes

),

summarised as (

    select
        request_id,
        category,
        {%- for column in ['had_at_start_not_later', 'retained_less', 'retained_same', 'retained_more', 'gained',
                           'did_not_have'] %}
        count(distinct case when change_column = '{{ column }}' then personal_key end) as {{ column }}_count,
        {{ money_average("case when change_column = '" ~ column ~ "' then change_amount end") }} as {{ column }}_average,
        {%- endfor %}
        count(distinct personal_key) as total_adults_count,
        {{ money_average('change_amount') }} as total_adults_average,
        count(distinct case when change_column in ('retained_more', 'gained') then personal_key end)
            as gained_or_increased_count,
        {{ money_average("case when change_column in ('retained_more', 'gained') then change_amount end") }}
            as gained_or_increased_average
    from classified
    group by request_id, category

),

cells as (

    select
        request_id,
        category || '_count' as row_key,
        {%- for column in ['had_at_start_not_later', 'retained_less', 'retained_same', 'retained_more', 'gained',
                           'did_not_have', 'total_adults', 'gained_or_increased'] %}
        cast({{ column }}_count as {{ dbt.type_numeric() }}) as {{ column }},
        {%- endfor %}
        {{ apr_rate('gained_or_increased_count', 'total_adults_count') }} as percent_accomplished
    from summarised
    union all
    select
        request_id,
        category || '_average' as row_key,
        {%- for column in ['had_at_start_not_later', 'retained_less', 'retained_same', 'retained_more', 'gained',
                           'did_not_have', 'total_adults', 'gained_or_increased'] %}
        coalesce({{ column }}_average, 0) as {{ column }},
        {%- endfor %}
        cast(null as {{ dbt.type_numeric() }}) as percent_accomplished
    from summarised

)

{{ apr_table_layout(table_id, 'cells', [
    'had_at_start_not_later', 'retained_less', 'retained_same', 'retained_more', 'gained', 'did_not_have',
    'total_adults', 'gained_or_increased', 'percent_accomplished',
], types=dict.fromkeys([
    'had_at_start_not_later', 'retained_less', 'retained_same', 'retained_more', 'gained', 'did_not_have',
    'total_adults', 'gained_or_increased', 'percent_accomplished',
], 'decimal(18,4)')) }}
{%- endmacro %}


{% macro apr_day_buckets(days, buckets) -%}
    {#- `buckets`: list of (row key, first day, last day or none); the first bucket `days` falls in. -#}
    case
        {%- for row_key, first_day, last_day in buckets %}
        when {{ days }} >= {{ first_day }}
            {%- if last_day is not none %} and {{ days }} <= {{ last_day }}{% endif %} then '{{ row_key }}'
        {%- endfor %}
    end
{%- endmacro %}


{% macro apr_coc_length_buckets() -%}
    {#- Q22a1's length-of-participation buckets (CoC projects; also Q27e): (row key, first day, last day). -#}
    {{ return([
        ('0_30', 0, 30), ('31_60', 31, 60), ('61_90', 61, 90), ('91_180', 91, 180), ('181_365', 181, 365),
        ('366_730', 366, 730), ('731_1095', 731, 1095), ('1096_1460', 1096, 1460), ('1461_1825', 1461, 1825),
        ('1826_plus', 1826, none),
    ]) }}
{%- endmacro %}


{% macro apr_length_of_participation_table(table_id, buckets, universe='true', rows_of=none) -%}
    {#- Q22a1 (APR) / Q22a2 (CAPER) / Q27e (youth): people by length of stay (glossary §3; night-by-night
        shelter: bed nights), all, leavers and stayers. -#}
with

clients as (

    select
        int_report_clients.*,
        {{ apr_day_buckets('days_in_project', buckets) }} as length_bucket
    from {{ ref('int_report_clients') }}
    where {{ universe }}

),

members as (

    select request_id, personal_key, length_bucket as row_key, is_leaver from clients
    union all
    select request_id, personal_key, 'total' as row_key, is_leaver from clients

),

cells as (

    {{ apr_count_where('members', {'total': 'true', 'leavers': 'is_leaver', 'stayers': 'not is_leaver'}) }}

)

{{ apr_table_layout(table_id, 'cells', ['total', 'leavers', 'stayers'], rows_of=rows_of) }}
{%- endmacro %}
