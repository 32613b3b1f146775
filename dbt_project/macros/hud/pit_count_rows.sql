{% macro pit_count_rows(persons) -%}
    {#- HUD's PIT tables in long form over `persons` (a select of people counted on the night, with
        hic_project_group ES, TH, SH or SO for unsheltered): one row per HIC/PIT request, table and HUD row,
        households or persons per column, sheltered in total (total) and with the unsheltered. The ~250 rows are
        data (pit_rows), not ~250 unioned queries: each person is matched to the rows whose condition it meets in
        one pass, then counted once per row, so the planner's work does not grow with the rows. -#}
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

pit_rows as (

    {#- Every row of every table: its number (pit_row_id), table, order, label, group and what it counts. -#}
    select * from (
        values
    {%- set row_numbers = {} %}
    {%- for table, group, label, key, condition in table_rows %}
        {%- do row_numbers.update({table: row_numbers.get(table, 0) + 1}) %}
        ({{ loop.index }}, '{{ table }}', {{ row_numbers[table] }}, '{{ label | replace("'", "''") }}', '{{ group }}', '{{ key }}'){{ ',' if not loop.last }}
    {%- endfor %}
    ) as pit_row_values (pit_row_id, pit_row_table, pit_row_order, pit_row_label, pit_row_group, pit_row_key)

),

matched as (

    {#- Each person once per row whose condition it meets, with the household or the person it counts. -#}
    select
        persons.request_id,
        pit_rows.pit_row_id,
        persons.hic_project_group,
        case when pit_rows.pit_row_key = 'household_key' then persons.household_key else persons.client_id end
            as counted_key
    from persons
    cross join pit_rows
    where case pit_rows.pit_row_table
    {%- for table in row_numbers %}
        when '{{ table }}' then case pit_rows.pit_row_id
        {%- for row_table, group, label, key, condition in table_rows %}
            {%- if row_table == table %}
            when {{ loop.index }} then ({{ condition }})
            {%- endif %}
        {%- endfor %}
        end
    {%- endfor %}
    end

),

counts as (

    select
        request_id,
        pit_row_id,
        count(distinct case when hic_project_group = 'ES' then counted_key end) as emergency_shelter,
        count(distinct case when hic_project_group = 'TH' then counted_key end) as transitional_housing,
        count(distinct case when hic_project_group = 'SH' then counted_key end) as safe_haven,
        count(distinct case when hic_project_group = 'SO' then counted_key end) as unsheltered,
        count(distinct case when hic_project_group in ('ES', 'TH', 'SH') then counted_key end) as total,
        count(distinct counted_key) as total_with_unsheltered
    from matched
    group by request_id, pit_row_id

)

{#- Every request gets every row, zeros where nobody meets it. #}
select
    requests.request_id,
    pit_rows.pit_row_table as pit_table,
    pit_rows.pit_row_order as row_order,
    pit_rows.pit_row_label as row_label,
    pit_rows.pit_row_group as row_group,
    coalesce(counts.emergency_shelter, 0) as emergency_shelter,
    coalesce(counts.transitional_housing, 0) as transitional_housing,
    coalesce(counts.safe_haven, 0) as safe_haven,
    coalesce(counts.unsheltered, 0) as unsheltered,
    coalesce(counts.total, 0) as total,
    coalesce(counts.total_with_unsheltered, 0) as total_with_unsheltered
from requests
cross join pit_rows
left join counts
    on requests.request_id = counts.request_id
    and pit_rows.pit_row_id = counts.pit_row_id
{%- endmacro %}
