{#- Stays open at the export end that are unusually long (Eva 104 and 102) or whose household may have
    moved in without it being recorded (Eva 72). Each project type's threshold is a local setting
    (seeds/dq/dq_check_settings.csv, `long_stay_*` and `missed_move_in_*`): a number of days, or a
    percentile of the source's open stays of that type. Days run from project start, or from the move-in
    for permanent housing (which counts only households that have moved in); the missed move-in looks at
    heads of household in permanent housing with no move-in by the export end. -#}
with

enrollments as (

    select * from {{ ref('dq_enrollment_facts') }}

),

long_stay_settings as (

    select * from {{ dq_type_settings('long_stay') }} as settings

),

move_in_settings as (

    select * from {{ dq_type_settings('missed_move_in') }} as settings

),

open_stays as (

    select
        enrollments.*,
        enrollments.project_type in (3, 9, 10, 13) as is_permanent_housing,
        enrollments.move_in_date is not null and enrollments.move_in_date <= enrollments.as_of_date as has_moved_in
    from enrollments
    where enrollments.is_open_at_as_of and enrollments.entry_date <= enrollments.as_of_date

),

-- Long stays: days from start (move-in in permanent housing) to the export end.
long_stay_pool as (

    select
        open_stays.*,
        long_stay_settings.threshold,
        long_stay_settings.unit,
        {{ days_between(
            'case when open_stays.is_permanent_housing then open_stays.move_in_date else open_stays.entry_date end',
            'open_stays.as_of_date') }} as days_open
    from open_stays
    inner join long_stay_settings
        on open_stays.project_type = long_stay_settings.project_type
    where not open_stays.is_permanent_housing or open_stays.has_moved_in

),

long_stay_percentile_pool as (

    select source_id, project_type, days_open, threshold from long_stay_pool where unit = 'percentile'

),

long_stay_cuts as (

    {{ dq_percentile_cuts('long_stay_percentile_pool', ['source_id', 'project_type'], 'days_open', 'threshold') }}

),

long_stays as (

    select
        long_stay_pool.*,
        case when long_stay_pool.unit = 'percentile' then long_stay_cuts.cut_value else long_stay_pool.threshold end
            as days_allowed
    from long_stay_pool
    left join long_stay_cuts
        on long_stay_pool.source_id = long_stay_cuts.source_id
        and long_stay_pool.project_type = long_stay_cuts.project_type

),

-- Possible missed move-in: heads of household in permanent housing, not moved in; days from start.
move_in_pool as (

    select
        open_stays.*,
        move_in_settings.threshold,
        move_in_settings.unit,
        {{ days_between('open_stays.entry_date', 'open_stays.as_of_date') }} as days_open
    from open_stays
    inner join move_in_settings
        on open_stays.project_type = move_in_settings.project_type
    where open_stays.is_head_of_household and not open_stays.has_moved_in

),

move_in_percentile_pool as (

    select source_id, project_type, days_open, threshold from move_in_pool where unit = 'percentile'

),

move_in_cuts as (

    {{ dq_percentile_cuts('move_in_percentile_pool', ['source_id', 'project_type'], 'days_open', 'threshold') }}

),

not_moved_in as (

    select
        move_in_pool.*,
        case when move_in_pool.unit = 'percentile' then move_in_cuts.cut_value else move_in_pool.threshold end
            as days_allowed
    from move_in_pool
    left join move_in_cuts
        on move_in_pool.source_id = move_in_cuts.source_id
        and move_in_pool.project_type = move_in_cuts.project_type

),

issues as (

    select {{ dq_enrollment_issue('date_long_stayer',
        "'open ' || cast(days_open as " ~ dbt.type_string() ~ ") || ' days, local limit '
         || cast(cast(floor(days_allowed) as " ~ dbt.type_bigint() ~ ") as " ~ dbt.type_string() ~ ") || ' days'") }}
    from long_stays
    where days_open > days_allowed

    union all
    select {{ dq_enrollment_issue('date_possible_missed_move_in',
        "'no MoveInDate, open ' || cast(days_open as " ~ dbt.type_string() ~ ") || ' days, local limit '
         || cast(cast(floor(days_allowed) as " ~ dbt.type_bigint() ~ ") as " ~ dbt.type_string() ~ ") || ' days'") }}
    from not_moved_in
    where days_open > days_allowed

)

select * from issues
