{#- SPM Measure 4 (spm.md): one row per request, adult and cohort of CoC-funded TH, SH and PH stays —
    system stayers (still enrolled at the report end after 365+ days) and system leavers (exited in the
    period, enrolled in no such project at the end) — with previous and current earned, other (non-
    employment cash) and total monthly income (glossary §12). Adults without a previous income record
    are left out (HUD Data Lab; docs/decisions.md). -#}
with

stays as (

    select * from {{ ref('int_spm_enrollments') }}
    where project_type in (2, 3, 8, 9, 10, 13)

),

funders as (

    select * from {{ ref('stg_hmis__funders') }}

),

coc_program_funders as (

    select * from {{ ref('spm_m4_funders') }}

),

income as (

    select * from {{ ref('int_income_assessments') }}

),

-- Stays in a project with HUD CoC program funding during the report period.
funded_stays as (

    select stays.*
    from stays
    where stays.entry_date <= stays.report_end
        and (stays.exit_date is null or stays.exit_date >= stays.report_start)
        and exists (
            select 1
            from funders
            inner join coc_program_funders
                on funders.funder = coc_program_funders.funder
            where funders.project_key = stays.project_key
                and (funders.start_date is null or funders.start_date <= stays.report_end)
                and (funders.end_date is null or funders.end_date >= stays.report_start)
        )

),

stayer_stays as (

    select * from (
        select
            funded_stays.*,
            row_number() over (
                -- step 2c: the latest start; on one date, the lowest EnrollmentID
                partition by request_id, client_id
                order by entry_date desc, {{ lowest_id_first('enrollment_id') }}, enrollment_key
            ) as stay_rank
        from funded_stays
        where exit_date is null
            and {{ days_between('entry_date', 'report_end') }} >= 365
    ) as ranked
    where stay_rank = 1

),

still_enrolled as (

    select distinct request_id, client_id from funded_stays where exit_date is null

),

leaver_stays as (

    select * from (
        select
            funded_stays.*,
            row_number() over (
                partition by funded_stays.request_id, funded_stays.client_id
                -- step 3c: the stay with the latest start (lowest EnrollmentID on one date, as for stayers)
                order by funded_stays.entry_date desc, {{ lowest_id_first('funded_stays.enrollment_id') }},
                    funded_stays.enrollment_key
            ) as stay_rank
        from funded_stays
        left join still_enrolled
            on funded_stays.request_id = still_enrolled.request_id
            and funded_stays.client_id = still_enrolled.client_id
        where funded_stays.exit_date between funded_stays.report_start and funded_stays.report_end
            and still_enrolled.client_id is null
    ) as ranked
    where stay_rank = 1

),

cohort_stays as (

    select 'stayer' as cohort, stayer_stays.* from stayer_stays where reporting_age >= 18
    union all
    select 'leaver' as cohort, leaver_stays.* from leaver_stays where reporting_age >= 18

),

-- Income records of the cohort's stays: start (stage 1; a leaver's dated on entry, step 3g; a stayer's
-- whatever its date, step 2g asks only for "Income and Sources at project start" dated before the
-- later point), exit (stage 3 on exit), and annual (stage 5 by the report end, within 30 days of an
-- anniversary of this stay's entry).
records as (

    select
        cohort_stays.request_id,
        cohort_stays.client_id,
        cohort_stays.cohort,
        income.income_benefits_key,
        income.data_collection_stage,
        income.information_date,
        income.total_monthly_income_computed as total_income,
        income.earned_income_computed as earned_income,
        income.other_income_computed as other_income,
        case
            when income.data_collection_stage = 1
                and (cohort_stays.cohort = 'stayer' or income.information_date = cohort_stays.entry_date)
                and income.information_date <= cohort_stays.report_end
                then 'start'
            when income.data_collection_stage = 3 and income.information_date = cohort_stays.exit_date then 'exit'
            when income.data_collection_stage = 5 and income.information_date <= cohort_stays.report_end
                then 'annual'
        end as record_point,
        cast(round({{ days_between('cohort_stays.entry_date', 'income.information_date') }} / 365.25) as integer)
            as anniversary_number,
        cohort_stays.entry_date
    from cohort_stays
    inner join income
        on cohort_stays.enrollment_key = income.enrollment_key

),

annual_records as (

    select records.*
    from records
    where record_point = 'annual'
        and anniversary_number >= 1
        and abs({{ days_between(add_years('anniversary_number', 'entry_date'), 'information_date') }}) <= 30

),

latest_annual as (

    select * from (
        select
            annual_records.*,
            row_number() over (
                partition by request_id, client_id, cohort
                order by information_date desc, income_benefits_key desc
            ) as record_rank
        from annual_records
    ) as ranked
    where record_rank = 1

),

earlier_annual as (

    select * from (
        select
            annual_records.*,
            row_number() over (
                partition by annual_records.request_id, annual_records.client_id, annual_records.cohort
                order by annual_records.information_date desc, annual_records.income_benefits_key desc
            ) as record_rank
        from annual_records
        inner join latest_annual
            on annual_records.request_id = latest_annual.request_id
            and annual_records.client_id = latest_annual.client_id
            and annual_records.cohort = latest_annual.cohort
            and annual_records.anniversary_number < latest_annual.anniversary_number
    ) as ranked
    where record_rank = 1

),

point_records as (

    select * from (
        select
            records.*,
            row_number() over (
                partition by request_id, client_id, cohort, record_point
                order by case when information_date = entry_date then 0 else 1 end, information_date desc,
                    income_benefits_key desc
            ) as record_rank
        from records
        where record_point in ('start', 'exit')
    ) as ranked
    where record_rank = 1

),

compared as (

    select
        cohort_stays.request_id,
        cohort_stays.client_id,
        cohort_stays.cohort,
        cohort_stays.enrollment_key,
        case when cohort_stays.cohort = 'stayer' then latest_annual.income_benefits_key
            else exit_record.income_benefits_key end as current_record_key,
        case when cohort_stays.cohort = 'stayer' then coalesce(earlier_annual.income_benefits_key,
            start_record.income_benefits_key) else start_record.income_benefits_key end as previous_record_key
    from cohort_stays
    left join latest_annual
        on cohort_stays.request_id = latest_annual.request_id
        and cohort_stays.client_id = latest_annual.client_id
        and cohort_stays.cohort = latest_annual.cohort
    left join earlier_annual
        on cohort_stays.request_id = earlier_annual.request_id
        and cohort_stays.client_id = earlier_annual.client_id
        and cohort_stays.cohort = earlier_annual.cohort
    left join point_records as start_record
        on cohort_stays.request_id = start_record.request_id
        and cohort_stays.client_id = start_record.client_id
        and cohort_stays.cohort = start_record.cohort
        and start_record.record_point = 'start'
    left join point_records as exit_record
        on cohort_stays.request_id = exit_record.request_id
        and cohort_stays.client_id = exit_record.client_id
        and cohort_stays.cohort = exit_record.cohort
        and exit_record.record_point = 'exit'

),

valued as (

    select
        compared.*,
        previous_income.total_monthly_income_computed as previous_total_income,
        previous_income.earned_income_computed as previous_earned_income,
        previous_income.other_income_computed as previous_other_income,
        current_income.total_monthly_income_computed as current_total_income,
        current_income.earned_income_computed as current_earned_income,
        current_income.other_income_computed as current_other_income
    from compared
    left join income as previous_income
        on compared.previous_record_key = previous_income.income_benefits_key
    left join income as current_income
        on compared.current_record_key = current_income.income_benefits_key

),

final as (

    select
        valued.*,
        coalesce(current_earned_income > previous_earned_income, false) as has_increased_earned_income,
        coalesce(current_other_income > previous_other_income, false) as has_increased_other_income,
        coalesce(current_total_income > previous_total_income, false) as has_increased_total_income
    from valued
    where previous_total_income is not null

)

select * from final
