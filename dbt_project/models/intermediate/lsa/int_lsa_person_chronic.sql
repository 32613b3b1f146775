{#- tlsa_Person CHTime and CHTimeStatus (LSA spec §5.9-§5.10): one row per LSA request and active adult or head
    of household, with CHStart and LastActive, the ES/SH/Street episodes' count and days, and the chronic-time
    category. People not served as an adult or head (HoHAdult 0) are -1/-1 in int_lsa_people. -#}
with

ch_enrollments as (

    select * from {{ ref('int_lsa_ch_enrollments') }}

),

periods as (

    select request_id, personal_key, min(ch_start) as ch_start, min(last_active) as last_active
    from ch_enrollments
    group by request_id, personal_key

),

dated as (

    {#- §5.8 gaps: ES/SH/Street dates fewer than seven days apart (at most 6 missing between them) are one run;
        runs of consecutive dates (int_lsa_person_chronic_spans) are the same on their first and last dates. -#}
    select
        request_id,
        personal_key,
        essh_street_start,
        essh_street_end,
        case
            when {{ days_between(
                'lag(essh_street_end) over (partition by request_id, personal_key order by essh_street_start)',
                'essh_street_start') }} <= 7 then 0
            else 1
        end as starts_episode
    from {{ ref('int_lsa_person_chronic_spans') }}

),

numbered as (

    select
        dated.*,
        sum(starts_episode) over (
            partition by request_id, personal_key order by essh_street_start rows unbounded preceding
        ) as episode_number
    from dated

),

episodes as (

    {#- §5.9 ch_Episodes: episodeDays = episodeEnd - episodeStart + 1 (gap days included). -#}
    select
        request_id,
        personal_key,
        episode_number,
        min(essh_street_start) as episode_start,
        max(essh_street_end) as episode_end,
        {{ days_between('min(essh_street_start)', 'max(essh_street_end)') }} + 1 as episode_days
    from numbered
    group by request_id, personal_key, episode_number

),

totals as (

    select
        episodes.request_id,
        episodes.personal_key,
        count(*) as episodes,
        sum(episodes.episode_days) as episode_days,
        max(case
            when episodes.episode_days >= 365 and episodes.episode_end > {{ add_years(-1, 'periods.last_active') }}
                then 1 else 0
        end) as has_year_long_episode
    from episodes
    inner join periods
        on episodes.request_id = periods.request_id
        and episodes.personal_key = periods.personal_key
    group by episodes.request_id, episodes.personal_key

),

enrollment_flags as (

    {#- 3.917 of the CH enrollments: 12+ months in 4+ episodes on an entry in the year to LastActive (§5.10
        step 4), and data missing that could change the time criteria (§5.10, CHTimeStatus 99). -#}
    select
        request_id,
        personal_key,
        max(case
            when entry_date > {{ add_years(-1, 'last_active') }}
                and times_homeless_past_three_years = 4
                and months_homeless_past_three_years in (112, 113)
                then 1 else 0
        end) as reports_four_times_twelve_months,
        max(case
            when date_to_street_essh > entry_date then 1
            when living_situation is null or living_situation in (8, 9, 99) then 1
            when length_of_stay is null or length_of_stay in (8, 9, 99) then 1
            when lsa_project_type not in (0, 1, 8)
                and living_situation in (204, 205, 206, 207, 215, 225)
                and length_of_stay in (2, 3)
                and (previous_street_essh is null or previous_street_essh not in (0, 1))
                then 1
            when lsa_project_type not in (0, 1, 8)
                and length_of_stay in (10, 11)
                and (previous_street_essh is null or previous_street_essh not in (0, 1))
                then 1
            when (
                lsa_project_type in (0, 1, 8)
                or living_situation in (101, 116, 118)
                or (
                    lsa_project_type not in (0, 1, 8)
                    and living_situation in (204, 205, 206, 207, 215, 225)
                    and length_of_stay in (2, 3)
                    and previous_street_essh = 1
                )
                or (lsa_project_type not in (0, 1, 8) and length_of_stay in (10, 11) and previous_street_essh = 1)
            )
                and (
                    date_to_street_essh is null
                    or times_homeless_past_three_years is null
                    or times_homeless_past_three_years in (8, 9, 99)
                    or months_homeless_past_three_years is null
                    or months_homeless_past_three_years in (8, 9, 99)
                )
                then 1
            else 0
        end) as missing_data
    from ch_enrollments
    group by request_id, personal_key

),

categorized as (

    {#- §5.10 steps 2-7, first met. -#}
    select
        periods.request_id,
        periods.personal_key,
        periods.ch_start,
        periods.last_active,
        coalesce(totals.episodes, 0) as episodes,
        coalesce(totals.episode_days, 0) as episode_days,
        enrollment_flags.missing_data,
        case
            when totals.has_year_long_episode = 1 then 365
            when totals.episode_days >= 365 and totals.episodes >= 4 then 365
            when enrollment_flags.reports_four_times_twelve_months = 1 then 400
            when totals.episode_days >= 365 then 365
            when totals.episode_days >= 270 then 270
            else 0
        end as ch_time,
        case
            when totals.has_year_long_episode = 1 then 1
            when totals.episode_days >= 365 and totals.episodes >= 4 then 2
            when enrollment_flags.reports_four_times_twelve_months = 1 then 2
            when totals.episode_days >= 365 then 3
            else -1
        end as initial_status
    from periods
    left join totals
        on periods.request_id = totals.request_id
        and periods.personal_key = totals.personal_key
    inner join enrollment_flags
        on periods.request_id = enrollment_flags.request_id
        and periods.personal_key = enrollment_flags.personal_key

),

final as (

    select
        request_id,
        personal_key,
        ch_start,
        last_active,
        episodes,
        episode_days,
        ch_time,
        {#- Missing 3.917 data marks those who do not meet the time criteria (0, 270, or 365 in fewer than four
            episodes) as 99. -#}
        case
            when (ch_time in (0, 270) or initial_status = 3) and missing_data = 1 then 99
            else initial_status
        end as ch_time_status
    from categorized

)

select * from final
