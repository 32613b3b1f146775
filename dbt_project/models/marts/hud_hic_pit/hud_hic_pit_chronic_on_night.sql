{#- Chronic homelessness on the count night (glossary §8.4-8.5, hic-pit-lsa.md §3.6): one row per
    HIC/PIT request and stay present in ES, SH or TH, or counted unsheltered. Everyone starts from the status at project start
    with HUD's household rule (int_clients_evaluated_for_chronic_homelessness). Individuals (households
    without an adult and a child together) staying in ES or SH, or met by street outreach (months with
    a contact at 116, 101 or 118, glossary "CH at a Point in Time"), may age into chronic homelessness by
    the night: disabled on the night and homeless 12 months or more, counting every calendar month
    touched from the start of homelessness (3.917.3) to the night — or four or more times in three
    years (3.917.4) with 12 months or more (3.917.5) once the months in the project are added. A household
    is chronically homeless when its head, or an adult present at its start, is. -#}
with

persons as (

    select
        request_id, enrollment_key, household_key, project_type, is_head_of_household, household_type,
        age_on_night, entry_date, pit_date
    from {{ ref('hud_hic_pit_persons_on_night') }}
    where hic_project_group in ('ES', 'SH', 'TH')
    union all
    -- people counted unsheltered (street outreach stays)
    select
        request_id, enrollment_key, household_key, project_type, is_head_of_household, household_type,
        age_on_night, entry_date, pit_date
    from {{ ref('hud_hic_pit_unsheltered_on_night') }}

),

conditions as (

    select * from {{ ref('hud_hic_pit_conditions_on_night') }}

),

at_start as (

    select * from {{ ref('int_clients_evaluated_for_chronic_homelessness') }}

),

enrollment_elements as (

    select * from {{ ref('stg_hmis__enrollments') }}

),

bed_nights as (

    select * from {{ ref('int_bed_nights') }}

),

-- Night-by-night shelter: months after the entry month with a bed night by the night.
bed_night_months as (

    select
        persons.request_id,
        persons.enrollment_key,
        count(distinct {{ month_index('bed_nights.bed_night_date') }}) as months_with_bed_nights
    from persons
    inner join bed_nights
        on persons.enrollment_key = bed_nights.enrollment_key
    where bed_nights.bed_night_date <= persons.pit_date
        and {{ month_index('bed_nights.bed_night_date') }} > {{ month_index('persons.entry_date') }}
    group by persons.request_id, persons.enrollment_key

),

-- Street outreach: months after the entry month with a contact (4.12) in a homeless situation by the night.
outreach_months as (

    select
        persons.request_id,
        persons.enrollment_key,
        count(distinct {{ month_index('living_situations.information_date') }}) as months_with_contacts
    from persons
    inner join {{ ref('stg_hmis__current_living_situations') }} as living_situations
        on persons.enrollment_key = living_situations.enrollment_key
    where persons.project_type = 4
        and living_situations.current_living_situation in (116, 101, 118)
        and living_situations.information_date <= persons.pit_date
        and {{ month_index('living_situations.information_date') }} > {{ month_index('persons.entry_date') }}
    group by persons.request_id, persons.enrollment_key

),

counted_months as (

    select
        persons.request_id,
        persons.enrollment_key,
        persons.household_key,
        persons.project_type,
        persons.is_head_of_household,
        persons.household_type,
        persons.age_on_night,
        coalesce(at_start.chronic_status, 'missing') as chronic_status_at_start,
        coalesce(at_start.is_adult_or_head and at_start.is_present_at_household_start, false)
            as is_adult_present_at_start,
        conditions.is_disabled_on_night,
        enrollment_elements.times_homeless_past_three_years,
        enrollment_elements.months_homeless_past_three_years,
        -- months touched from the start of homelessness through the entry month (at least the entry month)
        case
            when enrollment_elements.date_to_street_essh <= persons.entry_date
                then {{ month_index('persons.entry_date') }} - {{ month_index('enrollment_elements.date_to_street_essh') }} + 1
            else 1
        end as months_homeless_through_entry,
        -- months in the project after its entry month, by the night
        case
            when persons.project_type = 1 then coalesce(bed_night_months.months_with_bed_nights, 0)
            when persons.project_type = 4 then coalesce(outreach_months.months_with_contacts, 0)
            else {{ month_index('persons.pit_date') }} - {{ month_index('persons.entry_date') }}
        end as months_in_project_after_entry
    from persons
    inner join conditions
        on persons.request_id = conditions.request_id
        and persons.enrollment_key = conditions.enrollment_key
    left join at_start
        on persons.enrollment_key = at_start.enrollment_key
    left join enrollment_elements
        on persons.enrollment_key = enrollment_elements.enrollment_key
    left join bed_night_months
        on persons.request_id = bed_night_months.request_id
        and persons.enrollment_key = bed_night_months.enrollment_key
    left join outreach_months
        on persons.request_id = outreach_months.request_id
        and persons.enrollment_key = outreach_months.enrollment_key

),

evaluated as (

    select
        counted_months.*,
        months_homeless_through_entry + months_in_project_after_entry as months_homeless_on_night,
        coalesce(
            household_type in ('without_children', 'with_only_children')
            and project_type in (0, 1, 4, 8)
            and chronic_status_at_start <> 'yes'
            and is_disabled_on_night
            and (
                months_homeless_through_entry + months_in_project_after_entry >= 12
                or (
                    times_homeless_past_three_years = 4
                    and (
                        months_homeless_past_three_years in (112, 113)
                        or (
                            months_homeless_past_three_years between 101 and 111
                            and months_homeless_past_three_years - 100 + months_in_project_after_entry >= 12
                        )
                    )
                )
            ),
            false
        ) as has_aged_into_chronic_homelessness
    from counted_months

),

chronic_households as (

    select distinct request_id, household_key
    from evaluated
    where (is_head_of_household or is_adult_present_at_start)
        and (chronic_status_at_start = 'yes' or has_aged_into_chronic_homelessness)

),

final as (

    select
        -- keys
        evaluated.request_id,
        evaluated.enrollment_key,
        evaluated.household_key,

        -- the evaluation
        evaluated.chronic_status_at_start,
        evaluated.is_disabled_on_night,
        evaluated.months_homeless_on_night,
        evaluated.has_aged_into_chronic_homelessness,
        evaluated.chronic_status_at_start = 'yes' or evaluated.has_aged_into_chronic_homelessness
            as is_chronically_homeless_on_night,
        chronic_households.household_key is not null as is_chronically_homeless_household

    from evaluated
    left join chronic_households
        on evaluated.request_id = chronic_households.request_id
        and evaluated.household_key = chronic_households.household_key

)

select * from final
