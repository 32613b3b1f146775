{#- Who was present on each APR/CAPER point-in-time date (Q7b, Q8b): one row per request, PIT date and
    active stay present that night. Night-by-night shelter needs a bed night that night; PSH/RRH a
    move-in on or before it; residential projects count the night unless the person left that day;
    other projects count the exit day too. Any of a person's stays counts, not only the latest. -#}
with

pit_dates as (

    select * from {{ ref('int_report_pit_dates') }} where pit_date is not null

),

stays as (

    select * from {{ ref('int_report_stays') }}

),

bed_nights as (

    select * from {{ ref('int_bed_nights') }}

),

candidates as (

    select
        pit_dates.request_id,
        pit_dates.month_key,
        pit_dates.pit_date,
        stays.enrollment_key,
        stays.personal_key,
        stays.household_key,
        stays.project_type,
        stays.is_psh_or_rrh,
        stays.move_in_date_adjusted,
        stays.exit_date_recorded
    from pit_dates
    inner join stays
        on pit_dates.request_id = stays.request_id
    where stays.entry_date <= pit_dates.pit_date
        and (stays.exit_date_recorded is null or stays.exit_date_recorded >= pit_dates.pit_date)

),

present as (

    select candidates.*
    from candidates
    where (
            candidates.project_type = 1
            and exists (
                select 1 from bed_nights
                where bed_nights.enrollment_key = candidates.enrollment_key
                    and bed_nights.bed_night_date = candidates.pit_date
            )
        )
        or (
            candidates.is_psh_or_rrh
            and candidates.move_in_date_adjusted <= candidates.pit_date
            and (candidates.exit_date_recorded is null or candidates.exit_date_recorded > candidates.pit_date)
        )
        or (
            candidates.project_type in (0, 2, 8, 9, 10)
            and (candidates.exit_date_recorded is null or candidates.exit_date_recorded > candidates.pit_date)
        )
        or (
            candidates.project_type not in (0, 1, 2, 8, 9, 10)
            and not candidates.is_psh_or_rrh
        )

)

select * from present
