{#- HMIS participation (2.08), CE participation (2.09) and funding (2.06): enrollments outside every
    period in which their project participated in HMIS (Eva 111-115, one check), projects with no HMIS
    participation record (in a source that delivers them) or no funder record, and participation
    records of one project that overlap (Eva 128, 131). -#}
with

projects as (

    select * from {{ ref('stg_hmis__projects') }}

),

hmis_participations as (

    select * from {{ ref('stg_hmis__hmis_participations') }}

),

ce_participations as (

    select * from {{ ref('stg_hmis__ce_participations') }}

),

funders as (

    select * from {{ ref('stg_hmis__funders') }}

),

enrollments as (

    select * from {{ ref('dq_enrollment_facts') }}

),

participating_periods as (

    select
        project_key,
        hmis_participation_status_start_date as period_start,
        hmis_participation_status_end_date as period_end
    from hmis_participations
    where hmis_participation_type = 1

),

outside as (

    select enrollments.*
    from enrollments
    where exists (select 1 from hmis_participations where hmis_participations.project_key = enrollments.project_key)
        and not exists (
            select 1 from participating_periods
            where participating_periods.project_key = enrollments.project_key
                and participating_periods.period_start <= enrollments.entry_date
                and (participating_periods.period_end is null
                    or participating_periods.period_end >= coalesce(enrollments.exit_date, enrollments.entry_date))
        )

),

described as (

    select
        projects.*,
        exists (select 1 from hmis_participations where hmis_participations.source_id = projects.source_id)
            as source_delivers_participation,
        exists (select 1 from hmis_participations where hmis_participations.project_key = projects.project_key)
            as has_participation,
        exists (select 1 from funders where funders.project_key = projects.project_key) as has_funder
    from projects

),

overlapping_hmis as (

    select distinct later.project_key, later.project_id, later.source_id
    from hmis_participations as later
    inner join hmis_participations as earlier
        on later.project_key = earlier.project_key
        and later.hmis_participation_key <> earlier.hmis_participation_key
        and (later.hmis_participation_status_start_date > earlier.hmis_participation_status_start_date
            or (later.hmis_participation_status_start_date = earlier.hmis_participation_status_start_date
                and later.hmis_participation_key > earlier.hmis_participation_key))
        and (earlier.hmis_participation_status_end_date is null
            or later.hmis_participation_status_start_date < earlier.hmis_participation_status_end_date)

),

overlapping_ce as (

    select distinct later.project_key, later.project_id, later.source_id
    from ce_participations as later
    inner join ce_participations as earlier
        on later.project_key = earlier.project_key
        and later.ce_participation_key <> earlier.ce_participation_key
        and (later.ce_participation_status_start_date > earlier.ce_participation_status_start_date
            or (later.ce_participation_status_start_date = earlier.ce_participation_status_start_date
                and later.ce_participation_key > earlier.ce_participation_key))
        and (earlier.ce_participation_status_end_date is null
            or later.ce_participation_status_start_date < earlier.ce_participation_status_end_date)

),

issues as (

    select {{ dq_enrollment_issue('part_enrollment_outside_hmis_participation',
        "'EntryDate ' || cast(entry_date as " ~ dbt.type_string() ~ ") || coalesce(', ExitDate ' || cast(exit_date as "
        ~ dbt.type_string() ~ "), '') || ' outside the project''s HMIS participation'") }}
    from outside

    union all
    select {{ dq_issue('part_project_no_participation', 'project', 'project_id', "'no HMISParticipation record'",
        project_key='project_key') }}
    from described
    where source_delivers_participation and not has_participation

    union all
    select {{ dq_issue('part_project_no_funder', 'project', 'project_id', "'no Funder record'", project_key='project_key') }}
    from described
    where not has_funder

    union all
    select {{ dq_issue('part_overlapping_hmis_participation', 'project', 'project_id',
        "'HMISParticipation records overlap'", project_key='project_key') }}
    from overlapping_hmis

    union all
    select {{ dq_issue('part_overlapping_ce_participation', 'project', 'project_id',
        "'CEParticipation records overlap'", project_key='project_key') }}
    from overlapping_ce

)

select * from issues
