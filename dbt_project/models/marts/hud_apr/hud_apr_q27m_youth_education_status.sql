{#- APR Q27m Education Status - Youth: youth heads of household who left a YHDP-funded project (Funder 43)
    by their education status (C3) at project start and at exit: school attendance (C3.2; no record is
    "not collected"); for those not enrolled, the most recent education status (C3.A); for those
    enrolled, the current status (C3.B). The latest record of each stage dated by the period end. -#}
{%- set rows = {
    'not_enrolled': 'current_school_attend = 0',
    'enrolled_not_attending': 'current_school_attend = 1',
    'enrolled_attending': 'current_school_attend = 2',
    'attend_dk_pnta': 'current_school_attend in (8, 9)',
    'attend_data_not_collected': 'current_school_attend is null or current_school_attend not in (0, 1, 2, 8, 9)',
    'k12_graduated': 'current_school_attend = 0 and most_recent_ed_status = 0',
    'k12_ged': 'current_school_attend = 0 and most_recent_ed_status = 1',
    'k12_dropped_out': 'current_school_attend = 0 and most_recent_ed_status = 2',
    'k12_suspended': 'current_school_attend = 0 and most_recent_ed_status = 3',
    'k12_expelled': 'current_school_attend = 0 and most_recent_ed_status = 4',
    'higher_ed_pursuing': 'current_school_attend = 0 and most_recent_ed_status = 5',
    'higher_ed_dropped_out': 'current_school_attend = 0 and most_recent_ed_status = 6',
    'higher_ed_obtained': 'current_school_attend = 0 and most_recent_ed_status = 7',
    'recent_dk_pnta': 'current_school_attend = 0 and most_recent_ed_status in (8, 9)',
    'recent_data_not_collected':
        'current_school_attend = 0 and (most_recent_ed_status is null or most_recent_ed_status not in (0, 1, 2, 3, 4, 5, 6, 7, 8, 9))',
    'pursuing_high_school_or_ged': 'current_school_attend in (1, 2) and current_ed_status = 0',
    'pursuing_associate': 'current_school_attend in (1, 2) and current_ed_status = 1',
    'pursuing_bachelor': 'current_school_attend in (1, 2) and current_ed_status = 2',
    'pursuing_graduate': 'current_school_attend in (1, 2) and current_ed_status = 3',
    'pursuing_other_post_secondary': 'current_school_attend in (1, 2) and current_ed_status = 4',
    'current_dk_pnta': 'current_school_attend in (1, 2) and current_ed_status in (8, 9)',
    'current_data_not_collected':
        'current_school_attend in (1, 2) and (current_ed_status is null or current_ed_status not in (0, 1, 2, 3, 4, 8, 9))',
    'total': 'true',
} %}

with

youth_heads as (

    select * from {{ ref('int_report_clients') }}
    where is_youth and is_head_of_household and is_leaver and is_yhdp_funded

),

education as (

    select * from {{ ref('stg_hmis__youth_education_statuses') }} where data_collection_stage in (1, 3)

),

latest_records as (

    select * from (
        select
            youth_heads.request_id,
            youth_heads.enrollment_key,
            education.data_collection_stage,
            education.current_school_attend,
            education.most_recent_ed_status,
            education.current_ed_status,
            row_number() over (
                partition by youth_heads.request_id, youth_heads.enrollment_key, education.data_collection_stage
                order by education.information_date desc, education.date_updated desc,
                    education.youth_education_status_id desc
            ) as record_rank
        from youth_heads
        inner join education
            on youth_heads.enrollment_key = education.enrollment_key
        where education.information_date <= youth_heads.period_end
    ) as ranked
    where record_rank = 1

),

points as (

    select youth_heads.*, 1 as data_collection_stage, 'at_project_start' as education_column from youth_heads
    union all
    select youth_heads.*, 3 as data_collection_stage, 'at_project_exit' as education_column from youth_heads

),

answered as (

    select
        points.request_id,
        points.personal_key,
        points.education_column,
        latest_records.current_school_attend,
        latest_records.most_recent_ed_status,
        latest_records.current_ed_status
    from points
    left join latest_records
        on points.request_id = latest_records.request_id
        and points.enrollment_key = latest_records.enrollment_key
        and points.data_collection_stage = latest_records.data_collection_stage

),

members as (

    {{ apr_members('answered', rows, columns=['education_column']) }}

),

cells as (

    {{ apr_count_where('members', {
        'at_project_start': "education_column = 'at_project_start'",
        'at_project_exit': "education_column = 'at_project_exit'",
    }) }}

)

{{ apr_table_layout('Q27m', 'cells', ['at_project_start', 'at_project_exit']) }}
