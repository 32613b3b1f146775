-- SPM 3.2: the unduplicated total is at least each project type's count and at most their sum.
with

m3 as (select * from {{ ref('hud_spm_m3_annual_count') }}),

compared as (
    select
        request_id,
        max(case when row_order = 1 then current_fy end) as total,
        max(case when row_order > 1 then current_fy end) as largest_row,
        sum(case when row_order > 1 then current_fy else 0 end) as rows_summed
    from m3
    group by request_id
)

select * from compared
where total < largest_row or total > rows_summed
