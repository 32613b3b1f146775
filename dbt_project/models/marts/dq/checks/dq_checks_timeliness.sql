{#- Timeliness: project starts and exits entered in HMIS more than `timeliness_days` after they
    happened (days = date part of DateCreated minus the event date, as in HUD Q6e). -#}
with

enrollments as (

    select * from {{ ref('dq_enrollment_facts') }}

),

lags as (

    select
        enrollments.*,
        {{ days_between('entry_date', 'entry_created_date') }} as entry_lag_days,
        {{ days_between('exit_date', 'exit_created_date') }} as exit_lag_days
    from enrollments

),

issues as (

    select {{ dq_enrollment_issue('time_entry_late',
        "'entered ' || cast(entry_lag_days as " ~ dbt.type_string() ~ ") || ' days after EntryDate'") }}
    from lags
    where entry_lag_days > {{ dq_setting('timeliness_days') }}

    union all
    select {{ dq_exit_issue('time_exit_late',
        "'entered ' || cast(exit_lag_days as " ~ dbt.type_string() ~ ") || ' days after ExitDate'") }}
    from lags
    where exit_lag_days > {{ dq_setting('timeliness_days') }}

)

select * from issues
