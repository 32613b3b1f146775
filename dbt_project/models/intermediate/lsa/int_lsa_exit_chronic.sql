{#- tlsa_ExitHoHAdult CHTime and CHTimeStatus (LSA spec §7.7-§7.8): one row per row of int_lsa_exit_hoh_adults.
    400/2 set in §7.4 stays; otherwise, from the ES/SH/Street episodes (dates fewer than seven days apart are one
    run): 365/1 a 365+ day episode ending in the year to LastActive, 365/2 365+ days in four or more episodes,
    365/3 365+ days in fewer, 270/-1 270-364 days, 0/-1 fewer; CHTimeStatus 99 for 0, 270 and 365/3 when 3.917
    data is missing on an enrollment of the person exiting in the cohort period. -#}
with

adults as (

    select * from {{ ref('int_lsa_exit_hoh_adults') }}

),

dated as (

    {#- Runs of consecutive dates (int_lsa_exit_chronic_spans) fewer than seven days apart are one episode. -#}
    select
        spans.*,
        case
            when {{ days_between(
                'lag(essh_street_end) over (partition by request_id, cohort, qualifying_exit_household_key, '
                ~ 'personal_key order by essh_street_start)',
                'essh_street_start') }} <= 7 then 0
            else 1
        end as starts_episode
    from {{ ref('int_lsa_exit_chronic_spans') }} as spans

),

numbered as (

    select
        dated.*,
        sum(starts_episode) over (
            partition by request_id, cohort, qualifying_exit_household_key, personal_key
            order by essh_street_start rows unbounded preceding
        ) as episode_number
    from dated

),

episodes as (

    {#- §7.7 ch_Episodes_exit: episodeDays = episodeEnd - episodeStart + 1 (gap days included). -#}
    select
        request_id,
        cohort,
        qualifying_exit_household_key,
        personal_key,
        min(essh_street_start) as episode_start,
        max(essh_street_end) as episode_end,
        {{ days_between('min(essh_street_start)', 'max(essh_street_end)') }} + 1 as episode_days
    from numbered
    group by request_id, cohort, qualifying_exit_household_key, personal_key, episode_number

),

totals as (

    select
        episodes.request_id,
        episodes.cohort,
        episodes.qualifying_exit_household_key,
        episodes.personal_key,
        count(*) as episodes,
        sum(episodes.episode_days) as episode_days,
        max(case
            when episodes.episode_days >= 365 and episodes.episode_end > {{ add_years(-1, 'adults.last_active') }}
                then 1 else 0
        end) as has_year_long_episode
    from episodes
    inner join adults
        on episodes.request_id = adults.request_id
        and episodes.cohort = adults.cohort
        and episodes.qualifying_exit_household_key = adults.qualifying_exit_household_key
        and episodes.personal_key = adults.personal_key
    group by episodes.request_id, episodes.cohort, episodes.qualifying_exit_household_key, episodes.personal_key

),

missing as (

    {#- §7.8: relevant 3.917 data missing on an enrollment of the person with an exit in the cohort period. -#}
    select
        adults.request_id,
        adults.cohort,
        adults.qualifying_exit_household_key,
        adults.personal_key,
        max(case
            when e.date_to_street_essh > e.entry_date then 1
            when e.living_situation is null or e.living_situation in (8, 9, 99) then 1
            when e.length_of_stay is null or e.length_of_stay in (8, 9, 99) then 1
            when e.living_situation in (101, 116, 118)
                and (
                    e.date_to_street_essh is null
                    or e.times_homeless_past_three_years is null
                    or e.times_homeless_past_three_years in (8, 9, 99)
                    or e.months_homeless_past_three_years is null
                    or e.months_homeless_past_three_years in (8, 9, 99)
                )
                then 1
            when e.lsa_project_type not in (0, 1, 8)
                and (
                    (e.length_of_stay in (2, 3) and e.living_situation in (204, 205, 206, 207, 215, 225))
                    or e.length_of_stay in (10, 11)
                )
                and (
                    e.previous_street_essh is null
                    or e.previous_street_essh not in (0, 1)
                    or (e.previous_street_essh = 1 and e.date_to_street_essh is null)
                    or e.times_homeless_past_three_years is null
                    or e.times_homeless_past_three_years in (8, 9, 99)
                    or e.months_homeless_past_three_years is null
                    or e.months_homeless_past_three_years in (8, 9, 99)
                )
                then 1
            else 0
        end) as missing_data
    from adults
    inner join {{ ref('int_lsa_exit_cohort_dates') }} as cohorts
        on adults.request_id = cohorts.request_id
        and adults.cohort = cohorts.cohort
    inner join {{ ref('int_lsa_enrollments') }} as e
        on adults.request_id = e.request_id
        and adults.personal_key = e.personal_key
    where e.exit_date between cohorts.cohort_start and cohorts.cohort_end
    group by adults.request_id, adults.cohort, adults.qualifying_exit_household_key, adults.personal_key

),

categorized as (

    select
        adults.request_id,
        adults.cohort,
        adults.qualifying_exit_household_key,
        adults.personal_key,
        adults.disability_status,
        adults.ch_start,
        adults.last_active,
        coalesce(totals.episodes, 0) as episodes,
        coalesce(totals.episode_days, 0) as episode_days,
        coalesce(missing.missing_data, 0) as missing_data,
        case
            when adults.ch_time is not null then adults.ch_time
            when totals.has_year_long_episode = 1 then 365
            when totals.episode_days >= 365 then 365
            when totals.episode_days >= 270 then 270
            else 0
        end as ch_time,
        case
            when adults.ch_time is not null then adults.ch_time_status
            when totals.has_year_long_episode = 1 then 1
            when totals.episode_days >= 365 and totals.episodes >= 4 then 2
            when totals.episode_days >= 365 then 3
            else -1
        end as initial_status
    from adults
    left join totals
        on adults.request_id = totals.request_id
        and adults.cohort = totals.cohort
        and adults.qualifying_exit_household_key = totals.qualifying_exit_household_key
        and adults.personal_key = totals.personal_key
    left join missing
        on adults.request_id = missing.request_id
        and adults.cohort = missing.cohort
        and adults.qualifying_exit_household_key = missing.qualifying_exit_household_key
        and adults.personal_key = missing.personal_key

),

final as (

    select
        request_id,
        cohort,
        qualifying_exit_household_key,
        personal_key,
        disability_status,
        ch_start,
        last_active,
        episodes,
        episode_days,
        ch_time,
        case
            when (ch_time in (0, 270) or initial_status = 3) and missing_data = 1 then 99
            else initial_status
        end as ch_time_status
    from categorized

)

select * from final
