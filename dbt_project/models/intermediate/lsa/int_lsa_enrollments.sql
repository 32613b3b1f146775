{#- tlsa_Enrollment (LSA spec §3.4, §3.5, §5.2): one row per LSA request and enrollment of a household in
    int_lsa_households with a valid RelationshipToHoH — effective entry, move-in and exit dates (kept within
    the head's), DisabilityStatus, EntryAge and ActiveAge, Active and AIR; with the HMIS values the LSAReport
    data-quality counts read. -#}
with

households as (

    select
        households.*,
        reports.report_start,
        reports.report_end,
        reports.lookback_date
    from {{ ref('int_lsa_households') }} as households
    inner join {{ ref('int_lsa_reports') }} as reports
        on households.request_id = reports.request_id

),

members as (

    {#- Enrollments of the household by ReportEnd; an ExitDate after ReportEnd is no exit. -#}
    select
        households.request_id,
        households.report_start,
        households.report_end,
        households.lookback_date,
        households.household_key,
        households.lsa_project_type,
        households.project_key,
        households.entry_date as household_entry_date,
        households.move_in_date as household_move_in_date,
        households.exit_date as household_exit_date,
        households.active as household_active,
        households.air as household_air,
        enrollments.enrollment_key,
        enrollments.personal_key,
        enrollments.relationship_to_hoh,
        enrollments.entry_date as hmis_entry_date,
        enrollments.disabling_condition,
        enrollments.living_situation,
        enrollments.length_of_stay,
        enrollments.date_to_street_essh,
        enrollments.previous_street_essh,
        enrollments.times_homeless_past_three_years,
        enrollments.months_homeless_past_three_years,
        case when exits.exit_date <= households.report_end then exits.exit_date end as hmis_exit_date,
        exits.destination,
        exits.destination_subsidy_type
    from households
    inner join {{ ref('stg_hmis__enrollments') }} as enrollments
        on households.household_key = enrollments.household_key
    left join {{ ref('stg_hmis__exits') }} as exits
        on enrollments.enrollment_key = exits.enrollment_key
    where enrollments.relationship_to_hoh in (1, 2, 3, 4, 5)
        and enrollments.entry_date <= households.report_end
        and (households.exit_date is null or enrollments.entry_date <= households.exit_date)

),

valid_exits as (

    select * from members
    where hmis_exit_date is null
        or (
            hmis_exit_date > lookback_date
            and hmis_exit_date > hmis_entry_date
            and hmis_exit_date > household_entry_date
        )

),

bed_nights as (

    {#- Night-by-night members: bed nights within the lookback, the member's and the head's stays (§3.4). -#}
    select
        valid_exits.request_id,
        valid_exits.enrollment_key,
        min(services.date_provided) as first_bed_night,
        max(services.date_provided) as last_bed_night
    from valid_exits
    inner join {{ ref('stg_hmis__services') }} as services
        on valid_exits.enrollment_key = services.enrollment_key
    where valid_exits.lsa_project_type = 1
        and services.record_type = 200
        and services.date_provided >= valid_exits.lookback_date
        and services.date_provided <= valid_exits.report_end
        and services.date_provided >= valid_exits.hmis_entry_date
        and services.date_provided >= valid_exits.household_entry_date
        and (valid_exits.hmis_exit_date is null or services.date_provided < valid_exits.hmis_exit_date)
        and (valid_exits.household_exit_date is null or services.date_provided < valid_exits.household_exit_date)
    group by valid_exits.request_id, valid_exits.enrollment_key

),

dated as (

    select
        valid_exits.*,
        bed_nights.last_bed_night,
        case
            when valid_exits.lsa_project_type = 1 then bed_nights.first_bed_night
            when valid_exits.household_entry_date > valid_exits.hmis_entry_date then valid_exits.household_entry_date
            else valid_exits.hmis_entry_date
        end as entry_date,
        case
            when valid_exits.lsa_project_type = 1 then
                case
                    when valid_exits.hmis_exit_date is null and valid_exits.household_exit_date is null
                        and {{ add_days(90, 'bed_nights.last_bed_night') }} > valid_exits.report_end
                        then null
                    else {{ add_days(1, 'bed_nights.last_bed_night') }}
                end
            when valid_exits.hmis_exit_date >= valid_exits.household_exit_date then valid_exits.household_exit_date
            when valid_exits.hmis_exit_date is null then valid_exits.household_exit_date
            -- the household's rule for RRH exits on the move-in date applies to members too (§3.4)
            when valid_exits.lsa_project_type in (13, 15) and valid_exits.hmis_exit_date = valid_exits.household_move_in_date
                and valid_exits.hmis_exit_date = valid_exits.report_end
                then null
            when valid_exits.lsa_project_type in (13, 15) and valid_exits.hmis_exit_date = valid_exits.household_move_in_date
                then {{ add_days(1, 'valid_exits.hmis_exit_date') }}
            else valid_exits.hmis_exit_date
        end as adjusted_exit_date
    from valid_exits
    left join bed_nights
        on valid_exits.request_id = bed_nights.request_id
        and valid_exits.enrollment_key = bed_nights.enrollment_key
    where valid_exits.lsa_project_type <> 1 or bed_nights.last_bed_night is not null

),

exited as (

    select
        dated.*,
        case when dated.adjusted_exit_date <= dated.report_end then dated.adjusted_exit_date end as exit_date
    from dated

),

moved_in as (

    {#- A member's MoveInDate (§3.4): the household's, from the member's entry if later; none when the member
        left before it, or on it while the household stayed (exits as adjusted above). -#}
    select
        exited.*,
        case
            when lsa_project_type not in (3, 13, 15) or household_move_in_date is null then null
            when household_move_in_date < hmis_entry_date then hmis_entry_date
            when household_move_in_date > exit_date then null
            when household_move_in_date = exit_date
                and (household_exit_date is null or household_exit_date > exit_date)
                then null
            else household_move_in_date
        end as move_in_date
    from exited

),

aged as (

    select
        dated.*,
        clients.dob,
        {{ lsa_entry_age('clients.dob', 'clients.dob_data_quality', 'dated.relationship_to_hoh', 'dated.entry_date') }}
            as first_entry_age
    from moved_in as dated
    left join {{ ref('stg_hmis__clients') }} as clients
        on dated.personal_key = clients.personal_key

),

dv as (

    {#- DVStatus (§3.4): the lowest value of the enrollment's DV records dated within its stay, by ReportEnd:
        1 survivor fleeing, 2 not fleeing, 3 fleeing unknown, 10 no DV, 98 not provided. -#}
    select
        aged.request_id,
        aged.enrollment_key,
        min(case
            when records.domestic_violence_survivor = 1 and records.currently_fleeing = 1 then 1
            when records.domestic_violence_survivor = 1 and records.currently_fleeing = 0 then 2
            when records.domestic_violence_survivor = 1 then 3
            when records.domestic_violence_survivor = 0 then 10
            when records.domestic_violence_survivor in (8, 9) then 98
        end) as dv_status
    from aged
    inner join {{ ref('stg_hmis__health_and_dv') }} as records
        on aged.enrollment_key = records.enrollment_key
    where records.information_date <= aged.report_end
        and records.information_date >= aged.entry_date
        and (aged.exit_date is null or records.information_date <= aged.exit_date)
    group by aged.request_id, aged.enrollment_key

),

consistent as (

    {#- One DOB for all of a person's enrollments: any EntryAge 99 makes every EntryAge 99 (§3.5). -#}
    select
        aged.*,
        dv.dv_status,
        case
            when max(case when aged.first_entry_age = 99 then 1 else 0 end)
                over (partition by aged.request_id, aged.personal_key) = 1 then 99
            else aged.first_entry_age
        end as entry_age
    from aged
    left join dv
        on aged.request_id = dv.request_id
        and aged.enrollment_key = dv.enrollment_key

),

final as (

    select
        -- keys
        request_id,
        enrollment_key,
        personal_key,
        household_key,
        project_key,
        relationship_to_hoh,
        lsa_project_type,

        -- effective dates
        entry_date,
        move_in_date,
        exit_date,
        last_bed_night,
        hmis_entry_date,
        hmis_exit_date,

        -- ages (§3.5)
        entry_age,
        case
            when exit_date < report_start or entry_date >= report_start or entry_age in (98, 99) then entry_age
            else {{ lsa_age_group('dob', 'report_start') }}
        end as active_age,

        -- DisabilityStatus and DVStatus (§3.4)
        case when disabling_condition in (0, 1) then disabling_condition end as disability_status,
        dv_status,

        -- Active and AIR (§5.2)
        case when household_active = 1 and (exit_date is null or exit_date >= report_start) then 1 else 0 end
            as active,
        case
            when household_air = 1 and entry_date <= report_end and (exit_date is null or exit_date > report_start)
                and (
                    lsa_project_type in (0, 2, 8)
                    or (lsa_project_type = 1 and last_bed_night between report_start and report_end)
                    or (lsa_project_type in (3, 13) and move_in_date <= report_end)
                )
                then 1 else 0
        end as air,

        -- HMIS values the LSAReport data-quality counts read (§11.7)
        living_situation,
        length_of_stay,
        date_to_street_essh,
        previous_street_essh,
        times_homeless_past_three_years,
        months_homeless_past_three_years,
        destination,
        destination_subsidy_type
    from consistent

)

select * from final
