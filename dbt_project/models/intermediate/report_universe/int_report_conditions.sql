{#- Physical and mental health conditions (4.05-4.10) each active stay reports (APR Q13, Q6b): one row
    per request, enrollment and point — at start (stage 1 records), at exit (stage 3) and latest (each
    condition's newest record dated by the period end, any stage). A condition counts when the answer
    is yes, whether or not it is indefinite and impairing (GR, DL); substance use splits into alcohol,
    drug or both. -#}
with

report_enrollments as (

    select * from {{ ref('int_report_enrollments') }}

),

disabilities as (

    select * from {{ ref('stg_hmis__disabilities') }}

),

records as (

    select
        report_enrollments.request_id,
        report_enrollments.enrollment_key,
        report_enrollments.period_end,
        disabilities.disability_type,
        disabilities.disability_response,
        disabilities.indefinite_and_impairs,
        disabilities.data_collection_stage,
        disabilities.information_date,
        disabilities.date_updated,
        disabilities.disabilities_id
    from report_enrollments
    inner join disabilities
        on report_enrollments.enrollment_key = disabilities.enrollment_key
    where disabilities.information_date <= report_enrollments.period_end

),

by_point as (

    select 'start' as assessment_point, records.*
    from records where data_collection_stage = 1
    union all
    select 'exit' as assessment_point, records.*
    from records where data_collection_stage = 3
    union all
    select 'latest' as assessment_point, records.*
    from records

),

-- One answer per condition and point: the newest record.
latest_answer as (

    select * from (
        select
            by_point.*,
            row_number() over (
                partition by by_point.request_id, by_point.enrollment_key, by_point.assessment_point,
                    by_point.disability_type
                order by by_point.information_date desc, by_point.date_updated desc, by_point.disabilities_id desc
            ) as answer_rank
        from by_point
    ) as ranked
    where answer_rank = 1

),

answers as (

    select
        -- keys
        request_id,
        enrollment_key,
        assessment_point,

        -- conditions answered yes
        max(case when disability_type = 9 and disability_response = 1 then 1 else 0 end) = 1 as has_mental_health,
        max(case when disability_type = 10 and disability_response = 1 then 1 else 0 end) = 1 as has_alcohol_only,
        max(case when disability_type = 10 and disability_response = 2 then 1 else 0 end) = 1 as has_drug_only,
        max(case when disability_type = 10 and disability_response = 3 then 1 else 0 end) = 1 as has_alcohol_and_drug,
        max(case when disability_type = 7 and disability_response = 1 then 1 else 0 end) = 1 as has_chronic_health,
        max(case when disability_type = 8 and disability_response = 1 then 1 else 0 end) = 1 as has_hiv_aids,
        max(case when disability_type = 6 and disability_response = 1 then 1 else 0 end) = 1 as has_developmental,
        max(case when disability_type = 5 and disability_response = 1 then 1 else 0 end) = 1 as has_physical,

        -- an indefinite and impairing condition (glossary §8.2)
        max(case
            when disability_type in (6, 8) and disability_response = 1 then 1
            when disability_type in (5, 7, 9, 10) and disability_response in (1, 2, 3)
                and indefinite_and_impairs = 1 then 1
            else 0
        end) = 1 as has_indefinite_and_impairing

    from latest_answer
    group by request_id, enrollment_key, assessment_point

),

final as (

    select
        answers.*,
        -- how many conditions (Q13a2-c2): both alcohol and drug use count as two
        {%- for condition in ['has_mental_health', 'has_alcohol_only', 'has_drug_only', 'has_chronic_health',
                              'has_hiv_aids', 'has_developmental', 'has_physical'] %}
        case when {{ condition }} then 1 else 0 end +
        {%- endfor %}
        case when has_alcohol_and_drug then 2 else 0 end as condition_count
    from answers

)

select * from final
