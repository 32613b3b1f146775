-- SPM 1a/1b: counting more project types (TH; PH before move-in and self-reported time) never drops a
-- person, so row 1.2 >= row 1.1 and 1b >= 1a; every person has at least one night. Rows returned fail.
with

m1a as (select * from {{ ref('hud_spm_m1a_length_of_time_homeless') }}),
m1b as (select * from {{ ref('hud_spm_m1b_length_of_time_homeless') }}),

paired as (
    select
        m1a.request_id,
        max(case when m1a.row_order = 1 then m1a.current_fy_persons end) as a1,
        max(case when m1a.row_order = 2 then m1a.current_fy_persons end) as a2,
        max(case when m1b.row_order = 1 then m1b.current_fy_persons end) as b1,
        max(case when m1b.row_order = 2 then m1b.current_fy_persons end) as b2,
        min(least(coalesce(m1a.current_fy_median_days, 1), coalesce(m1b.current_fy_median_days, 1))) as smallest_median
    from m1a
    inner join m1b
        on m1a.request_id = m1b.request_id
        and m1a.row_order = m1b.row_order
    group by m1a.request_id
)

select * from paired
where a2 < a1 or b2 < b1 or b1 < a1 or b2 < a2 or smallest_median < 1
