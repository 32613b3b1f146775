{#- Domestic violence history (4.11) each active stay reports (APR/CAPER Q14a, Q14b): one row per
    request and enrollment with a HealthAndDV record dated by the period end, the latest one (any
    collection stage; HUD Data Lab). -#}
with

report_enrollments as (

    select * from {{ ref('int_report_enrollments') }}

),

health_and_dv as (

    select * from {{ ref('stg_hmis__health_and_dv') }}

),

records as (

    select
        report_enrollments.request_id,
        report_enrollments.enrollment_key,
        health_and_dv.information_date,
        health_and_dv.domestic_violence_survivor,
        health_and_dv.when_occurred,
        health_and_dv.currently_fleeing,
        row_number() over (
            partition by report_enrollments.request_id, report_enrollments.enrollment_key
            order by health_and_dv.information_date desc, health_and_dv.date_updated desc,
                health_and_dv.health_and_dv_id desc
        ) as record_rank
    from report_enrollments
    inner join health_and_dv
        on report_enrollments.enrollment_key = health_and_dv.enrollment_key
    where health_and_dv.information_date <= report_enrollments.period_end

),

final as (

    select
        -- keys
        request_id,
        enrollment_key,

        -- the latest record
        information_date,
        domestic_violence_survivor,
        when_occurred,
        currently_fleeing

    from records
    where record_rank = 1

)

select * from final
