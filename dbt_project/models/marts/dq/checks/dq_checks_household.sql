{#- Household and duplicate-record checks (Eva 1-4, 86, 98): heads of household, relationships,
    households of young children only, HouseholdIDs reused across projects, duplicate entries, and
    client records the identity rules say are the same person within one source. -#}
with

enrollments as (

    select * from {{ ref('dq_enrollment_facts') }}

),

identity as (

    select * from {{ ref('int_client_identity') }}

),

clients as (

    select * from {{ ref('stg_hmis__clients') }}

),

households as (

    select
        household_key,
        min(source_id) as source_id,
        min(household_id) as household_id,
        count(*) as member_count,
        count(distinct project_key) as project_count,
        sum(case when is_head_of_household then 1 else 0 end) as head_count,
        max(age_at_entry) as oldest_age,
        sum(case when age_at_entry is null or age_at_entry < 0 then 1 else 0 end) as unknown_age_count
    from enrollments
    group by household_key

),

-- The record an admin opens to fix a household: its (first) head, else its first member.
household_contacts as (

    select * from (
        select
            household_key,
            personal_key,
            enrollment_key,
            project_key,
            row_number() over (
                partition by household_key
                order by case when is_head_of_household then 0 else 1 end, entry_date, enrollment_id
            ) as contact_rank
        from enrollments
    ) as ranked
    where contact_rank = 1

),

flagged_households as (

    select households.*, household_contacts.personal_key, household_contacts.enrollment_key, household_contacts.project_key
    from households
    inner join household_contacts
        on households.household_key = household_contacts.household_key

),

duplicate_entries as (

    select enrollments.*, copies.copy_count
    from enrollments
    inner join (
        select personal_key, project_key, entry_date, count(*) as copy_count
        from enrollments
        group by personal_key, project_key, entry_date
        having count(*) > 1
    ) as copies
        on enrollments.personal_key = copies.personal_key
        and enrollments.project_key = copies.project_key
        and enrollments.entry_date = copies.entry_date

),

-- Several records of one person in one source: every record but the first created is the duplicate.
same_person_records as (

    select * from (
        select
            identity.*,
            first_value(identity.personal_id) over (
                partition by identity.client_id, identity.source_id
                order by clients.date_created, identity.personal_id
            ) as first_personal_id,
            row_number() over (
                partition by identity.client_id, identity.source_id
                order by clients.date_created, identity.personal_id
            ) as record_order
        from identity
        left join clients
            on identity.personal_key = clients.personal_key
        where identity.client_records_in_source > 1
    ) as ordered
    where record_order > 1

),

issues as (

    select {{ dq_enrollment_issue('hh_duplicate_entry',
        "cast(copy_count as " ~ dbt.type_string() ~ ") || ' enrollments start ' || cast(entry_date as " ~ dbt.type_string() ~ ")") }}
    from duplicate_entries

    union all
    select {{ dq_issue('hh_no_head', 'household', 'household_id',
        "cast(member_count as " ~ dbt.type_string() ~ ") || ' members, no head of household'",
        'personal_key', 'enrollment_key', 'household_key', 'project_key') }}
    from flagged_households
    where head_count = 0

    union all
    select {{ dq_issue('hh_multiple_heads', 'household', 'household_id',
        "cast(head_count as " ~ dbt.type_string() ~ ") || ' heads of household'",
        'personal_key', 'enrollment_key', 'household_key', 'project_key') }}
    from flagged_households
    where head_count > 1

    union all
    select {{ dq_issue('hh_oldest_member_under_12', 'household', 'household_id',
        "'oldest member ' || cast(oldest_age as " ~ dbt.type_string() ~ ") || ' at entry'",
        'personal_key', 'enrollment_key', 'household_key', 'project_key') }}
    from flagged_households
    where unknown_age_count = 0 and oldest_age < {{ dq_setting('oldest_member_min_age') }}

    union all
    select {{ dq_issue('hh_id_across_projects', 'household', 'household_id',
        "'HouseholdID used in ' || cast(project_count as " ~ dbt.type_string() ~ ") || ' projects'",
        'personal_key', 'enrollment_key', 'household_key', 'project_key') }}
    from flagged_households
    where project_count > 1

    union all
    select {{ dq_enrollment_issue('hh_relationship_missing', dq_shown('RelationshipToHoH', 'relationship_to_hoh')) }}
    from enrollments
    where {{ dq_is_not_collected('relationship_to_hoh') }}
        and household_key not in (select household_key from households where head_count = 0)

    union all
    select {{ dq_client_issue('client_possible_duplicate', "'same person as earlier PersonalID ' || first_personal_id") }}
    from same_person_records

)

select * from issues
