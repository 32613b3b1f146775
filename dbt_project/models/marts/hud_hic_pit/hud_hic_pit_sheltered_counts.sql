{#- The sheltered PIT tables in long form (hic-pit-lsa.md §3): one row per HIC/PIT request, table and
    HUD row, with households or persons per column (ES, TH, SH, total). Each hud_hic_pit_sheltered_*
    mart takes one table. -#}
{%- set age_rows = [
    ('under_18', 'Number of Persons (under age 18)'),
    ('18_24', 'Number of Persons (18 - 24)'),
    ('25_34', 'Number of Persons (25 - 34)'),
    ('35_44', 'Number of Persons (35 - 44)'),
    ('45_54', 'Number of Persons (45 - 54)'),
    ('55_64', 'Number of Persons (55 - 64)'),
    ('65_plus', 'Number of Persons (over age 64)'),
] -%}
{%- set table_rows = [] -%}
{%- for table, household_type, ages in [
    ('with_children', 'with_children_and_adults', age_rows),
    ('without_children', 'without_children', age_rows[1:]),
    ('only_children', 'with_only_children', age_rows[:1]),
] -%}
    {%- set in_type = "household_type = '" ~ household_type ~ "'" -%}
    {%- do table_rows.append((table, 'Total Number of Households', 'household_key', in_type)) -%}
    {%- do table_rows.append((table, 'Total Number of Persons', 'client_id', in_type)) -%}
    {%- for band, label in ages -%}
        {%- do table_rows.append((table, label, 'client_id', in_type ~ " and age_band = '" ~ band ~ "'")) -%}
    {%- endfor -%}
    {%- do table_rows.append((table, 'Chronically Homeless Households', 'household_key', in_type ~ ' and is_chronically_homeless_household')) -%}
    {%- do table_rows.append((table, 'Chronically Homeless Persons', 'client_id', in_type ~ ' and is_chronically_homeless_household')) -%}
{%- endfor -%}
{%- for label, household_type in [
    ('Veteran Households with at least one Adult and one Child', 'with_children_and_adults'),
    ('Veteran Households without Children', 'without_children'),
] -%}
    {%- set in_type = "is_veteran_household and household_type = '" ~ household_type ~ "'" -%}
    {%- do table_rows.append(('veterans', label ~ ': Total Number of Households', 'household_key', in_type)) -%}
    {%- do table_rows.append(('veterans', label ~ ': Total Number of Persons', 'client_id', in_type)) -%}
    {%- do table_rows.append(('veterans', label ~ ': Total Number of Veterans', 'client_id', in_type ~ ' and is_veteran')) -%}
    {%- do table_rows.append(('veterans', label ~ ': Chronically Homeless Households', 'household_key', in_type ~ ' and is_chronically_homeless_household')) -%}
{%- endfor -%}
{%- for label, key, condition in [
    ('Total Number of Households', 'household_key', 'true'),
    ('Total Number of Persons', 'client_id', 'true'),
    ('Persons in Households with at least one Adult and one Child', 'client_id', "household_type = 'with_children_and_adults'"),
    ('Persons in Households without Children', 'client_id', "household_type = 'without_children'"),
    ('Persons in Households with only Children', 'client_id', "household_type = 'with_only_children'"),
    ('Persons in Households of Unknown Type', 'client_id', "household_type = 'unknown_household_type'"),
    ('Chronically Homeless Persons', 'client_id', 'is_chronically_homeless_household'),
    ('Veterans', 'client_id', 'is_veteran'),
    ('Unaccompanied Youth Households (all members under 25, no children of their own)', 'household_key',
        "is_youth_household and household_type in ('without_children', 'with_only_children')"),
    ('Parenting Youth Households (all members under 25, with children)', 'household_key',
        "is_youth_household and household_type = 'with_children_and_adults'"),
] -%}
    {%- do table_rows.append(('summary', label, key, condition)) -%}
{%- endfor %}

with

requests as (

    select distinct request_id from {{ ref('hud_hic_pit_requests') }}

),

persons as (

    select * from {{ ref('hud_hic_pit_sheltered_persons') }}

),

requested_persons as (

    select requests.request_id as requested_id, persons.*
    from requests
    left join persons
        on requests.request_id = persons.request_id

),

counts as (
{%- set row_numbers = {} %}
{% for table, label, key, condition in table_rows %}
    {%- do row_numbers.update({table: row_numbers.get(table, 0) + 1}) %}
    select
        requested_id as request_id,
        '{{ table }}' as pit_table,
        {{ row_numbers[table] }} as row_order,
        '{{ label }}' as row_label,
        count(distinct case when hic_project_group = 'ES' and {{ condition }} then {{ key }} end) as emergency_shelter,
        count(distinct case when hic_project_group = 'TH' and {{ condition }} then {{ key }} end) as transitional_housing,
        count(distinct case when hic_project_group = 'SH' and {{ condition }} then {{ key }} end) as safe_haven,
        count(distinct case when {{ condition }} then {{ key }} end) as total
    from requested_persons
    group by requested_id
    {% if not loop.last %}union all{% endif %}
{% endfor %}
)

select * from counts
