{#- HMIS-based unsheltered count (pit-hdx.md §4.2; docs/decisions.md, CE APR and HMIS-based PIT): one row per
    HIC/PIT request and street outreach stay of a person counted unsheltered on the count night. A stay
    counts when it is open that night (entered by it, not exited before it) in the CoC and its person
    has evidence of sleeping unsheltered: a Current Living Situation dated that night at a place not
    meant for habitation (116; the person's latest record that night decides), or, with no such record,
    a stay that started that night from 116. The household members of an evidenced head or adult open
    on the night come with them unless their own record that night says otherwise. Anyone in the HIC's
    beds that night (sheltered, or housed in PH) is counted there, not here. Person-level. -#}
with

requests as (

    select * from {{ ref('hud_hic_pit_requests') }}

),

enrollments as (

    select * from {{ ref('int_enrollments') }}

),

living_situations as (

    select * from {{ ref('stg_hmis__current_living_situations') }}

),

in_hic_beds as (

    select distinct request_id, client_id from {{ ref('hud_hic_pit_persons_on_night') }}

),

clients as (

    select * from {{ ref('stg_hmis__clients') }}

),

client_identity as (

    select source_id, personal_id, client_id from {{ ref('int_client_identity') }}

),

outreach_stays as (

    select
        requests.request_id,
        requests.pit_date,
        'SO' as hic_project_group,
        coalesce(client_identity.client_id, enrollments.personal_key) as counted_client_id,
        enrollments.*,
        {{ age_in_years('enrollments.dob', 'requests.pit_date') }} as age_on_night
    from requests
    inner join enrollments
        on requests.coc_code = enrollments.coc_code
        and enrollments.project_type = 4
        and enrollments.entry_date <= requests.pit_date
        and (enrollments.exit_date is null or enrollments.exit_date >= requests.pit_date)
    left join client_identity
        on enrollments.source_id = client_identity.source_id
        and enrollments.personal_id = client_identity.personal_id

),

-- The person's latest Current Living Situation dated the night, on any of their open outreach stays.
situation_on_night as (

    select * from (
        select
            outreach_stays.request_id,
            outreach_stays.counted_client_id,
            living_situations.current_living_situation,
            row_number() over (
                partition by outreach_stays.request_id, outreach_stays.counted_client_id
                order by living_situations.date_updated desc, living_situations.current_living_sit_id desc
            ) as situation_rank
        from outreach_stays
        inner join living_situations
            on outreach_stays.enrollment_key = living_situations.enrollment_key
            and living_situations.information_date = outreach_stays.pit_date
    ) as ranked
    where situation_rank = 1

),

evidenced as (

    select
        outreach_stays.request_id,
        outreach_stays.enrollment_key,
        outreach_stays.household_key,
        case
            when situation_on_night.current_living_situation = 116 then 'living_situation_on_night'
            when situation_on_night.counted_client_id is null
                and outreach_stays.entry_date = outreach_stays.pit_date
                and outreach_stays.living_situation = 116
                then 'entered_on_night_from_street'
        end as unsheltered_evidence,
        situation_on_night.counted_client_id is not null
        and coalesce(situation_on_night.current_living_situation <> 116, true) as has_other_situation_on_night,
        outreach_stays.is_head_of_household or coalesce(outreach_stays.age_on_night >= 18, false)
            as is_head_or_adult
    from outreach_stays
    left join situation_on_night
        on outreach_stays.request_id = situation_on_night.request_id
        and outreach_stays.counted_client_id = situation_on_night.counted_client_id

),

evidenced_households as (

    select distinct request_id, household_key
    from evidenced
    where unsheltered_evidence is not null and is_head_or_adult

),

counted as (

    select
        outreach_stays.*,
        coalesce(evidenced.unsheltered_evidence, 'household_member') as unsheltered_evidence,
        row_number() over (
            partition by outreach_stays.request_id, outreach_stays.counted_client_id
            order by case when evidenced.unsheltered_evidence is null then 1 else 0 end,
                outreach_stays.entry_date desc, outreach_stays.enrollment_key desc
        ) as stay_rank
    from outreach_stays
    inner join evidenced
        on outreach_stays.request_id = evidenced.request_id
        and outreach_stays.enrollment_key = evidenced.enrollment_key
    inner join evidenced_households
        on outreach_stays.request_id = evidenced_households.request_id
        and outreach_stays.household_key = evidenced_households.household_key
    left join in_hic_beds
        on outreach_stays.request_id = in_hic_beds.request_id
        and outreach_stays.counted_client_id = in_hic_beds.client_id
    where in_hic_beds.client_id is null
        and not evidenced.has_other_situation_on_night

),

aged as (

    select * from counted where stay_rank = 1

),

{{ pit_persons_on_night('aged', extra_columns=['unsheltered_evidence']) }}
