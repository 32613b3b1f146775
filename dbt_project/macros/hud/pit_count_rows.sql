{% macro pit_count_rows(persons) -%}
    {#- HUD's PIT tables in long form over `persons` (a select of people counted on the night, with
        hic_project_group ES, TH, SH or SO for unsheltered): one row per HIC/PIT request, table and HUD row,
        households or persons per column, sheltered in total (total) and with the unsheltered. One query
        for both: each of its ~250 branches costs planning time, so the rows are not counted twice. -#}
{%- set age_rows = [
    ('under_18', 'Number of Persons (under age 18)'),
    ('18_24', 'Number of Persons (18 - 24)'),
    ('25_34', 'Number of Persons (25 - 34)'),
    ('35_44', 'Number of Persons (35 - 44)'),
    ('45_54', 'Number of Persons (45 - 54)'),
    ('55_64', 'Number of Persons (55 - 64)'),
    ('65_plus', 'Number of Persons (over age 64)'),
] -%}
{#- (table, who is in it, age rows, whose sex and race the table reports) -#}
{%- set tables = [
    ('with_children', "household_type = 'with_children_and_adults'", age_rows + [('unknown', 'Number of Persons (age unknown)')], 'true'),
    ('only_children', "household_type = 'with_only_children'", age_rows[:1], 'true'),
    ('without_children', "household_type = 'without_children'", age_rows[1:], 'true'),
    ('unaccompanied_youth', 'is_unaccompanied_youth_household', age_rows[:2], 'true'),
    ('parenting_youth', 'is_parenting_youth_household', [], 'is_youth_parent'),
    ('veterans_with_children', "is_veteran_household and household_type = 'with_children_and_adults'", [], 'is_veteran'),
    ('veterans_without_children', "is_veteran_household and household_type = 'without_children'", [], 'is_veteran'),
] -%}
{%- set table_rows = [] -%}
{%- for table, members, ages, subjects in tables -%}
    {%- do table_rows.append((table, 'households', 'Total Number of Households', 'household_key', members)) -%}
    {%- do table_rows.append((table, 'persons', 'Total Number of Persons', 'client_id', members)) -%}
    {%- for band, label in ages -%}
        {%- do table_rows.append((table, 'age', label, 'client_id', members ~ " and age_band = '" ~ band ~ "'")) -%}
    {%- endfor -%}
    {%- if subjects == 'is_veteran' -%}
        {%- do table_rows.append((table, 'veterans', 'Total Number of Veterans', 'client_id', members ~ ' and is_veteran')) -%}
    {%- elif subjects == 'is_youth_parent' -%}
        {%- set parents = members ~ ' and is_youth_parent' -%}
        {%- set children = members ~ ' and is_child_of_youth_parent' -%}
        {%- for group, label, key, condition in [
            ('parents', 'Number of Parenting Youth (youth parents only)', 'client_id', parents),
            ('children', 'Total Children in Parenting Youth Households', 'client_id', children),
            ('parents_by_age', 'Number of Parenting Youth (under age 18)', 'client_id', parents ~ ' and age_on_night < 18'),
            ('children_by_parent_age', 'Children in Households with Parenting Youth under age 18', 'client_id', children ~ ' and head_age_on_night < 18'),
            ('parents_by_age', 'Number of Parenting Youth (age 18 to 24)', 'client_id', parents ~ ' and age_on_night >= 18'),
            ('children_by_parent_age', 'Children in Households with Parenting Youth age 18 to 24', 'client_id', children ~ ' and head_age_on_night >= 18'),
        ] -%}
            {%- do table_rows.append((table, group, label, key, condition)) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- for sex, label in pit_sex_rows() -%}
        {%- do table_rows.append((table, 'sex', label, 'client_id', members ~ ' and ' ~ subjects ~ " and sex = '" ~ sex ~ "'")) -%}
    {%- endfor -%}
    {%- for category, label in pit_race_ethnicity_rows() -%}
        {%- do table_rows.append((table, 'race', label, 'client_id', members ~ ' and ' ~ subjects ~ " and race_ethnicity = '" ~ category ~ "'")) -%}
    {%- endfor -%}
    {%- do table_rows.append((table, 'chronic_households', 'Chronically Homeless Households', 'household_key', members ~ ' and is_chronically_homeless_household')) -%}
    {%- do table_rows.append((table, 'chronic_persons', 'Chronically Homeless Persons', 'client_id', members ~ ' and is_chronically_homeless_household')) -%}
{%- endfor -%}
{%- for label, condition in [
    ('Adults with a Serious Mental Illness', 'is_adult_with_serious_mental_illness'),
    ('Adults with a Substance Use Disorder', 'is_adult_with_substance_use_disorder'),
    ('Adults with HIV/AIDS', 'is_adult_with_hiv_aids'),
    ('Adult Survivors of Domestic Violence (currently fleeing)', 'is_adult_fleeing_domestic_violence'),
] -%}
    {%- do table_rows.append(('additional_populations', 'population', label, 'client_id', condition)) -%}
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
        'is_unaccompanied_youth_household'),
    ('Parenting Youth Households (all members under 25, with children)', 'household_key',
        'is_parenting_youth_household'),
] -%}
    {%- do table_rows.append(('summary', 'summary', label, key, condition)) -%}
{%- endfor %}

with

requests as (

    select distinct request_id from {{ ref('hud_hic_pit_requests') }}

),

persons as (

    {{ persons }}

),

requested_persons as (

    select requests.request_id as requested_id, persons.*
    from requests
    left join persons
        on requests.request_id = persons.request_id

),

counts as (
{%- set row_numbers = {} %}
{% for table, group, label, key, condition in table_rows %}
    {%- do row_numbers.update({table: row_numbers.get(table, 0) + 1}) %}
    select
        requested_id as request_id,
        '{{ table }}' as pit_table,
        {{ row_numbers[table] }} as row_order,
        '{{ label | replace("'", "''") }}' as row_label,
        '{{ group }}' as row_group,
        count(distinct case when hic_project_group = 'ES' and {{ condition }} then {{ key }} end) as emergency_shelter,
        count(distinct case when hic_project_group = 'TH' and {{ condition }} then {{ key }} end) as transitional_housing,
        count(distinct case when hic_project_group = 'SH' and {{ condition }} then {{ key }} end) as safe_haven,
        count(distinct case when hic_project_group = 'SO' and {{ condition }} then {{ key }} end) as unsheltered,
        count(distinct case when hic_project_group in ('ES', 'TH', 'SH') and {{ condition }} then {{ key }} end) as total,
        count(distinct case when {{ condition }} then {{ key }} end) as total_with_unsheltered
    from requested_persons
    group by requested_id
    {% if not loop.last %}union all{% endif %}
{% endfor %}
)

select * from counts
{%- endmacro %}
