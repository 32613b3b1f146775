{#- 3.917 answers that contradict each other (Eva 69-71, 105): the approximate date homelessness
    started after project start; "one time" homeless with months unknown although the start date
    gives them; months that the start date contradicts (a month either way is allowed: HUD counts the
    partial first month, software differs on the entry month); a start three or more years ago with
    times other than one or months other than "more than 12"; and the short-stay answer (3.917.2A)
    contradicting the length of stay (institution under 90 days, other housing under 7 nights). -#}
with

enrollments as (

    select * from {{ ref('dq_enrollment_facts') }}

),

answered as (

    select
        enrollments.*,
        case
            when living_situation between 200 and 299 then length_of_stay in (10, 11, 2, 3)
            when living_situation between 300 and 499 then length_of_stay in (10, 11)
        end as is_short_stay,
        case when months_homeless_past_three_years between 101 and 113
            then months_homeless_past_three_years - 100
        end as months_answered,
        case when date_to_street_essh <= entry_date then least(
            ({{ date_part('year', 'entry_date') }} - {{ date_part('year', 'date_to_street_essh') }}) * 12
            + {{ date_part('month', 'entry_date') }} - {{ date_part('month', 'date_to_street_essh') }} + 1,
            13
        ) end as months_since_start,
        date_to_street_essh <= {{ add_years(-3, 'entry_date') }} as started_three_years_before
    from enrollments

),

issues as (

    select {{ dq_enrollment_issue('ude_homeless_start_after_entry',
        "'DateToStreetESSH = ' || cast(date_to_street_essh as " ~ dbt.type_string() ~ ") || ' after EntryDate = ' || cast(entry_date as " ~ dbt.type_string() ~ ")") }}
    from answered
    where date_to_street_essh > entry_date and project_type <> 12

    union all
    select {{ dq_enrollment_issue('ude_months_homeless_determinable',
        "'TimesHomelessPastThreeYears = 1, DateToStreetESSH = ' || cast(date_to_street_essh as " ~ dbt.type_string() ~ ") || ', '
         || " ~ dq_shown('MonthsHomelessPastThreeYears', 'months_homeless_past_three_years')) }}
    from answered
    where times_homeless_past_three_years = 1 and date_to_street_essh is not null
        and (months_homeless_past_three_years is null or months_homeless_past_three_years in (8, 9, 99))

    union all
    select {{ dq_enrollment_issue('ude_months_homeless_start_conflict',
        dq_shown('MonthsHomelessPastThreeYears', 'months_homeless_past_three_years')
        ~ " || ' but DateToStreetESSH = ' || cast(date_to_street_essh as " ~ dbt.type_string() ~ ") || ' gives '
         || case when months_since_start = 13 then 'more than 12' else cast(months_since_start as " ~ dbt.type_string() ~ ") end
         || ' months to EntryDate'") }}
    from answered
    where times_homeless_past_three_years = 1
        and months_answered is not null
        and months_since_start is not null
        and abs(months_answered - months_since_start) > 1

    union all
    select {{ dq_enrollment_issue('ude_homeless_start_over_3_years',
        "'DateToStreetESSH = ' || cast(date_to_street_essh as " ~ dbt.type_string() ~ ") || ', '
         || " ~ dq_shown('TimesHomelessPastThreeYears', 'times_homeless_past_three_years') ~ " || ', '
         || " ~ dq_shown('MonthsHomelessPastThreeYears', 'months_homeless_past_three_years')) }}
    from answered
    where started_three_years_before
        and times_homeless_past_three_years in (1, 2, 3, 4)
        and months_answered is not null
        and (times_homeless_past_three_years <> 1 or months_answered <> 13)

    union all
    select {{ dq_enrollment_issue('ude_short_stay_answer_conflict',
        dq_shown('LOSUnderThreshold', 'los_under_threshold') ~ " || ' with ' || "
        ~ dq_shown('LivingSituation', 'living_situation') ~ " || ', ' || " ~ dq_shown('LengthOfStay', 'length_of_stay')) }}
    from answered
    where los_under_threshold in (0, 1)
        and is_short_stay is not null
        and (los_under_threshold = 1) <> is_short_stay

)

select * from issues
