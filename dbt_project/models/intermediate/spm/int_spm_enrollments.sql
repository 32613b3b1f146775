{#- SPM's stays: one row per SPM request and enrollment the measures may read — continuum projects of
    the SPM types (ES, SH, TH, SO, PH) in the request's CoC, entered by the report end and not exited
    before the 7-year lookback (spm.md §0). Nothing after the report end has happened yet: later exits
    are open stays, later move-ins are none. Persons are counted by `client_id` across sources. A
    household without a head of household is in no SPM: Enrollment CoC "is only recorded under the head
    of household's record" and propagated from it (general instruction 7a); the DQ finding hh_no_head
    names it. -#}
with

requests as (

    select * from {{ ref('int_spm_requests') }}

),

enrollments as (

    select * from {{ ref('int_enrollments') }}

),

enrollment_elements as (

    select * from {{ ref('stg_hmis__enrollments') }}

),

projects as (

    select * from {{ ref('stg_hmis__projects') }}

),

move_ins as (

    select * from {{ ref('int_move_in_adjusted') }}

),

-- CLIENT IDENTITY, the one place SPM decides who is the same person: int_client_identity's client_id
-- (records of one person across sources share it); a record it does not know counts as its own person.
client_identity as (

    select source_id, personal_id, client_id from {{ ref('int_client_identity') }}

),

in_scope as (

    select
        requests.request_id,
        requests.coc_code as report_coc_code,
        requests.report_start,
        requests.report_end,
        requests.lookback_date,
        enrollments.*
    from enrollments
    inner join projects
        on enrollments.project_key = projects.project_key
    inner join requests
        on enrollments.coc_code = requests.coc_code
    where projects.continuum_project = 1
        and enrollments.project_type in (0, 1, 2, 3, 4, 8, 9, 10, 13)
        and enrollments.household_has_head
        and enrollments.entry_date <= requests.report_end
        and (enrollments.exit_date is null or enrollments.exit_date >= requests.lookback_date)
        and (enrollments.exit_date is null or enrollments.exit_date >= enrollments.entry_date)

),

-- Element 3.917 as each person answered it, with the head of household's beside it for children.
with_elements as (

    select
        in_scope.*,
        enrollment_elements.los_under_threshold,
        enrollment_elements.previous_street_essh,
        enrollment_elements.date_to_street_essh,
        heads.entry_date as head_entry_date,
        heads.living_situation as head_living_situation,
        head_elements.los_under_threshold as head_los_under_threshold,
        head_elements.previous_street_essh as head_previous_street_essh,
        head_elements.date_to_street_essh as head_date_to_street_essh
    from in_scope
    inner join enrollment_elements
        on in_scope.enrollment_key = enrollment_elements.enrollment_key
    left join (
        select * from (
            select
                enrollments.*,
                row_number() over (partition by household_key order by entry_date, enrollment_id) as head_rank
            from enrollments
            where is_head_of_household
        ) as ranked_heads
        where head_rank = 1
    ) as heads
        on in_scope.household_key = heads.household_key
    left join enrollment_elements as head_elements
        on heads.enrollment_key = head_elements.enrollment_key

),

-- "Literally homeless at entry" (spm.md §0): a homeless project type, a homeless living situation, or
-- a short stay elsewhere right after the street/ES/SH. Children without their own 3.917 answers take
-- the head of household's (docs/decisions.md, SPM).
evaluated as (

    select
        with_elements.*,
        coalesce(age_at_entry < 18 and not is_head_of_household and living_situation is null, false)
            as takes_head_answers
    from with_elements

),

literally_homeless as (

    select
        evaluated.*,
        case
            when project_type in (0, 1, 4, 8) then true
            when takes_head_answers then coalesce(
                head_living_situation between 100 and 199
                or (head_previous_street_essh = 1 and head_los_under_threshold = 1
                    and head_living_situation is not null),
                false
            )
            else coalesce(
                living_situation between 100 and 199
                or (previous_street_essh = 1 and los_under_threshold = 1 and living_situation is not null),
                false
            )
        end as is_literally_homeless_at_entry,
        -- Start of homelessness (3.917.3): a child who came in with the head and has none takes the
        -- head's; never before birth.
        case
            when date_to_street_essh is null and age_at_entry < 18 and not is_head_of_household
                and entry_date = head_entry_date
                then head_date_to_street_essh
            else date_to_street_essh
        end as date_to_street_essh_household
    from evaluated

),

capped as (

    select
        -- keys
        literally_homeless.request_id,
        literally_homeless.report_coc_code as coc_code,
        coalesce(client_identity.client_id, literally_homeless.personal_key) as client_id,
        literally_homeless.enrollment_key,
        literally_homeless.enrollment_id,
        literally_homeless.household_key,
        literally_homeless.personal_key,
        literally_homeless.project_key,

        -- period
        literally_homeless.report_start,
        literally_homeless.report_end,
        literally_homeless.lookback_date,

        -- the stay, as known on the report end
        literally_homeless.project_type,
        literally_homeless.entry_date,
        case when literally_homeless.exit_date <= literally_homeless.report_end
            then literally_homeless.exit_date end as exit_date,
        case when literally_homeless.exit_date <= literally_homeless.report_end
            then literally_homeless.destination end as destination,
        case when move_ins.move_in_date_adjusted <= literally_homeless.report_end
            then move_ins.move_in_date_adjusted end as move_in_date,

        -- the person
        literally_homeless.dob,
        literally_homeless.is_head_of_household,
        literally_homeless.age_at_entry,
        {{ age_in_years('literally_homeless.dob', 'case when literally_homeless.entry_date > literally_homeless.report_start then literally_homeless.entry_date else literally_homeless.report_start end') }}
            as reporting_age,
        literally_homeless.is_literally_homeless_at_entry,
        case
            when literally_homeless.dob is not null
                and literally_homeless.date_to_street_essh_household < literally_homeless.dob
                then literally_homeless.dob
            else literally_homeless.date_to_street_essh_household
        end as homelessness_start_date

    from literally_homeless
    left join client_identity
        on literally_homeless.source_id = client_identity.source_id
        and literally_homeless.personal_id = client_identity.personal_id
    left join move_ins
        on literally_homeless.enrollment_key = move_ins.enrollment_key

)

select * from capped
