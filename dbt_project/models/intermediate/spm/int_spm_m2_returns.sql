{#- SPM Measure 2 (spm.md): one row per request and person who exited SO, ES, TH, SH or PH to a
    permanent destination in the two years before the report period (report start/end - 730 days):
    the earliest such exit, and the first return to homelessness within 730 days of it, if any.
    PH counts as a return only from 15 days after the exit and not as a transfer between PH stays. -#}
with

stays as (

    select * from {{ ref('int_spm_enrollments') }}

),

destination_classes as (

    select * from {{ ref('destination_classes') }}

),

permanent_exits as (

    select
        stays.*,
        row_number() over (
            partition by stays.request_id, stays.client_id
            -- step 2: the earliest exit; on one date, the lowest EnrollmentID
            order by stays.exit_date, {{ lowest_id_first('stays.enrollment_id') }}, stays.enrollment_key
        ) as exit_rank
    from stays
    inner join destination_classes
        on cast(stays.destination as {{ dbt.type_string() }}) = destination_classes.code
    where destination_classes.destination_class = 'permanent'
        and stays.exit_date between {{ add_days(-730, 'stays.report_start') }}
            and {{ add_days(-730, 'stays.report_end') }}

),

cohort as (

    select
        request_id,
        client_id,
        enrollment_key as exit_enrollment_key,
        project_type as exit_project_type,
        exit_date,
        destination
    from permanent_exits
    where exit_rank = 1

),

housing_stays as (

    select * from stays where project_type in (3, 9, 10, 13)

),

-- A PH stay that starts after another PH stay began and no later than 14 days after it ended (open
-- stays: the report end) is a transfer within PH, not a return.
housing_transfers as (

    select distinct later.request_id, later.enrollment_key
    from housing_stays as later
    inner join housing_stays as earlier
        on later.request_id = earlier.request_id
        and later.client_id = earlier.client_id
        and later.enrollment_key <> earlier.enrollment_key
    where later.entry_date > earlier.entry_date
        and later.entry_date <= {{ add_days(14, 'coalesce(earlier.exit_date, earlier.report_end)') }}

),

candidate_returns as (

    select
        cohort.request_id,
        cohort.client_id,
        stays.enrollment_key as return_enrollment_key,
        stays.project_type as return_project_type,
        stays.entry_date as return_date
    from cohort
    inner join stays
        on cohort.request_id = stays.request_id
        and cohort.client_id = stays.client_id
        and stays.enrollment_key <> cohort.exit_enrollment_key
    left join housing_transfers
        on stays.request_id = housing_transfers.request_id
        and stays.enrollment_key = housing_transfers.enrollment_key
    where stays.entry_date >= cohort.exit_date
        and stays.entry_date <= {{ add_days(730, 'cohort.exit_date') }}
        and (
            stays.project_type in (0, 1, 2, 4, 8)
            or (
                stays.project_type in (3, 9, 10, 13)
                and stays.entry_date > {{ add_days(14, 'cohort.exit_date') }}
                and housing_transfers.enrollment_key is null
            )
        )

),

first_returns as (

    select * from (
        select
            candidate_returns.*,
            row_number() over (
                partition by request_id, client_id order by return_date, return_enrollment_key
            ) as return_rank
        from candidate_returns
    ) as ranked
    where return_rank = 1

),

final as (

    select
        -- keys
        cohort.request_id,
        cohort.client_id,
        cohort.exit_enrollment_key,
        first_returns.return_enrollment_key,

        -- the exit
        cohort.exit_project_type,
        case
            when cohort.exit_project_type = 4 then 'SO'
            when cohort.exit_project_type in (0, 1) then 'ES'
            when cohort.exit_project_type = 2 then 'TH'
            when cohort.exit_project_type = 8 then 'SH'
            else 'PH'
        end as exit_project_group,
        cohort.exit_date,
        cohort.destination,

        -- the return
        first_returns.return_project_type,
        first_returns.return_date,
        {{ days_between('cohort.exit_date', 'first_returns.return_date') }} as days_to_return,
        case
            when first_returns.return_date is null then null
            when {{ days_between('cohort.exit_date', 'first_returns.return_date') }} <= 180 then '0-180'
            when {{ days_between('cohort.exit_date', 'first_returns.return_date') }} <= 365 then '181-365'
            else '366-730'
        end as return_window

    from cohort
    left join first_returns
        on cohort.request_id = first_returns.request_id
        and cohort.client_id = first_returns.client_id

)

select * from final
