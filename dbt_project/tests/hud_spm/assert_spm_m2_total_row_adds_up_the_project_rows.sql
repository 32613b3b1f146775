-- SPM 2: the TOTAL row is the sum of the SO, ES, TH, SH and PH rows, and returns never exceed exits.
with

m2 as (select * from {{ ref('hud_spm_m2_returns') }}),

summed as (
    select
        request_id,
        sum(case when row_order < 6 then exited_to_permanent else 0 end) as exited,
        sum(case when row_order < 6 then returns_in_2_years else 0 end) as returned,
        max(case when row_order = 6 then exited_to_permanent end) as total_exited,
        max(case when row_order = 6 then returns_in_2_years end) as total_returned,
        max(case when returns_0_180 + returns_181_365 + returns_366_730 <> returns_in_2_years then 1 else 0 end)
            as windows_disagree,
        max(case when returns_in_2_years > exited_to_permanent then 1 else 0 end) as more_returns_than_exits
    from m2
    group by request_id
)

select * from summed
where exited <> total_exited or returned <> total_returned or windows_disagree = 1 or more_returns_than_exits = 1
