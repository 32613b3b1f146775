{#- tlsa_HHID (LSA spec §3.3, §5.1): one row per LSA request and HMIS household served in an HMIS-participating
    continuum ES/SH/TH/RRH/PSH project of the report CoC since the lookback date, with exactly one head of
    household; effective entry, move-in and exit dates, exit destination, Active and AIR. Dates in bold in
    the spec are the effective ones here (entry_date, move_in_date, exit_date); hmis_* are as recorded. -#}
with

reports as (

    select * from {{ ref('int_lsa_reports') }}

),

projects as (

    select
        projects.project_key,
        projects.project_type,
        projects.rrh_sub_type,
        projects.operating_start_date,
        projects.operating_end_date,
        case when projects.project_type = 13 and projects.rrh_sub_type = 1 then 15 else projects.project_type end
            as lsa_project_type
    from {{ ref('stg_hmis__projects') }} as projects
    inner join {{ ref('stg_hmis__organizations') }} as organizations
        on projects.organization_key = organizations.organization_key
    where projects.continuum_project = 1
        and organizations.victim_service_provider = 0
        and (projects.project_type in (0, 1, 2, 3, 8) or (projects.project_type = 13 and projects.rrh_sub_type in (1, 2)))

),

enrollments as (

    select * from {{ ref('stg_hmis__enrollments') }}

),

exits as (

    select enrollment_key, exit_date, destination, destination_subsidy_type from {{ ref('stg_hmis__exits') }}

),

heads_per_household as (

    select household_key, count(*) as heads
    from enrollments
    where relationship_to_hoh = 1
    group by household_key

),

heads as (

    {#- Head-of-household enrollments of the report CoC in a relevant project operating in the period. An
        ExitDate after ReportEnd is read as no exit (§3.3 ExitDate). -#}
    select
        reports.request_id,
        reports.report_start,
        reports.report_end,
        reports.lookback_date,
        enrollments.enrollment_key,
        enrollments.household_key,
        enrollments.personal_key,
        enrollments.project_key,
        enrollments.entry_date as hmis_entry_date,
        enrollments.move_in_date as hmis_move_in_date,
        case when exits.exit_date <= reports.report_end then exits.exit_date end as hmis_exit_date,
        exits.destination,
        exits.destination_subsidy_type,
        projects.project_type,
        projects.lsa_project_type,
        projects.operating_start_date,
        projects.operating_end_date
    from enrollments
    inner join reports
        on enrollments.enrollment_coc = reports.report_coc
        and enrollments.entry_date <= reports.report_end
    inner join projects
        on enrollments.project_key = projects.project_key
    inner join heads_per_household
        on enrollments.household_key = heads_per_household.household_key
        and heads_per_household.heads = 1
    left join exits
        on enrollments.enrollment_key = exits.enrollment_key
    where enrollments.relationship_to_hoh = 1
        and projects.operating_start_date <= reports.report_end
        and (
            projects.operating_end_date is null
            or (
                projects.operating_end_date > reports.lookback_date
                and projects.operating_end_date > projects.operating_start_date
            )
        )
        and (projects.operating_end_date is null or enrollments.entry_date < projects.operating_end_date)

),

participation_ranked as (

    {#- HMISStart / HMISEnd (§3.3): the latest participation period (type 1) of the project that starts by
        ReportEnd, before the exit, and does not end before the entry or the lookback date. -#}
    select
        heads.request_id,
        heads.enrollment_key,
        participations.hmis_participation_status_start_date as hmis_start,
        case
            when participations.hmis_participation_status_end_date <= heads.report_end
                then participations.hmis_participation_status_end_date
        end as hmis_end,
        row_number() over (
            partition by heads.request_id, heads.enrollment_key
            order by participations.hmis_participation_status_start_date desc,
                participations.hmis_participation_status_end_date desc
        ) as recency
    from heads
    inner join {{ ref('stg_hmis__hmis_participations') }} as participations
        on heads.project_key = participations.project_key
    where participations.hmis_participation_type = 1
        and participations.hmis_participation_status_start_date <= heads.report_end
        and (heads.hmis_exit_date is null or heads.hmis_exit_date > participations.hmis_participation_status_start_date)
        and (
            participations.hmis_participation_status_end_date is null
            or (
                participations.hmis_participation_status_end_date > heads.hmis_entry_date
                and participations.hmis_participation_status_end_date > heads.lookback_date
            )
        )

),

participating as (

    select heads.*, participation_ranked.hmis_start, participation_ranked.hmis_end
    from heads
    inner join participation_ranked
        on heads.request_id = participation_ranked.request_id
        and heads.enrollment_key = participation_ranked.enrollment_key
        and participation_ranked.recency = 1
    where (participation_ranked.hmis_end is null or heads.hmis_entry_date < participation_ranked.hmis_end)
        and (
            heads.hmis_exit_date is null
            or (
                heads.hmis_exit_date > heads.lookback_date
                and heads.hmis_exit_date > heads.hmis_entry_date
                and heads.hmis_exit_date > participation_ranked.hmis_start
                and heads.hmis_exit_date > heads.operating_start_date
            )
        )

),

bed_nights as (

    {#- Night-by-night shelter bed nights of the head (§3.3 BedNightDates): within the lookback, operating and
        participation periods and the enrollment, on or before ReportEnd. -#}
    select
        participating.request_id,
        participating.enrollment_key,
        min(services.date_provided) as first_bed_night,
        max(services.date_provided) as last_bed_night
    from participating
    inner join {{ ref('stg_hmis__services') }} as services
        on participating.enrollment_key = services.enrollment_key
    where participating.project_type = 1
        and services.record_type = 200
        and services.date_provided >= participating.lookback_date
        and services.date_provided >= participating.operating_start_date
        and services.date_provided >= participating.hmis_start
        and services.date_provided >= participating.hmis_entry_date
        and services.date_provided <= participating.report_end
        and (participating.hmis_exit_date is null or services.date_provided < participating.hmis_exit_date)
        and (participating.operating_end_date is null or services.date_provided < participating.operating_end_date)
        and (participating.hmis_end is null or services.date_provided < participating.hmis_end)
    group by participating.request_id, participating.enrollment_key

),

selected as (

    select
        participating.*,
        bed_nights.first_bed_night,
        bed_nights.last_bed_night,
        case
            when participating.operating_end_date is null then participating.hmis_end
            when participating.hmis_end is null then participating.operating_end_date
            when participating.hmis_end < participating.operating_end_date then participating.hmis_end
            else participating.operating_end_date
        end as closing_date
    from participating
    left join bed_nights
        on participating.request_id = bed_nights.request_id
        and participating.enrollment_key = bed_nights.enrollment_key
    where participating.project_type <> 1 or bed_nights.last_bed_night is not null

),

dated as (

    select
        selected.*,
        {#- EntryDate (§3.3): first bed night; as recorded within the operating and participation periods; else
            the later of their starts. -#}
        case
            when project_type = 1 then first_bed_night
            when hmis_entry_date >= hmis_start and hmis_entry_date >= operating_start_date then hmis_entry_date
            when hmis_start > operating_start_date then hmis_start
            else operating_start_date
        end as entry_date,
        {#- MoveInDate (§3.3): only RRH/PSH, within entry..exit (PSH: before the exit), by ReportEnd and before
            the project's closing; moved to the later of the operating/participation starts if earlier. -#}
        case
            when project_type not in (3, 13) then null
            when hmis_move_in_date < hmis_entry_date then null
            when hmis_move_in_date > hmis_exit_date then null
            when hmis_move_in_date = hmis_exit_date and project_type = 3 then null
            when hmis_move_in_date > report_end then null
            when hmis_move_in_date >= closing_date then null
            when hmis_move_in_date is null then null
            when hmis_move_in_date >= hmis_start and hmis_move_in_date >= operating_start_date then hmis_move_in_date
            when hmis_start > operating_start_date then hmis_start
            else operating_start_date
        end as move_in_date,
        {#- ExitDate (§3.3), before the "after ReportEnd is no exit" rule applied below. -#}
        case
            when last_bed_night = report_end then null
            when {{ add_days(90, 'last_bed_night') }} <= report_end then {{ add_days(1, 'last_bed_night') }}
            when lsa_project_type = 1 and hmis_exit_date < report_end then {{ add_days(1, 'last_bed_night') }}
            when project_type = 13 and hmis_exit_date = hmis_move_in_date and hmis_exit_date = report_end then null
            when project_type = 13 and hmis_exit_date = hmis_move_in_date then {{ add_days(1, 'hmis_move_in_date') }}
            when closing_date <= report_end and (hmis_exit_date is null or hmis_exit_date > closing_date)
                then closing_date
            else hmis_exit_date
        end as adjusted_exit_date
    from selected

),

exited as (

    select
        dated.*,
        case when adjusted_exit_date <= report_end then adjusted_exit_date end as exit_date
    from dated

),

in_report as (

    select
        exited.*,
        lsa_projects.project_key is not null as in_lsa_project
    from exited
    left join {{ ref('int_lsa_projects') }} as lsa_projects
        on exited.request_id = lsa_projects.request_id
        and exited.project_key = lsa_projects.project_key

),

final as (

    select
        -- keys
        request_id,
        household_key,
        enrollment_key,
        personal_key as hoh_personal_key,
        project_key,

        -- project
        project_type,
        lsa_project_type,

        -- dates: effective (LSA) and as recorded
        entry_date,
        move_in_date,
        exit_date,
        last_bed_night,
        hmis_entry_date,
        hmis_move_in_date,
        hmis_exit_date,
        hmis_start,
        hmis_end,

        -- ExitDest (§3.3)
        case
            when exit_date is null then -1
            when exit_date <> hmis_exit_date and (move_in_date is null or hmis_exit_date <> move_in_date) then 99
            when hmis_exit_date is null then 99
            when destination is null then 99
            when destination in (8, 9) then 98
            when destination in (17, 30, 99) then 99
            when destination = 435 and destination_subsidy_type is null then 99
            when destination = 435 then destination_subsidy_type
            else destination
        end as exit_dest,

        -- Active and active in residence (§5.1)
        case
            when in_lsa_project and entry_date <= report_end and (exit_date is null or exit_date >= report_start)
                then 1 else 0
        end as active,
        case
            when in_lsa_project and entry_date <= report_end and (exit_date is null or exit_date > report_start)
                and (
                    lsa_project_type in (0, 2, 8)
                    or (lsa_project_type = 1 and last_bed_night between report_start and report_end)
                    or (lsa_project_type in (3, 13) and move_in_date is not null)
                )
                then 1 else 0
        end as air
    from in_report

)

select * from final
