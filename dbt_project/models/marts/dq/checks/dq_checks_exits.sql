{#- Exit destination checks (3.12): unknown, missing, no exit interview, subsidy type missing. One row
    per exit and failed check. -#}
with

enrollments as (

    select * from {{ ref('dq_enrollment_facts') }}

),

exits as (

    select * from enrollments where exit_key is not null

),

issues as (

    select {{ dq_exit_issue('exit_destination_dk_pnta', dq_shown('Destination', 'destination')) }}
    from exits
    where {{ dq_is_dk_pnta('destination') }}

    union all
    select {{ dq_exit_issue('exit_destination_missing', dq_shown('Destination', 'destination')) }}
    from exits
    where {{ dq_is_not_collected('destination') }}

    union all
    select {{ dq_exit_issue('exit_destination_no_interview', dq_shown('Destination', 'destination')) }}
    from exits
    where destination = 30

    union all
    select {{ dq_exit_issue('exit_destination_subsidy_missing', "'Destination = 435; DestinationSubsidyType blank'") }}
    from exits
    where destination = 435 and destination_subsidy_type is null

)

select * from issues
