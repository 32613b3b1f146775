-- Sheltered PIT: persons by household type add up to all persons, and each household-type table's
-- households and persons equal the summary's rows for that type; ES + TH + SH = total per row.
with

summary as (select * from {{ ref('hud_hic_pit_sheltered_summary') }}),
counts as (select * from {{ ref('hud_hic_pit_sheltered_counts') }}),

by_type as (
    select
        request_id,
        max(case when row_order = 2 then total end) as persons,
        sum(case when row_order between 3 and 6 then total else 0 end) as persons_by_type,
        max(case when row_order = 3 then total end) as with_children,
        max(case when row_order = 4 then total end) as without_children,
        max(case when row_order = 5 then total end) as only_children
    from summary
    group by request_id
),

tables as (
    select
        request_id,
        max(case when pit_table = 'with_children' and row_order = 2 then total end) as with_children,
        max(case when pit_table = 'without_children' and row_order = 2 then total end) as without_children,
        max(case when pit_table = 'only_children' and row_order = 2 then total end) as only_children,
        max(case
            when pit_table <> 'summary' and emergency_shelter + transitional_housing + safe_haven <> total then 1
            else 0
        end) as columns_disagree
    from counts
    group by request_id
)

select by_type.*
from by_type
inner join tables
    on by_type.request_id = tables.request_id
where by_type.persons <> by_type.persons_by_type
    or by_type.with_children <> tables.with_children
    or by_type.without_children <> tables.without_children
    or by_type.only_children <> tables.only_children
    or tables.columns_disagree = 1
