-- Sheltered PIT: each person described has one race and ethnicity row and one sex row, so both sets of
-- rows add up to the persons the table describes — all its persons; the veterans in the veteran tables;
-- the youth parents in the parenting youth table — column by column.
with

cells as ({{ pit_cells() }}),

by_table as (
    select
        request_id,
        pit_table,
        pit_column,
        max(case
            when pit_table like 'veterans%' and row_group = 'veterans' then cell_value
            when pit_table = 'parenting_youth' and row_group = 'parents' then cell_value
            when pit_table not like 'veterans%' and pit_table <> 'parenting_youth' and row_group = 'persons'
                then cell_value
        end) as persons_described,
        sum(case when row_group = 'race' then cell_value end) as persons_by_race,
        sum(case when row_group = 'sex' then cell_value end) as persons_by_sex
    from cells
    group by request_id, pit_table, pit_column
)

select * from by_table
where persons_by_race <> persons_described or persons_by_sex <> persons_described
