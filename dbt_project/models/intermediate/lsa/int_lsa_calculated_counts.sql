{#- LSACalculated's AIR counts (LSA spec chapter 9): one row per LSA request and count of people (ReportRow 53,
    55) or households (54) by cohort (1 the active-in-residence cohort, 10-13 the point-in-time cohorts of
    §3.2/§9.2), universe (10 by project, 11-16 by project type), household type and population, and of bed
    nights in the report period (56 by household, 57 by personal characteristics; cohort 1). Which
    populations and household types each row reports comes from seed lsa_calculated_populations (§9.3-§9.5
    tables). HHType 0 is every household type; a population's HHType t > 0 counts households whose
    ActiveHHType is t. The HIC also gets row 53 for each OPH project: the people housed there on its day
    (§9.6). Only Values > 0 are rows (§10.21). -#}
with

reports as (

    select * from {{ ref('int_lsa_reports') }}

),

populations as (

    select * from {{ ref('lsa_calculated_populations') }}

),

households as (

    {#- tlsa_HHID rows in residence in the period (AIR), with §5.12's population identifiers. -#}
    select
        households.request_id,
        households.household_key,
        households.hoh_personal_key,
        households.lsa_project_type,
        projects.project_id,
        populations.active_hh_type,
        populations.hh_chronic,
        populations.hh_vet,
        populations.hh_disability,
        populations.hh_fleeing_dv,
        populations.hh_adult_age,
        populations.hh_parent
    from {{ ref('int_lsa_households') }} as households
    inner join {{ ref('int_lsa_household_populations') }} as populations
        on households.request_id = populations.request_id
        and households.household_key = populations.household_key
    inner join {{ ref('int_lsa_projects') }} as projects
        on households.request_id = projects.request_id
        and households.project_key = projects.project_key
    where households.air = 1

),

enrollments as (

    select enrollments.*
    from {{ ref('int_lsa_enrollments') }} as enrollments
    inner join households
        on enrollments.request_id = households.request_id
        and enrollments.household_key = households.household_key
    where enrollments.air = 1

),

bed_nights as (

    select enrollment_key, date_provided
    from {{ ref('stg_hmis__services') }}
    where record_type = 200

),

pit_dates as (

    {#- Cohorts 10-13 (§3.2): October 31 of the ReportStart year, January 31, April 30 and July 31 of the
        ReportEnd year, when in the report period; none for the HIC. -#}
    select reports.request_id, calendar.calendar_date as pit_date,
        case {{ date_part('month', 'calendar.calendar_date') }}
            when 10 then 10 when 1 then 11 when 4 then 12 else 13
        end as cohort
    from reports
    inner join {{ ref('int_lsa_calendar') }} as calendar
        on calendar.calendar_date between reports.report_start and reports.report_end
    where reports.lsa_scope <> 3
        and (
            (
                {{ date_part('month', 'calendar.calendar_date') }} = 10
                and {{ date_part('day', 'calendar.calendar_date') }} = 31
                and {{ date_part('year', 'calendar.calendar_date') }} = {{ date_part('year', 'reports.report_start') }}
            )
            or (
                {{ date_part('year', 'calendar.calendar_date') }} = {{ date_part('year', 'reports.report_end') }}
                and (
                    ({{ date_part('month', 'calendar.calendar_date') }} = 1 and {{ date_part('day', 'calendar.calendar_date') }} = 31)
                    or ({{ date_part('month', 'calendar.calendar_date') }} = 4 and {{ date_part('day', 'calendar.calendar_date') }} = 30)
                    or ({{ date_part('month', 'calendar.calendar_date') }} = 7 and {{ date_part('day', 'calendar.calendar_date') }} = 31)
                )
            )
        )

),

enrollment_cohorts as (

    {#- Cohort 1: AIR. Cohorts 10-13 (§9.2): in residence on the date (RRH/PSH moved in, night-by-night ES a
        bed night that night, others entered) and not exited by it. -#}
    select request_id, enrollment_key, personal_key, household_key, 1 as cohort from enrollments
    union all
    select enrollments.request_id, enrollments.enrollment_key, enrollments.personal_key, enrollments.household_key,
        pit_dates.cohort
    from enrollments
    inner join pit_dates
        on enrollments.request_id = pit_dates.request_id
    where (enrollments.exit_date is null or enrollments.exit_date > pit_dates.pit_date)
        and (
            (enrollments.lsa_project_type in (3, 13) and enrollments.move_in_date <= pit_dates.pit_date)
            or (enrollments.lsa_project_type in (0, 2, 8) and enrollments.entry_date <= pit_dates.pit_date)
            or (
                enrollments.lsa_project_type = 1
                and enrollments.entry_date <= pit_dates.pit_date
                and exists (
                    select 1 from bed_nights
                    where bed_nights.enrollment_key = enrollments.enrollment_key
                        and bed_nights.date_provided = pit_dates.pit_date
                )
            )
        )

),

universes as (

    {#- Universe 10 is the project; 11 ES, 12 SH, 13 TH, 14 RRH, 15 PSH, 16 ES/SH/TH unduplicated. -#}
    select request_id, household_key, 10 as universe, project_id from households
    union all
    select request_id, household_key,
        case lsa_project_type when 8 then 12 when 2 then 13 when 13 then 14 when 3 then 15 else 11 end as universe,
        cast(null as {{ dbt.type_string() }}) as project_id
    from households
    where lsa_project_type in (0, 1, 2, 3, 8, 13)
    union all
    select request_id, household_key, 16 as universe, cast(null as {{ dbt.type_string() }}) as project_id
    from households
    where lsa_project_type in (0, 1, 2, 8)

),

household_populations as (

    {#- Rows 53, 54, 56: household populations (§9.3 table; 0 is everyone). -#}
    select request_id, household_key, 0 as population from households
    union all
    select request_id, household_key, 10 from households where hh_adult_age = 18
    union all
    select request_id, household_key, 11 from households where hh_adult_age = 24
    union all
    select request_id, household_key, 12 from households where hh_parent = 1 and hh_adult_age in (18, 24)
    union all
    select request_id, household_key, 13 from households where hh_vet = 1
    union all
    select request_id, household_key, 14 from households where hh_vet = 0 and hh_adult_age in (25, 55)
    union all
    select request_id, household_key, 15 from households where hh_chronic = 1
    union all
    select request_id, household_key, 18 from households where hh_disability = 1
    union all
    select request_id, household_key, 19 from households where hh_fleeing_dv = 1
    union all
    select request_id, household_key, 45 from households where hh_adult_age = 55
    union all
    select request_id, household_key, 46 from households where hh_parent = 1
    union all
    select request_id, household_key, 48 from households where hh_fleeing_dv = 2

),

people as (

    {#- tlsa_Person with chronic time (§5.10) and the largest ActiveAge of the person's AIR enrollments. -#}
    select
        people.request_id,
        people.personal_key,
        people.vet_status,
        people.disability_status,
        people.dv_status,
        cast(people.race_ethnicity as {{ dbt.type_string() }}) as race_code,
        people.race_ethnicity,
        chronic.ch_time,
        chronic.ch_time_status,
        ages.max_active_age
    from {{ ref('int_lsa_people') }} as people
    inner join (
        select request_id, personal_key, max(case when active_age not in (98, 99) then active_age end) as max_active_age
        from enrollments
        group by request_id, personal_key
    ) as ages
        on people.request_id = ages.request_id
        and people.personal_key = ages.personal_key
    left join {{ ref('int_lsa_person_chronic') }} as chronic
        on people.request_id = chronic.request_id
        and people.personal_key = chronic.personal_key

),

person_populations as (

    {#- Row 55 and 57: personal populations (§9.4 tables). household_key is set where the population is the
        person in one household (parenting youth and parenting children heads, youth ages in youth households). -#}
    select request_id, personal_key, cast(null as {{ dbt.type_string() }}) as household_key, 50 as population
    from people where vet_status = 1
    union all
    select request_id, hoh_personal_key, household_key, 51
    from households where active_hh_type = 2 and hh_parent = 1 and hh_adult_age in (18, 24)
    union all
    select request_id, hoh_personal_key, household_key, 52
    from households where active_hh_type = 3 and hh_parent = 1
    union all
    select request_id, personal_key, null, 53
    from people
    where disability_status = 1
        and ((ch_time = 365 and ch_time_status in (1, 2)) or (ch_time = 400 and ch_time_status = 2))
    union all
    select request_id, personal_key, null, 54 from people where disability_status = 1
    union all
    select request_id, personal_key, null, 55 from people where dv_status = 1
    union all
    select request_id, personal_key, null,
        case race_ethnicity
            when 1 then 56 when 16 then 57 when 2 then 58 when 26 then 59 when 3 then 60 when 36 then 61
            when 6 then 62 when 7 then 63 when 67 then 64 when 4 then 65 when 46 then 66 when 5 then 67
            when 56 then 68
            else case when race_code like '%6%' then 70 else 69 end
        end
    from people
    where race_ethnicity not in (98, 99) and race_ethnicity is not null
        and (race_ethnicity in (1, 16, 2, 26, 3, 36, 6, 7, 67, 4, 46, 5, 56) or race_ethnicity >= 12)
    {%- for digit, population in [(1, 71), (2, 72), (3, 73), (6, 74), (7, 75), (4, 76), (5, 77)] %}
    union all
    select request_id, personal_key, null, {{ population }}
    from people where race_ethnicity not in (98, 99) and race_code like '%{{ digit }}%'
    {%- endfor %}
    union all
    select request_id, personal_key, null,
        case max_active_age
            when 0 then 86 when 2 then 87 when 5 then 88 when 17 then 89 when 21 then 90 when 24 then 91
            when 34 then 92 when 44 then 93 when 54 then 94 when 64 then 95 else 96
        end
    from people where max_active_age is not null
    union all
    select request_id, personal_key, null, 97 from people where dv_status in (2, 3)
    union all
    select distinct enrollments.request_id, enrollments.personal_key, enrollments.household_key,
        case
            when households.active_hh_type = 1 and enrollments.active_age = 21 then 1190
            when households.active_hh_type = 1 then 1191
            when enrollments.active_age = 21 then 1290
            else 1291
        end
    from enrollments
    inner join households
        on enrollments.request_id = households.request_id
        and enrollments.household_key = households.household_key
    where households.hh_adult_age in (18, 24)
        and enrollments.active_age in (21, 24)
        and (households.active_hh_type = 1 or (households.active_hh_type = 2 and households.hh_parent = 1))

),

person_subpopulations as (

    {#- Veterans, parenting youth and parenting children heads (50-52) with each of 53-77 and 97: 5053 ... -#}
    select person_populations.*
    from person_populations
    union all
    select parents.request_id, parents.personal_key, parents.household_key,
        parents.population * 100 + subpopulations.population
    from person_populations as parents
    inner join person_populations as subpopulations
        on parents.request_id = subpopulations.request_id
        and parents.personal_key = subpopulations.personal_key
    where parents.population in (50, 51, 52)
        and (subpopulations.population between 53 and 77 or subpopulations.population = 97)

),

household_members as (

    {#- Each cohort's enrollments with their household's type and universes. -#}
    select
        enrollment_cohorts.request_id,
        enrollment_cohorts.cohort,
        enrollment_cohorts.enrollment_key,
        enrollment_cohorts.personal_key,
        enrollment_cohorts.household_key,
        households.hoh_personal_key,
        households.active_hh_type,
        universes.universe,
        universes.project_id
    from enrollment_cohorts
    inner join households
        on enrollment_cohorts.request_id = households.request_id
        and enrollment_cohorts.household_key = households.household_key
    inner join universes
        on enrollment_cohorts.request_id = universes.request_id
        and enrollment_cohorts.household_key = universes.household_key

),

household_rows as (

    {#- 53: people, 54: households (HoHID and ActiveHHType), §9.3. -#}
    select
        household_members.request_id,
        populations.report_row,
        household_members.cohort,
        household_members.universe,
        populations.hh_type,
        populations.population,
        household_members.project_id,
        case
            when populations.report_row = 53 then count(distinct household_members.personal_key)
            else count(distinct {{ dbt.concat(['household_members.hoh_personal_key', "'|'",
                                              'cast(household_members.active_hh_type as ' ~ dbt.type_string() ~ ')']) }})
        end as value
    from household_members
    inner join household_populations
        on household_members.request_id = household_populations.request_id
        and household_members.household_key = household_populations.household_key
    inner join populations
        on household_populations.population = populations.population
        and populations.report_row in (53, 54)
        and (populations.hh_type = 0 or populations.hh_type = household_members.active_hh_type)
    group by
        household_members.request_id,
        populations.report_row,
        household_members.cohort,
        household_members.universe,
        populations.hh_type,
        populations.population,
        household_members.project_id

),

person_rows as (

    {#- 55: people by personal characteristics (§9.4); by project only for the project-level populations. -#}
    select
        household_members.request_id,
        55 as report_row,
        household_members.cohort,
        household_members.universe,
        populations.hh_type,
        populations.population,
        household_members.project_id,
        count(distinct household_members.personal_key) as value
    from household_members
    inner join person_subpopulations
        on household_members.request_id = person_subpopulations.request_id
        and household_members.personal_key = person_subpopulations.personal_key
        and (
            person_subpopulations.household_key is null
            or person_subpopulations.household_key = household_members.household_key
        )
    inner join populations
        on person_subpopulations.population = populations.population
        and populations.report_row = 55
        and (populations.hh_type = 0 or populations.hh_type = household_members.active_hh_type)
        and ((household_members.universe = 10 and populations.project_level = 1)
            or (household_members.universe > 10 and populations.type_level = 1))
    group by
        household_members.request_id,
        household_members.cohort,
        household_members.universe,
        populations.hh_type,
        populations.population,
        household_members.project_id

),

nights as (

    {#- §9.5: each AIR enrollment's nights in the report period, as a span night_start..night_end (inclusive):
        RRH/PSH from move-in, ES/SH/TH from entry, to the night before exit; night-by-night ES one span per bed
        night. Spans, not one row per night: on `state` the per-night rows, fanned out to populations and
        universes, took most of the LSA's model time. Not for the HIC. -#}
    select enrollments.request_id, enrollments.enrollment_key, enrollments.personal_key, enrollments.household_key,
        {{ lsa_later_date(
            'case when enrollments.lsa_project_type in (3, 13) then enrollments.move_in_date '
            ~ 'else enrollments.entry_date end', 'reports.report_start') }} as night_start,
        {{ lsa_earlier_date(add_days(-1, 'enrollments.exit_date'), 'reports.report_end') }} as night_end
    from enrollments
    inner join reports
        on enrollments.request_id = reports.request_id
    where reports.lsa_scope <> 3 and enrollments.lsa_project_type in (0, 2, 3, 8, 13)
        and case
            when enrollments.lsa_project_type in (3, 13) then enrollments.move_in_date else enrollments.entry_date
        end is not null
    union all
    select distinct enrollments.request_id, enrollments.enrollment_key, enrollments.personal_key,
        enrollments.household_key, bed_nights.date_provided, bed_nights.date_provided
    from enrollments
    inner join reports
        on enrollments.request_id = reports.request_id
    inner join bed_nights
        on enrollments.enrollment_key = bed_nights.enrollment_key
        and bed_nights.date_provided between reports.report_start and reports.report_end
        and bed_nights.date_provided >= enrollments.entry_date
        and (enrollments.exit_date is null or bed_nights.date_provided < enrollments.exit_date)
    where reports.lsa_scope <> 3 and enrollments.lsa_project_type = 1

),

night_populations as (

    select nights.*, household_populations.population, 56 as report_row
    from nights
    inner join household_populations
        on nights.request_id = household_populations.request_id
        and nights.household_key = household_populations.household_key
        and household_populations.population in (0, 10, 11)
    where nights.night_start <= nights.night_end
    union all
    select nights.*, person_populations.population, 57 as report_row
    from nights
    inner join person_populations
        on nights.request_id = person_populations.request_id
        and nights.personal_key = person_populations.personal_key
        and person_populations.population in (50, 53)
    where nights.night_start <= nights.night_end

),

night_spans as (

    {#- Each person's night spans by universe, household type and population, with the latest night the person's
        earlier-starting spans in the same row reach (null for the first). -#}
    select
        night_populations.request_id,
        populations.report_row,
        universes.universe,
        populations.hh_type,
        populations.population,
        universes.project_id,
        night_populations.personal_key,
        night_populations.night_start,
        night_populations.night_end,
        max(night_populations.night_end) over (
            partition by night_populations.request_id, populations.report_row, universes.universe,
                populations.hh_type, populations.population, universes.project_id, night_populations.personal_key
            order by night_populations.night_start
            rows between unbounded preceding and 1 preceding
        ) as reached
    from night_populations
    inner join households
        on night_populations.request_id = households.request_id
        and night_populations.household_key = households.household_key
    inner join universes
        on night_populations.request_id = universes.request_id
        and night_populations.household_key = universes.household_key
    inner join populations
        on night_populations.population = populations.population
        and night_populations.report_row = populations.report_row
        and (populations.hh_type = 0 or populations.hh_type = households.active_hh_type)

),

night_rows as (

    {#- 56/57: distinct person-nights per universe, household type and population (cohort 1). Spans in order of
        their first night: the earlier ones cover every night from this span's first to `reached` (the span that
        reaches it starts no later), so a span adds only its nights after `reached`. -#}
    select
        request_id,
        report_row,
        1 as cohort,
        universe,
        hh_type,
        population,
        project_id,
        sum(
            case
                when reached is null or reached < night_start then {{ days_between('night_start', 'night_end') }} + 1
                when reached < night_end then {{ days_between('reached', 'night_end') }}
                else 0
            end
        ) as value
    from night_spans
    group by request_id, report_row, universe, hh_type, population, project_id

),

oph_heads as (

    {#- §9.6, the HIC only: heads of households housed in lsa_Project's OPH projects (types 9, 10) on the count
        date, in ReportCoC, in a project participating in HMIS that day. -#}
    select reports.request_id, reports.report_start, projects.project_id, enrollments.household_key
    from reports
    inner join {{ ref('int_lsa_projects') }} as projects
        on reports.request_id = projects.request_id
        and projects.project_type in (9, 10)
    inner join {{ ref('stg_hmis__enrollments') }} as enrollments
        on projects.project_key = enrollments.project_key
    left join {{ ref('stg_hmis__exits') }} as exits
        on enrollments.enrollment_key = exits.enrollment_key
    where reports.lsa_scope = 3
        and enrollments.relationship_to_hoh = 1
        and enrollments.enrollment_coc = reports.report_coc
        and enrollments.entry_date <= reports.report_start
        and enrollments.move_in_date <= reports.report_start
        and enrollments.move_in_date >= enrollments.entry_date
        and (exits.exit_date is null or exits.exit_date > reports.report_start)
        and exists (
            select 1 from {{ ref('stg_hmis__hmis_participations') }} as participations
            where participations.project_key = projects.project_key
                and participations.hmis_participation_type = 1
                and participations.hmis_participation_status_start_date <= reports.report_start
                and (
                    participations.hmis_participation_status_end_date is null
                    or participations.hmis_participation_status_end_date > reports.report_start
                )
        )

),

oph_rows as (

    {#- Row 53 by OPH project: the household's people in the project that day (Cohort 1, HHType 0, Population 0). -#}
    select
        oph_heads.request_id,
        53 as report_row,
        1 as cohort,
        10 as universe,
        0 as hh_type,
        0 as population,
        oph_heads.project_id,
        count(distinct members.personal_key) as value
    from oph_heads
    inner join {{ ref('stg_hmis__enrollments') }} as members
        on oph_heads.household_key = members.household_key
    left join {{ ref('stg_hmis__exits') }} as exits
        on members.enrollment_key = exits.enrollment_key
    where members.entry_date <= oph_heads.report_start
        and (exits.exit_date is null or exits.exit_date > oph_heads.report_start)
    group by oph_heads.request_id, oph_heads.project_id

),

final as (

    select request_id, report_row, cohort, universe, hh_type, population, project_id, value from household_rows
    union all
    select request_id, report_row, cohort, universe, hh_type, population, project_id, value from person_rows
    union all
    select request_id, report_row, cohort, universe, hh_type, population, project_id, value from night_rows
    union all
    select request_id, report_row, cohort, universe, hh_type, population, project_id, value from oph_rows

)

select * from final
where value > 0
