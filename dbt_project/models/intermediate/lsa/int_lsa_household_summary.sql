{#- tlsa_Household (LSA spec chapter 6), so far: one row per LSA request and distinct head of household
    (HoHID) and household type (HHType) of the active households in tlsa_HHID (§6.1), with household
    composition, the head's race and the population identifiers (§6.2), project-group status, move-in,
    geography, living situation and destination (§6.3-§6.7), the project groups' population identifiers (§6.8),
    system engagement status and return time (§6.9) and active in residence by project group (§6.17). Days are
    actual counts, grouped for upload in the file. -#}
with

reports as (

    select request_id, report_coc, report_start, report_end, lsa_scope from {{ ref('int_lsa_reports') }}

),

hhid as (

    {#- tlsa_HHID with its ActiveHHType and project group (EST: ES/SH/TH; RRH; PSH; RRH services only). -#}
    select
        households.*,
        types.active_hh_type,
        reports.report_coc,
        reports.report_start,
        reports.report_end,
        case
            when households.lsa_project_type in (0, 1, 2, 8) then 'EST'
            when households.lsa_project_type = 13 then 'RRH'
            when households.lsa_project_type = 3 then 'PSH'
            when households.lsa_project_type = 15 then 'RRHSO'
        end as project_group
    from {{ ref('int_lsa_households') }} as households
    inner join {{ ref('int_lsa_household_types') }} as types
        on households.request_id = types.request_id
        and households.household_key = types.household_key
    inner join reports
        on households.request_id = reports.request_id
    where reports.lsa_scope <> 3

),

active_hhid as (

    select * from hhid where active = 1

),

households as (

    {#- §6.1: one row per HoHID and HHType of an active household; FirstEntry (§6.9) its earliest entry. -#}
    select
        request_id,
        hoh_personal_key,
        active_hh_type as hh_type,
        min(report_start) as report_start,
        min(report_end) as report_end,
        min(entry_date) as first_entry
    from active_hhid
    group by request_id, hoh_personal_key, active_hh_type

),

members as (

    {#- The active enrollments of the household's active HouseholdIDs, by person. -#}
    select
        active_hhid.request_id,
        active_hhid.hoh_personal_key,
        active_hhid.active_hh_type as hh_type,
        enrollments.personal_key,
        max(case when enrollments.active_age between 0 and 17 then 1 else 0 end) as served_as_child,
        max(case when enrollments.active_age between 21 and 65 then 1 else 0 end) as served_as_adult,
        max(case when enrollments.active_age in (98, 99) then 1 else 0 end) as served_without_dob
    from active_hhid
    inner join {{ ref('int_lsa_enrollments') }} as enrollments
        on active_hhid.request_id = enrollments.request_id
        and active_hhid.household_key = enrollments.household_key
        and enrollments.active = 1
    group by active_hhid.request_id, active_hhid.hoh_personal_key, active_hhid.active_hh_type, enrollments.personal_key

),

composition as (

    {#- §6.2 HHAdult (adults on every active enrollment: anyone also served as a child counts as a child),
        HHChild, HHNoDOB: distinct people, up to 3. -#}
    select
        request_id,
        hoh_personal_key,
        hh_type,
        least(sum(case when served_as_adult = 1 and served_as_child = 0 then 1 else 0 end), 3) as hh_adult,
        least(sum(served_as_child), 3) as hh_child,
        least(sum(served_without_dob), 3) as hh_no_dob
    from members
    group by request_id, hoh_personal_key, hh_type

),

group_spans as (

    {#- §6.3 and §6.4 by project group: the earliest entry, any open enrollment, the latest move-in. -#}
    select
        request_id,
        hoh_personal_key,
        active_hh_type as hh_type,
        project_group,
        min(entry_date) as earliest_entry,
        max(case when exit_date is null then 1 else 0 end) as still_enrolled,
        max(move_in_date) as latest_move_in,
        max(air) as air
    from active_hhid
    group by request_id, hoh_personal_key, active_hh_type, project_group

),

group_status as (

    select
        group_spans.*,
        {#- xStatus (§6.3): 11/12 entered before ReportStart, 21/22 on or after; 1 still enrolled at
            ReportEnd, 2 exited. -#}
        case when earliest_entry < hh.report_start then 10 else 20 end
        + case when still_enrolled = 1 then 1 else 2 end as status,
        {#- xMoveIn (§6.4): 0 no move-in, 1 latest move-in in the period, 2 before it. -#}
        case
            when latest_move_in is null then 0
            when latest_move_in >= hh.report_start then 1
            else 2
        end as move_in
    from group_spans
    inner join households as hh
        on group_spans.request_id = hh.request_id
        and group_spans.hoh_personal_key = hh.hoh_personal_key
        and group_spans.hh_type = hh.hh_type

),

geography_ranked as (

    {#- §6.5: the project group's enrollment with the latest active date in the period (then the latest
        entry), and its project's GeographyType in the report CoC (99 when not 1-3 or none). -#}
    select
        active_hhid.request_id,
        active_hhid.hoh_personal_key,
        active_hhid.active_hh_type as hh_type,
        active_hhid.project_group,
        case when project_cocs.geography_type in (1, 2, 3) then project_cocs.geography_type else 99 end
            as geography,
        row_number() over (
            partition by active_hhid.request_id, active_hhid.hoh_personal_key, active_hhid.active_hh_type,
                active_hhid.project_group
            order by coalesce(active_hhid.exit_date, active_hhid.report_end) desc, active_hhid.entry_date desc,
                project_cocs.project_coc_id, active_hhid.enrollment_key
        ) as recency
    from active_hhid
    left join {{ ref('stg_hmis__project_cocs') }} as project_cocs
        on active_hhid.project_key = project_cocs.project_key
        and active_hhid.report_coc = project_cocs.coc_code

),

living_ranked as (

    {#- §6.6: the head's living situation on the project group's earliest active enrollment; 99 for an
        ES/SH/TH enrollment whose effective entry is not the recorded one (a night-by-night entry without a
        bed night). -#}
    select
        active_hhid.request_id,
        active_hhid.hoh_personal_key,
        active_hhid.active_hh_type as hh_type,
        active_hhid.project_group,
        case
            when active_hhid.project_group = 'EST' and active_hhid.entry_date <> active_hhid.hmis_entry_date then 99
            when enrollments.living_situation in (8, 9) then 98
            when enrollments.living_situation is null or enrollments.living_situation = 99 then 99
            when enrollments.living_situation = 435 and enrollments.rental_subsidy_type is null then 99
            when enrollments.living_situation = 435 then enrollments.rental_subsidy_type
            else enrollments.living_situation
        end as living_sit,
        row_number() over (
            partition by active_hhid.request_id, active_hhid.hoh_personal_key, active_hhid.active_hh_type,
                active_hhid.project_group
            order by active_hhid.entry_date, active_hhid.enrollment_key
        ) as earliness
    from active_hhid
    inner join {{ ref('stg_hmis__enrollments') }} as enrollments
        on active_hhid.enrollment_key = enrollments.enrollment_key

),

destination_ranked as (

    {#- §6.7: ExitDest of the project group's active enrollment with the latest exit. -#}
    select
        request_id,
        hoh_personal_key,
        active_hh_type as hh_type,
        project_group,
        exit_dest,
        row_number() over (
            partition by request_id, hoh_personal_key, active_hh_type, project_group
            order by exit_date desc, entry_date desc, enrollment_key
        ) as recency
    from active_hhid
    where exit_date is not null

),

groups as (

    select
        group_status.request_id,
        group_status.hoh_personal_key,
        group_status.hh_type,
        group_status.project_group,
        group_status.status,
        group_status.move_in,
        group_status.air,
        geography_ranked.geography,
        living_ranked.living_sit,
        case when group_status.status in (12, 22) then destination_ranked.exit_dest else -1 end as destination
    from group_status
    left join geography_ranked
        on group_status.request_id = geography_ranked.request_id
        and group_status.hoh_personal_key = geography_ranked.hoh_personal_key
        and group_status.hh_type = geography_ranked.hh_type
        and group_status.project_group = geography_ranked.project_group
        and geography_ranked.recency = 1
    left join living_ranked
        on group_status.request_id = living_ranked.request_id
        and group_status.hoh_personal_key = living_ranked.hoh_personal_key
        and group_status.hh_type = living_ranked.hh_type
        and group_status.project_group = living_ranked.project_group
        and living_ranked.earliness = 1
    left join destination_ranked
        on group_status.request_id = destination_ranked.request_id
        and group_status.hoh_personal_key = destination_ranked.hoh_personal_key
        and group_status.hh_type = destination_ranked.hh_type
        and group_status.project_group = destination_ranked.project_group
        and destination_ranked.recency = 1

),

by_group as (

    select
        request_id,
        hoh_personal_key,
        hh_type,
        {% for group in ['EST', 'RRH', 'PSH', 'RRHSO'] -%}
        coalesce(max(case when project_group = '{{ group }}' then status end), 0) as {{ group | lower }}_status,
        {% endfor -%}
        {% for group in ['RRH', 'PSH', 'RRHSO'] -%}
        coalesce(max(case when project_group = '{{ group }}' then move_in end), -1) as {{ group | lower }}_move_in,
        {% endfor -%}
        {% for group in ['EST', 'RRH', 'PSH'] -%}
        coalesce(max(case when project_group = '{{ group }}' then geography end), -1) as {{ group | lower }}_geography,
        coalesce(max(case when project_group = '{{ group }}' then living_sit end), -1) as {{ group | lower }}_living_sit,
        coalesce(max(case when project_group = '{{ group }}' then destination end), -1)
            as {{ group | lower }}_destination,
        coalesce(max(case when project_group = '{{ group }}' then air end), 0) as {{ group | lower }}_air{{ ',' if not loop.last }}
        {% endfor %}
    from groups
    group by request_id, hoh_personal_key, hh_type

),

hhid_populations as (

    {#- tlsa_HHID's population identifiers (§5.12) of the active households, with their HoHID and project group;
        HHChronic and HHAdultAge as the rank of their value in §6.2's priority tables (HHChronic 1-6, 9, then
        0; HHAdultAge 18, 24, 55, 25, then -1: lsa_adult_age_rank). -#}
    select
        active_hhid.request_id,
        active_hhid.hoh_personal_key,
        active_hhid.active_hh_type as hh_type,
        active_hhid.project_group,
        populations.hh_chronic,
        case when populations.hh_chronic = 0 then 10 else populations.hh_chronic end as chronic_rank,
        populations.hh_vet,
        populations.hh_disability,
        populations.hh_fleeing_dv,
        {{ lsa_adult_age_rank('populations.hh_adult_age') }} as adult_age_rank,
        populations.hh_parent,
        populations.ac3_plus
    from active_hhid
    inner join {{ ref('int_lsa_household_populations') }} as populations
        on active_hhid.request_id = populations.request_id
        and active_hhid.household_key = populations.household_key

),

populations as (

    {#- §6.2: over every active HouseholdID of the HoHID and HHType, the first HHChronic and HHAdultAge of the
        priority tables, HHFleeingDV 1 before 2 before 0, HHVet/HHDisability/HHParent (and AC3Plus) 1 if any.
        §6.8: the same by project group (EST, RRH, PSH), 0 or -1 when not served in it; the group's Chronic is 1
        only for HHChronic 1 (chronically homeless). -#}
    select
        request_id,
        hoh_personal_key,
        hh_type,
        min(chronic_rank) as hh_chronic_rank,
        max(hh_vet) as hh_vet,
        max(hh_disability) as hh_disability,
        case
            when max(case when hh_fleeing_dv = 1 then 1 else 0 end) = 1 then 1
            when max(case when hh_fleeing_dv = 2 then 1 else 0 end) = 1 then 2
            else 0
        end as hh_fleeing_dv,
        min(adult_age_rank) as hh_adult_age_rank,
        max(hh_parent) as hh_parent,
        max(ac3_plus) as hh_any_ac3_plus,
        {% for group in ['EST', 'RRH', 'PSH'] -%}
        {%- set served = "project_group = '" ~ group ~ "'" -%}
        {%- set prefix = group | lower -%}
        max(case when {{ served }} and hh_chronic = 1 then 1 else 0 end) as {{ prefix }}_chronic,
        max(case when {{ served }} and hh_vet = 1 then 1 else 0 end) as {{ prefix }}_vet,
        max(case when {{ served }} and hh_disability = 1 then 1 else 0 end) as {{ prefix }}_disability,
        case
            when max(case when {{ served }} and hh_fleeing_dv = 1 then 1 else 0 end) = 1 then 1
            when max(case when {{ served }} and hh_fleeing_dv = 2 then 1 else 0 end) = 1 then 2
            else 0
        end as {{ prefix }}_fleeing_dv,
        min(case when {{ served }} then adult_age_rank else 5 end) as {{ prefix }}_adult_age_rank,
        max(case when {{ served }} and hh_parent = 1 then 1 else 0 end) as {{ prefix }}_parent,
        max(case when {{ served }} and ac3_plus = 1 then 1 else 0 end) as {{ prefix }}_any_ac3_plus{{ ',' if not loop.last }}
        {% endfor %}
    from hhid_populations
    group by request_id, hoh_personal_key, hh_type

),

prior_exits as (

    {#- §6.9 StatEnrollmentID: the household's (any HouseholdID of the same HoHID and HHType, active or not)
        most recent exit in the 730 days before FirstEntry. -#}
    select
        households.request_id,
        households.hoh_personal_key,
        households.hh_type,
        hhid.enrollment_key as stat_enrollment_key,
        hhid.exit_date as stat_exit_date,
        hhid.exit_dest as stat_exit_dest,
        row_number() over (
            partition by households.request_id, households.hoh_personal_key, households.hh_type
            order by hhid.exit_date desc, hhid.entry_date desc, hhid.enrollment_key
        ) as recency
    from households
    inner join hhid
        on households.request_id = hhid.request_id
        and households.hoh_personal_key = hhid.hoh_personal_key
        and households.hh_type = hhid.active_hh_type
    where hhid.exit_date >= {{ add_days(-730, 'households.first_entry') }}
        and hhid.exit_date < households.first_entry

),

engagement as (

    {#- §6.9 Stat and ReturnTime (days; grouped in the file): 5 continuous engagement (first entry before
        ReportStart, or an exit less than 15 days before it), 1 first time, 2/3/4 a return 15-730 days after
        an exit to a permanent (400-499), temporary (100-399) or other/unknown destination. -#}
    select
        households.*,
        prior_exits.stat_enrollment_key,
        case
            when households.first_entry < households.report_start then 5
            when prior_exits.stat_enrollment_key is null then 1
            when {{ add_days(15, 'prior_exits.stat_exit_date') }} > households.first_entry then 5
            when prior_exits.stat_exit_dest between 400 and 499 then 2
            when prior_exits.stat_exit_dest between 100 and 399 then 3
            else 4
        end as stat,
        case
            when households.first_entry < households.report_start then -1
            when prior_exits.stat_enrollment_key is null then -1
            when {{ add_days(15, 'prior_exits.stat_exit_date') }} > households.first_entry then -1
            else {{ days_between('prior_exits.stat_exit_date', 'households.first_entry') }}
        end as return_days
    from households
    left join prior_exits
        on households.request_id = prior_exits.request_id
        and households.hoh_personal_key = prior_exits.hoh_personal_key
        and households.hh_type = prior_exits.hh_type
        and prior_exits.recency = 1

),

final as (

    select
        -- keys
        engagement.request_id,
        engagement.hoh_personal_key,
        engagement.hh_type,

        -- system engagement (§6.9)
        engagement.first_entry,
        engagement.stat,
        engagement.stat_enrollment_key,
        engagement.return_days,
        {{ lsa_return_time('engagement.return_days') }} as return_time,

        -- composition, the head's race and the population identifiers (§6.2)
        composition.hh_adult,
        composition.hh_child,
        composition.hh_no_dob,
        people.race_ethnicity as hoh_race_ethnicity,
        case when populations.hh_chronic_rank = 10 then 0 else populations.hh_chronic_rank end as hh_chronic,
        populations.hh_vet,
        populations.hh_disability,
        populations.hh_fleeing_dv,
        {{ lsa_adult_age_of_rank('populations.hh_adult_age_rank') }} as hh_adult_age,
        populations.hh_parent,
        -- AC3Plus: §6.2 lists it, LSAHousehold has no column for it (three or more children in one HouseholdID)
        populations.hh_any_ac3_plus as ac3_plus,

        -- project groups' population identifiers (§6.8); AC3Plus only for AC households with HHChild 3
        {% for group in ['est', 'rrh', 'psh'] -%}
        populations.{{ group }}_chronic,
        populations.{{ group }}_vet,
        populations.{{ group }}_disability,
        populations.{{ group }}_fleeing_dv,
        case
            when engagement.hh_type = 2 and composition.hh_child = 3 and populations.{{ group }}_any_ac3_plus = 1 then 1
            else 0
        end as {{ group }}_ac3_plus,
        {{ lsa_adult_age_of_rank('populations.' ~ group ~ '_adult_age_rank') }} as {{ group }}_adult_age,
        populations.{{ group }}_parent,
        {% endfor %}

        -- project groups (§6.3-§6.7, §6.17)
        by_group.est_status,
        by_group.rrh_status,
        by_group.psh_status,
        by_group.rrhso_status,
        by_group.rrh_move_in,
        by_group.psh_move_in,
        by_group.rrhso_move_in,
        by_group.est_geography,
        by_group.rrh_geography,
        by_group.psh_geography,
        by_group.est_living_sit,
        by_group.rrh_living_sit,
        by_group.psh_living_sit,
        by_group.est_destination,
        by_group.rrh_destination,
        by_group.psh_destination,
        by_group.est_air,
        by_group.rrh_air,
        by_group.psh_air
    from engagement
    inner join composition
        on engagement.request_id = composition.request_id
        and engagement.hoh_personal_key = composition.hoh_personal_key
        and engagement.hh_type = composition.hh_type
    inner join by_group
        on engagement.request_id = by_group.request_id
        and engagement.hoh_personal_key = by_group.hoh_personal_key
        and engagement.hh_type = by_group.hh_type
    inner join populations
        on engagement.request_id = populations.request_id
        and engagement.hoh_personal_key = populations.hoh_personal_key
        and engagement.hh_type = populations.hh_type
    left join {{ ref('int_lsa_people') }} as people
        on engagement.request_id = people.request_id
        and engagement.hoh_personal_key = people.personal_key

)

select * from final
