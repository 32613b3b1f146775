{#- Night-by-night shelter (ProjectType 1) bed nights: the nights a person was in a bed, from Services
    bed-night records (RecordType 200) dated on or after entry and before exit. A bed night on the
    exit date is a data error and does not count; several records for one night count once. -#}
with

enrollments as (

    select * from {{ ref('int_enrollments') }}

),

services as (

    select * from {{ ref('stg_hmis__services') }}

),

bed_night_records as (

    select enrollment_key, date_provided
    from services
    where record_type = 200
        and type_provided = 200
        and date_provided is not null

),

nights as (

    select
        -- keys
        enrollments.enrollment_key,
        enrollments.source_id,
        enrollments.personal_key,
        enrollments.household_key,
        enrollments.project_key,

        -- the night
        bed_night_records.date_provided as bed_night_date,
        count(*) as service_record_count

    from bed_night_records
    inner join enrollments
        on bed_night_records.enrollment_key = enrollments.enrollment_key
    where enrollments.project_type = 1
        and bed_night_records.date_provided >= enrollments.entry_date
        and (enrollments.exit_date is null or bed_night_records.date_provided < enrollments.exit_date)
    group by
        enrollments.enrollment_key,
        enrollments.source_id,
        enrollments.personal_key,
        enrollments.household_key,
        enrollments.project_key,
        bed_night_records.date_provided

)

select * from nights
