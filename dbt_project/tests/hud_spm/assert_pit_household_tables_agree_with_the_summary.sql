-- Sheltered PIT: the summary's persons by household type add up to all persons; the household-type
-- tables hold exactly the summary's persons of their type and together no more households or
-- chronically homeless persons than the summary (households of unknown type have no table); the youth
-- tables hold the summary's youth households; the veteran tables fit inside their household types and
-- the summary's veterans — column by column. The per-project table adds up to the summary's totals.
with

cells as ({{ pit_cells() }}),

projects as (select * from {{ ref('hud_hic_pit_sheltered_projects') }}),

summary_rows as (
    select
        request_id,
        pit_column,
        max(case when row_label = 'Total Number of Households' then cell_value end) as households,
        max(case when row_label = 'Total Number of Persons' then cell_value end) as persons,
        sum(case when row_label like 'Persons in Households %' then cell_value else 0 end) as persons_by_type,
        max(case when row_label = 'Persons in Households with at least one Adult and one Child' then cell_value end)
            as with_children,
        max(case when row_label = 'Persons in Households without Children' then cell_value end) as without_children,
        max(case when row_label = 'Persons in Households with only Children' then cell_value end) as only_children,
        max(case when row_label = 'Chronically Homeless Persons' then cell_value end) as chronic_persons,
        max(case when row_label = 'Veterans' then cell_value end) as veterans,
        max(case when row_label like 'Unaccompanied Youth Households%' then cell_value end) as unaccompanied_youth,
        max(case when row_label like 'Parenting Youth Households%' then cell_value end) as parenting_youth
    from cells
    where pit_table = 'summary'
    group by request_id, pit_column
),

table_rows as (
    select
        request_id,
        pit_column,
        {%- for table in ['with_children', 'without_children', 'only_children', 'unaccompanied_youth',
            'parenting_youth', 'veterans_with_children', 'veterans_without_children'] %}
        max(case when pit_table = '{{ table }}' and row_group = 'households' then cell_value end) as {{ table }}_households,
        max(case when pit_table = '{{ table }}' and row_group = 'persons' then cell_value end) as {{ table }}_persons,
        {%- endfor %}
        max(case when pit_table = 'veterans_with_children' and row_group = 'veterans' then cell_value end)
            as veterans_with_children_veterans,
        max(case when pit_table = 'veterans_without_children' and row_group = 'veterans' then cell_value end)
            as veterans_without_children_veterans,
        sum(case
            when pit_table in ('with_children', 'without_children', 'only_children') and row_group = 'chronic_persons'
                then cell_value else 0
        end) as chronic_persons_by_type
    from cells
    group by request_id, pit_column
),

project_totals as (
    select request_id, 'total' as pit_column, sum(households) as households, sum(persons) as persons
    from projects
    group by request_id
)

select summary_rows.*
from summary_rows
inner join table_rows
    on summary_rows.request_id = table_rows.request_id
    and summary_rows.pit_column = table_rows.pit_column
left join project_totals
    on summary_rows.request_id = project_totals.request_id
    and summary_rows.pit_column = project_totals.pit_column
where summary_rows.persons <> summary_rows.persons_by_type
    or summary_rows.with_children <> table_rows.with_children_persons
    or summary_rows.without_children <> table_rows.without_children_persons
    or summary_rows.only_children <> table_rows.only_children_persons
    or table_rows.with_children_households + table_rows.without_children_households
        + table_rows.only_children_households > summary_rows.households
    or table_rows.chronic_persons_by_type > summary_rows.chronic_persons
    or summary_rows.unaccompanied_youth <> table_rows.unaccompanied_youth_households
    or summary_rows.parenting_youth <> table_rows.parenting_youth_households
    or table_rows.veterans_with_children_households > table_rows.with_children_households
    or table_rows.veterans_without_children_households > table_rows.without_children_households
    or table_rows.veterans_with_children_veterans + table_rows.veterans_without_children_veterans
        > summary_rows.veterans
    or coalesce(project_totals.persons, summary_rows.persons) <> summary_rows.persons
    or coalesce(project_totals.households, summary_rows.households) <> summary_rows.households
