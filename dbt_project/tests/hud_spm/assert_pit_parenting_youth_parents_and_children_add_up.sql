-- Sheltered PIT, parenting youth households: the parents and their children are everyone counted; the
-- parents split by their age, and the children by the head of household's, add up to each.
with

cells as ({{ pit_cells() }}),

by_column as (
    select
        request_id,
        pit_column,
        max(case when row_group = 'persons' then cell_value end) as persons,
        max(case when row_group = 'parents' then cell_value end) as parents,
        max(case when row_group = 'children' then cell_value end) as children,
        sum(case when row_group = 'parents_by_age' then cell_value end) as parents_by_age,
        sum(case when row_group = 'children_by_parent_age' then cell_value end) as children_by_parent_age
    from cells
    where pit_table = 'parenting_youth'
    group by request_id, pit_column
)

select * from by_column
where parents + children <> persons
    or parents_by_age <> parents
    or children_by_parent_age <> children
