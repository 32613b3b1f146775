{#- SSVF program elements where the project's funders require them (dq_project_requirements): V1
    veteran's information of every veteran client, V4 percent of AMI and V6 VAMC station of the head
    of household, V7 HP screening score and threshold of a prevention head who must be screened.
    Households with no head or several heads are left to the household checks. -#}
{%- set answers = [
    ('world_war_ii', 'WorldWarII'), ('korean_war', 'KoreanWar'), ('vietnam_war', 'VietnamWar'),
    ('desert_storm', 'DesertStorm'), ('afghanistan_oef', 'AfghanistanOEF'), ('iraq_oif', 'IraqOIF'),
    ('iraq_ond', 'IraqOND'), ('other_theater', 'OtherTheater'), ('military_branch', 'MilitaryBranch'),
    ('discharge_status', 'DischargeStatus'),
] -%}
{%- set blank_parts = [
    "case when year_entered_service is null then 'YearEnteredService blank; ' else '' end",
    "case when year_separated is null then 'YearSeparated blank; ' else '' end",
] -%}
{%- set unknown_parts = [] -%}
{%- for column, hud_name in answers -%}
    {%- do blank_parts.append("case when " ~ column ~ " is null or " ~ column ~ " = 99 then '" ~ hud_name
        ~ " = ' || coalesce(cast(" ~ column ~ " as " ~ dbt.type_string() ~ "), 'blank') || '; ' else '' end") -%}
    {%- do unknown_parts.append("case when " ~ column ~ " in (8, 9) then '" ~ hud_name
        ~ " = ' || cast(" ~ column ~ " as " ~ dbt.type_string() ~ ") || '; ' else '' end") -%}
{%- endfor %}
with

clients as (

    select * from {{ ref('stg_hmis__clients') }}

),

enrollments as (

    select * from {{ ref('dq_enrollment_facts') }}

),

ssvf_elements as (

    select * from {{ ref('stg_hmis__enrollments') }}

),

requirements as (

    select * from {{ ref('dq_project_requirements') }}

),

as_of as (

    select * from {{ ref('dq_source_as_of') }}

),

veterans as (

    select
        clients.*,
        {{ date_part('year', 'as_of.export_date') }} as export_year
    from clients
    inner join as_of
        on clients.source_id = as_of.source_id
    where clients.veteran_status = 1
        and exists (
            select 1
            from enrollments
            inner join requirements
                on enrollments.project_key = requirements.project_key
                and requirements.data_element = 'V1'
            where enrollments.personal_key = clients.personal_key
        )

),

head_counts as (

    select household_key, sum(case when relationship_to_hoh = 1 then 1 else 0 end) as head_count
    from enrollments
    group by household_key

),

heads as (

    select
        enrollments.*,
        requirements.data_element,
        ssvf_elements.percent_ami,
        ssvf_elements.vamc_station,
        ssvf_elements.target_screen_reqd,
        ssvf_elements.hp_screening_score,
        ssvf_elements.threshold_score
    from enrollments
    inner join head_counts
        on enrollments.household_key = head_counts.household_key
    inner join requirements
        on enrollments.project_key = requirements.project_key
        and requirements.data_element in ('V4', 'V6', 'V7')
    inner join ssvf_elements
        on enrollments.enrollment_key = ssvf_elements.enrollment_key
    where enrollments.relationship_to_hoh = 1
        and head_counts.head_count = 1

),

issues as (

    -- V1 Veteran's Information
    select {{ dq_client_issue('ssvf_veteran_info_missing', "rtrim(" ~ blank_parts | join(' || ') ~ ", '; ')") }}
    from veterans
    where year_entered_service is null or year_separated is null
        {%- for column, hud_name in answers %}
        or {{ dq_is_not_collected(column) }}
        {%- endfor %}

    union all
    select {{ dq_client_issue('ssvf_veteran_info_dk_pnta', "rtrim(" ~ unknown_parts | join(' || ') ~ ", '; ')") }}
    from veterans
    where {% for column, hud_name in answers %}{{ dq_is_dk_pnta(column) }}{{ ' or ' if not loop.last }}{% endfor %}

    union all
    select {{ dq_client_issue('ssvf_service_years_invalid',
        "'YearEnteredService = ' || coalesce(cast(year_entered_service as " ~ dbt.type_string() ~ "), 'blank')
         || ', YearSeparated = ' || coalesce(cast(year_separated as " ~ dbt.type_string() ~ "), 'blank')") }}
    from veterans
    where year_entered_service > export_year
        or year_separated > export_year
        or year_separated < year_entered_service

    -- V4 Percent of AMI, V6 VAMC Station, V7 HP screening
    union all
    select {{ dq_enrollment_issue('ssvf_percent_ami_missing', dq_shown('PercentAMI', 'percent_ami')) }}
    from heads
    where data_element = 'V4' and {{ dq_is_not_collected('percent_ami') }}

    union all
    select {{ dq_enrollment_issue('ssvf_vamc_station_missing', dq_shown('VAMCStation', 'vamc_station')) }}
    from heads
    where data_element = 'V6' and (vamc_station is null or vamc_station = '99')

    union all
    select {{ dq_enrollment_issue('ssvf_hp_screening_missing',
        dq_shown('HPScreeningScore', 'hp_screening_score') ~ " || ', ' || " ~ dq_shown('ThresholdScore', 'threshold_score')) }}
    from heads
    where data_element = 'V7' and target_screen_reqd = 1
        and (hp_screening_score is null or threshold_score is null)

)

select * from issues
