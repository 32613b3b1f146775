{#- People in the HIC's beds on the count night (hic-pit-lsa.md §1): one row per HIC/PIT request and
    enrollment present that night in a project on the HIC — ES entry/exit, TH and SH: entered by the
    night and not exited by it (the exit day is not a night); ES night-by-night: a bed night dated that
    night; PH: moved in by the night and not exited by it. Ages are as of the night; the household
    type counts the members present that night. Person-level: for system administrators. -#}
with

projects as (

    select * from {{ ref('hud_hic_pit_projects_on_night') }}

),

enrollments as (

    select * from {{ ref('int_enrollments') }}

),

bed_nights as (

    select * from {{ ref('int_bed_nights') }}

),

move_ins as (

    select * from {{ ref('int_move_in_adjusted') }}

),

clients as (

    select * from {{ ref('stg_hmis__clients') }}

),

client_identity as (

    select source_id, personal_id, client_id from {{ ref('int_client_identity') }}

),

present as (

    select
        projects.request_id,
        projects.pit_date,
        projects.hic_project_group,
        enrollments.*
    from projects
    inner join enrollments
        on projects.project_key = enrollments.project_key
        and projects.coc_code = enrollments.coc_code
    left join move_ins
        on enrollments.enrollment_key = move_ins.enrollment_key
    where enrollments.entry_date <= projects.pit_date
        and (enrollments.exit_date is null or enrollments.exit_date > projects.pit_date)
        and (
            enrollments.project_type in (0, 2, 8)
            or (
                enrollments.project_type = 1
                and exists (
                    select 1 from bed_nights
                    where bed_nights.enrollment_key = enrollments.enrollment_key
                        and bed_nights.bed_night_date = projects.pit_date
                )
            )
            or (enrollments.project_type in (3, 9, 10, 13) and move_ins.move_in_date_adjusted <= projects.pit_date)
        )

),

aged as (

    select
        present.*,
        {{ age_in_years('present.dob', 'present.pit_date') }} as age_on_night
    from present

),

{{ pit_persons_on_night('aged') }}
