{#- SPM Measure 7 (spm.md): one row per request, table and person — 7a.1 people who left street
    outreach, 7b.1 people who left ES, SH, TH or RRH (or other PH before moving in), 7b.2 people in PSH
    or other PH who moved in (stayers whose latest-started stay has a move-in, and leavers whose latest
    exit came after one) — with the destination of the latest exit and whether it counts as a
    successful placement or retention. -#}
with

stays as (

    select * from {{ ref('int_spm_enrollments') }}

),

destination_classes as (

    select * from {{ ref('destination_classes') }}

),

destination_groups as (

    select * from {{ ref('spm_destination_groups') }}

),

active as (

    select
        stays.*,
        coalesce(destination_classes.destination_class = 'permanent', false) as is_permanent_destination
    from stays
    left join destination_classes
        on cast(stays.destination as {{ dbt.type_string() }}) = destination_classes.code
    where stays.entry_date <= stays.report_end
        and (stays.exit_date is null or stays.exit_date >= stays.report_start)

),

-- 7a.1: the latest SO exit in the period of people no longer in any SO stay at the report end.
outreach_leavers as (

    select * from (
        select
            active.*,
            row_number() over (
                partition by request_id, client_id order by exit_date desc, entry_date desc, enrollment_key desc
            ) as exit_rank
        from active
        where project_type = 4
            and client_id not in (
                select still.client_id from active as still
                where still.project_type = 4 and still.exit_date is null and still.request_id = active.request_id
            )
    ) as ranked
    where exit_rank = 1

),

-- 7b.1: the latest exit of people no longer in ES, SH, TH or PH at the report end (step 2: exits on
-- one date go to the lowest EnrollmentID), unless it was from PSH/OPH after moving in (7b.2's people).
system_leavers as (

    select * from (
        select
            active.*,
            row_number() over (
                partition by request_id, client_id
                order by exit_date desc, {{ lowest_id_first('enrollment_id') }}, enrollment_key
            ) as exit_rank
        from active
        where project_type in (0, 1, 2, 3, 8, 9, 10, 13)
            and client_id not in (
                select still.client_id from active as still
                where still.project_type in (0, 1, 2, 3, 8, 9, 10, 13) and still.exit_date is null
                    and still.request_id = active.request_id
            )
    ) as ranked
    where exit_rank = 1

),

-- 7b.2 (PSH, PH housing only, PH with services; never RRH, step 2): a stayer is in one of these types
-- at the report end; a leaver left one in the period and is in none at the end (step 1).
housing_active as (

    select
        active.*,
        max(case when exit_date is null then 1 else 0 end) over (partition by request_id, client_id) = 1
            as is_housing_stayer
    from active
    where project_type in (3, 9, 10)

),

-- Stayers: "the stay with the latest project start date" (step 3), among all their stays of these types
-- in the period, also one they already left; leavers: "the latest project exit" (step 4). The
-- specification names no tie-break here: an open stay goes first, then the lowest EnrollmentID, the
-- rule 7b.1 step 2 uses for the same latest exit (so a leaver falls in exactly one of 7b.1 and 7b.2).
housing_stays as (

    select * from (
        select
            housing_active.*,
            row_number() over (
                partition by request_id, client_id
                order by
                    case when is_housing_stayer then entry_date end desc,
                    case when exit_date is null then 0 else 1 end,
                    exit_date desc,
                    {{ lowest_id_first('enrollment_id') }},
                    enrollment_key
            ) as stay_rank
        from housing_active
    ) as ranked
    where stay_rank = 1

),

placements as (

    select
        '7a.1' as hud_table, request_id, client_id, enrollment_key, project_type, exit_date, destination,
        false as is_stayer, is_permanent_destination,
        destination in (
            select destination from destination_groups where destination_group = 'm7a_temporary_institutional'
        ) as is_temporary_or_institutional_destination
    from outreach_leavers
    where coalesce(destination not in (
        select destination from destination_groups where destination_group = 'm7a_excluded'
    ), true)

    union all

    select
        '7b.1', request_id, client_id, enrollment_key, project_type, exit_date, destination,
        false, is_permanent_destination, false
    from system_leavers
    where not (project_type in (3, 9, 10) and move_in_date is not null)
        and coalesce(destination not in (
            select destination from destination_groups where destination_group = 'm7b_excluded'
        ), true)

    union all

    select
        '7b.2', request_id, client_id, enrollment_key, project_type, exit_date, destination,
        is_housing_stayer, is_permanent_destination, false
    from housing_stays
    where move_in_date is not null
        and (
            is_housing_stayer
            or coalesce(destination not in (
                select destination from destination_groups where destination_group = 'm7b_excluded'
            ), true)
        )

)

select * from placements
