-- Sheltered PIT: in every table with age rows, the persons by age (with the age-unknown row of the
-- tables with children) add up to the table's total persons, column by column.
with

cells as ({{ pit_cells() }}),

by_table as (
    select
        request_id,
        pit_table,
        pit_column,
        max(case when row_group = 'persons' then cell_value end) as persons,
        sum(case when row_group = 'age' then cell_value end) as persons_by_age
    from cells
    group by request_id, pit_table, pit_column
)

select * from by_table
where persons_by_age is not null and persons_by_age <> persons
