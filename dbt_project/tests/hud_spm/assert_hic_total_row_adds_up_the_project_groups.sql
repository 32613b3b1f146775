-- HIC: the Total row is the sum of the project-group rows; the PIT count of the project table adds up
-- to the summary's; a group's beds by household type never exceed its total beds.
with

summary as (select * from {{ ref('hud_hic_pit_hic_summary') }}),
projects as (select * from {{ ref('hud_hic_pit_project_inventory') }}),

checked as (
    select
        summary.request_id,
        sum(case when row_order < 7 then total_beds else 0 end) as group_beds,
        max(case when row_order = 7 then total_beds end) as total_beds,
        sum(case when row_order < 7 then pit_count else 0 end) as group_pit,
        max(case when row_order = 7 then pit_count end) as total_pit,
        (select sum(pit_count) from projects where projects.request_id = summary.request_id) as project_pit,
        max(case
            when beds_households_without_children + beds_households_with_children + beds_households_only_children
                > total_beds then 1 else 0
        end) as household_beds_exceed
    from summary
    group by summary.request_id
)

select * from checked
where group_beds <> total_beds or group_pit <> total_pit or coalesce(project_pit, 0) <> total_pit
    or household_beds_exceed = 1
