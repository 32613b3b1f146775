{#- Street outreach contacts of each request's people (APR/CAPER Q9a/Q9b): one row per request and
    adult or head of household whose reported stay is in street outreach or night-by-night shelter.
    Contacts are Current Living Situation records (4.12) dated within the stay, up to the engagement
    and the period end (earlier ones in the stay count too); an engagement date without a contact that
    day counts as one contact, "worker unable to determine" (GR). Contacted in the period: a contact
    or the engagement dated in the period. -#}
with

clients as (

    select * from {{ ref('int_report_clients') }}
    where project_type in (1, 4) and is_adult_or_head

),

living_situations as (

    select * from {{ ref('stg_hmis__current_living_situations') }}

),

recorded as (

    select
        clients.request_id,
        clients.personal_key,
        living_situations.information_date as contact_date,
        living_situations.current_living_situation as situation,
        living_situations.current_living_sit_id as contact_id
    from clients
    inner join living_situations
        on clients.enrollment_key = living_situations.enrollment_key
    where living_situations.information_date >= clients.entry_date
        and (clients.exit_date is null or living_situations.information_date <= clients.exit_date)
        and (clients.date_of_engagement is null or living_situations.information_date <= clients.date_of_engagement)
        and living_situations.information_date <= clients.period_end

),

engagement_contacts as (

    select
        clients.request_id,
        clients.personal_key,
        clients.date_of_engagement as contact_date,
        37 as situation,
        '~engagement' as contact_id
    from clients
    where clients.date_of_engagement is not null
        and not exists (
            select 1 from recorded
            where recorded.request_id = clients.request_id
                and recorded.personal_key = clients.personal_key
                and recorded.contact_date = clients.date_of_engagement
        )

),

all_contacts as (

    select * from recorded
    union all
    select * from engagement_contacts

),

first_contacts as (

    select * from (
        select
            all_contacts.*,
            row_number() over (
                partition by request_id, personal_key order by contact_date, contact_id
            ) as contact_rank
        from all_contacts
    ) as ranked
    where contact_rank = 1

),

counted as (

    select
        request_id,
        personal_key,
        count(*) as contact_count
    from all_contacts
    group by request_id, personal_key

),

final as (

    select
        clients.request_id,
        clients.personal_key,
        clients.project_type,
        clients.date_of_engagement,
        coalesce(counted.contact_count, 0) as contact_count,
        first_contacts.situation as first_contact_situation,
        first_contacts.contact_date as first_contact_date,
        coalesce(clients.date_of_engagement between clients.period_start and clients.period_end, false)
            or exists (
                select 1 from all_contacts
                where all_contacts.request_id = clients.request_id
                    and all_contacts.personal_key = clients.personal_key
                    and all_contacts.contact_date between clients.period_start and clients.period_end
            ) as is_contacted_in_period,
        coalesce(clients.date_of_engagement between clients.period_start and clients.period_end, false)
            as is_engaged_in_period
    from clients
    left join counted
        on clients.request_id = counted.request_id
        and clients.personal_key = counted.personal_key
    left join first_contacts
        on clients.request_id = first_contacts.request_id
        and clients.personal_key = first_contacts.personal_key

)

select * from final
