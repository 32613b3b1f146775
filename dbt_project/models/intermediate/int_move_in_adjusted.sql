{#- Housing move-in for permanent housing stays (glossary §10): a recorded move-in counts only when it
    falls within the stay (and not after the report end, when a report period is given); household
    members without their own take the head of household's, or their entry date if they joined after
    it, and none if they left before it. -#}
with

enrollments as (

    select * from {{ ref('int_enrollments') }}

),

project_type_groups as (

    select * from {{ ref('project_type_groups') }}

),

funders as (

    select * from {{ ref('stg_hmis__funders') }}

),

-- APR treats "Other" projects funded by HUD Pay for Success (Funder 35) like permanent housing.
pay_for_success_projects as (

    select distinct project_key from funders where funder = 35

),

housing_stays as (

    select enrollments.*
    from enrollments
    where enrollments.project_type in (
            select project_type from project_type_groups where project_type_group = 'permanent_housing'
        )
        or (
            enrollments.project_type = 7
            and enrollments.project_key in (select project_key from pay_for_success_projects)
        )

),

validated as (

    select
        housing_stays.*,
        case
            when move_in_date >= entry_date
                and (exit_date is null or move_in_date <= exit_date)
                and ({{ report_date('report_end') }} is null or move_in_date <= {{ report_date('report_end') }})
            then move_in_date
        end as valid_move_in_date
    from housing_stays

),

head_move_ins as (

    select household_key, min(valid_move_in_date) as head_move_in_date
    from validated
    where is_head_of_household and valid_move_in_date is not null
    group by household_key

),

adjusted as (

    select
        -- keys
        validated.enrollment_key,
        validated.source_id,
        validated.personal_key,
        validated.household_key,
        validated.project_key,

        -- stay
        validated.project_type,
        validated.entry_date,
        validated.exit_date,
        validated.is_head_of_household,

        -- move-in
        validated.move_in_date as move_in_date_recorded,
        validated.valid_move_in_date is not null as has_valid_move_in_date,
        head_move_ins.head_move_in_date,
        case
            when validated.valid_move_in_date is not null then validated.valid_move_in_date
            when head_move_ins.head_move_in_date is null then null
            when validated.exit_date < head_move_ins.head_move_in_date then null
            when validated.entry_date <= head_move_ins.head_move_in_date then head_move_ins.head_move_in_date
            else validated.entry_date
        end as move_in_date_adjusted,
        case
            when validated.valid_move_in_date is not null then 'own'
            when head_move_ins.head_move_in_date is null then 'none'
            when validated.exit_date < head_move_ins.head_move_in_date then 'exited_before_move_in'
            when validated.entry_date <= head_move_ins.head_move_in_date then 'head_of_household'
            else 'joined_after_move_in'
        end as move_in_basis

    from validated
    left join head_move_ins
        on validated.household_key = head_move_ins.household_key

),

final as (

    select
        adjusted.*,
        adjusted.move_in_date_adjusted is not null as is_moved_in,
        {{ days_between('adjusted.entry_date', 'adjusted.move_in_date_adjusted') }} as days_to_move_in
    from adjusted

)

select * from final
