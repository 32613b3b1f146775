{#- Inactive records as of the source's export end (HUD Q6f applied per record) and bed-night
    placement: open night-by-night shelter stays with no bed night, and open street outreach, services-only
    and coordinated entry stays of adults and heads of household with no contact (Eva 142, 103), in the
    last `inactive_days_<type>` (else `inactive_days`) days of their project type (local settings); bed nights missing on the
    entry date or recorded on the exit date (Eva 107, 108); a contact recorded as a rental with an ongoing
    subsidy (435) without its subsidy type (Eva 129). -#}
{%- set contact_inactive -%}
    is_open_at_as_of
        and entry_date < {{ add_days('-inactive_days', 'as_of_date') }}
        and (last_contact_date is null or last_contact_date < {{ add_days('-inactive_days', 'as_of_date') }})
{%- endset %}
with

enrollments as (

    select * from {{ ref('dq_enrollment_facts') }}

),

services as (

    select * from {{ ref('stg_hmis__services') }}

),

contacts as (

    select * from {{ ref('stg_hmis__current_living_situations') }}

),

-- Days per project type: its own inactive_days_<type> setting, else the default inactive_days.
inactive_days as (

    select
        types.project_type,
        coalesce(cast(per_type.threshold as integer), {{ dq_setting('inactive_days') }}) as days
    from (
        select 1 as project_type
        union all select 4
        union all select 6
        union all select 14
    ) as types
    left join {{ dq_type_settings('inactive_days') }} as per_type
        on types.project_type = per_type.project_type

),

bed_night_records as (

    select enrollment_key, date_provided
    from services
    where record_type = 200 and type_provided = 200 and date_provided is not null

),

night_by_night as (

    select
        enrollments.*,
        inactive_days.days as inactive_days,
        (
            select max(bed_night_records.date_provided)
            from bed_night_records
            where bed_night_records.enrollment_key = enrollments.enrollment_key
                and bed_night_records.date_provided >= enrollments.entry_date
                and bed_night_records.date_provided <= enrollments.as_of_date
        ) as last_bed_night_date,
        exists (
            select 1 from bed_night_records
            where bed_night_records.enrollment_key = enrollments.enrollment_key
                and bed_night_records.date_provided = enrollments.entry_date
        ) as has_entry_bed_night,
        exists (
            select 1 from bed_night_records
            where bed_night_records.enrollment_key = enrollments.enrollment_key
                and bed_night_records.date_provided = enrollments.exit_date
        ) as has_exit_bed_night
    from enrollments
    left join inactive_days
        on enrollments.project_type = inactive_days.project_type
    where enrollments.project_type = 1

),

with_contacts as (

    select
        enrollments.*,
        inactive_days.days as inactive_days,
        (
            select max(contacts.information_date)
            from contacts
            where contacts.enrollment_key = enrollments.enrollment_key
                and contacts.information_date <= enrollments.as_of_date
        ) as last_contact_date
    from enrollments
    inner join inactive_days
        on enrollments.project_type = inactive_days.project_type
    where enrollments.project_type in (4, 6, 14) and enrollments.is_adult_or_head

),

issues as (

    select {{ dq_enrollment_issue('inact_nbn_no_recent_bed_night',
        "coalesce('last bed night ' || cast(last_bed_night_date as " ~ dbt.type_string() ~ "), 'no bed nights')") }}
    from night_by_night
    where is_open_at_as_of
        and entry_date <= {{ add_days('-inactive_days', 'as_of_date') }}
        and (last_bed_night_date is null or last_bed_night_date < {{ add_days('-inactive_days', 'as_of_date') }})

    union all
    select {{ dq_enrollment_issue('inact_so_no_recent_contact',
        "coalesce('last contact ' || cast(last_contact_date as " ~ dbt.type_string() ~ "), 'no contacts')") }}
    from with_contacts
    where project_type = 4 and {{ contact_inactive }}

    union all
    select {{ dq_enrollment_issue('inact_services_no_recent_contact',
        "coalesce('last contact ' || cast(last_contact_date as " ~ dbt.type_string() ~ "), 'no contacts')") }}
    from with_contacts
    where project_type in (6, 14) and {{ contact_inactive }}

    union all
    select {{ dq_enrollment_issue('cls_subsidy_missing',
        "'CurrentLivingSituation = 435 on ' || cast(first_unsubsidised_date as " ~ dbt.type_string() ~ ") || '; CLSSubsidyType blank'") }}
    from (
        select enrollments.*, (
            select min(contacts.information_date) from contacts
            where contacts.enrollment_key = enrollments.enrollment_key
                and contacts.current_living_situation = 435 and contacts.cls_subsidy_type is null
        ) as first_unsubsidised_date
        from enrollments
    ) as with_contacts
    where first_unsubsidised_date is not null

    union all
    select {{ dq_enrollment_issue('nbn_no_bed_night_on_entry', "'no bed night on EntryDate ' || cast(entry_date as " ~ dbt.type_string() ~ ")") }}
    from night_by_night
    where not has_entry_bed_night and entry_date <= as_of_date

    union all
    select {{ dq_enrollment_issue('nbn_bed_night_on_exit', "'bed night on ExitDate ' || cast(exit_date as " ~ dbt.type_string() ~ ")") }}
    from night_by_night
    where has_exit_bed_night

)

select * from issues
