{#- tlsa_HHID.EntryHHType and ActiveHHType (LSA spec §3.6): one row per LSA request and household of
    int_lsa_households, typed by the ages of its members in tlsa_Enrollment. -#}
with

households as (

    select
        households.request_id,
        households.household_key,
        households.entry_date,
        households.exit_date,
        reports.report_start
    from {{ ref('int_lsa_households') }} as households
    inner join {{ ref('int_lsa_reports') }} as reports
        on households.request_id = reports.request_id

),

members as (

    select
        request_id,
        household_key,
        personal_key,
        {{ lsa_age_status('entry_age') }} as entry_status,
        {{ lsa_age_status('active_age') }} as active_status,
        exit_date
    from {{ ref('int_lsa_enrollments') }}

),

entry_counts as (

    {#- EntryHHType: every member, by the age at the member's own entry. -#}
    select
        request_id,
        household_key,
        count(distinct case when entry_status = 'adult' then personal_key end) as adults,
        count(distinct case when entry_status = 'child' then personal_key end) as children,
        count(distinct case when entry_status = 'unknown' then personal_key end) as unknown
    from members
    group by request_id, household_key

),

active_counts as (

    {#- ActiveHHType of a household open on ReportStart: the members active in the period, by ActiveAge. -#}
    select
        members.request_id,
        members.household_key,
        count(distinct case when members.active_status = 'adult' then members.personal_key end) as adults,
        count(distinct case when members.active_status = 'child' then members.personal_key end) as children,
        count(distinct case when members.active_status = 'unknown' then members.personal_key end) as unknown
    from members
    inner join households
        on members.request_id = households.request_id
        and members.household_key = households.household_key
    where members.exit_date is null or members.exit_date >= households.report_start
    group by members.request_id, members.household_key

),

final as (

    select
        households.request_id,
        households.household_key,
        {{ lsa_hh_type('coalesce(entry_counts.adults, 0)', 'coalesce(entry_counts.children, 0)',
                       'coalesce(entry_counts.unknown, 0)') }} as entry_hh_type,
        case
            when households.entry_date >= households.report_start or households.exit_date < households.report_start
                then {{ lsa_hh_type('coalesce(entry_counts.adults, 0)', 'coalesce(entry_counts.children, 0)',
                                    'coalesce(entry_counts.unknown, 0)') }}
            else {{ lsa_hh_type('coalesce(active_counts.adults, 0)', 'coalesce(active_counts.children, 0)',
                                'coalesce(active_counts.unknown, 0)') }}
        end as active_hh_type
    from households
    left join entry_counts
        on households.request_id = entry_counts.request_id
        and households.household_key = entry_counts.household_key
    left join active_counts
        on households.request_id = active_counts.request_id
        and households.household_key = active_counts.household_key

)

select * from final
