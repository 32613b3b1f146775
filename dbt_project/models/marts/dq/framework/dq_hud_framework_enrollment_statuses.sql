{#- One row per enrollment with its HUD data-quality status for each element whose status does not
    depend on the report period (apr-caper.md Q6a-Q6d): 'dk_pnta', 'missing', 'issue' or null (fine),
    first match wins in HUD's column order B, C, D. Period-dependent elements (veteran status by age,
    annual assessment, timeliness, inactivity) are settled per period in dq_hud_framework_records. -#}
{%- set source_flags = [] -%}
{%- for flag, amount in income_sources() -%}
    {%- do source_flags.append('coalesce(income.' ~ flag ~ ', 0)') -%}
{%- endfor %}
with

enrollments as (

    select * from {{ ref('dq_enrollment_facts') }}

),

clients as (

    select * from {{ ref('stg_hmis__clients') }}

),

identity_keys as (

    select * from {{ ref('int_client_identity_keys') }}

),

households as (

    select * from {{ ref('int_households_identified') }}

),

project_cocs as (

    select * from {{ ref('stg_hmis__project_cocs') }}

),

disabilities as (

    select * from {{ ref('stg_hmis__disabilities') }}

),

assessments as (

    select * from {{ ref('int_income_assessments') }}

),

income as (

    select * from {{ ref('stg_hmis__income_benefits') }}

),

latest_disability_dates as (

    select enrollment_key, max(information_date) as information_date
    from disabilities
    group by enrollment_key

),

impairing_latest as (

    select distinct disabilities.enrollment_key
    from disabilities
    inner join latest_disability_dates
        on disabilities.enrollment_key = latest_disability_dates.enrollment_key
        and disabilities.information_date = latest_disability_dates.information_date
    where (disabilities.disability_type in (6, 8) and disabilities.disability_response = 1)
        or (
            disabilities.disability_type in (5, 7, 9, 10)
            and disabilities.disability_response in (1, 2, 3)
            and disabilities.indefinite_and_impairs = 1
        )

),

same_project_overlaps as (

    select distinct later.enrollment_key
    from enrollments as later
    inner join enrollments as earlier
        on later.personal_key = earlier.personal_key
        and later.project_key = earlier.project_key
        and later.enrollment_key <> earlier.enrollment_key
        and later.entry_date > earlier.entry_date
        and (earlier.exit_date is null or later.entry_date < earlier.exit_date)

),

income_points as (

    select
        assessments.enrollment_key,
        assessments.assessment_point,
        income.income_from_any_source,
        ({{ source_flags | join(' + ') }}) as flagged_source_count
    from assessments
    inner join income
        on assessments.income_benefits_key = income.income_benefits_key
    where assessments.is_selected_assessment and assessments.assessment_point in ('start', 'exit')

),

joined as (

    select
        enrollments.*,
        clients.first_name,
        clients.last_name,
        clients.name_data_quality,
        clients.ssn,
        clients.ssn_data_quality,
        clients.dob_data_quality,
        clients.race_none,
        clients.sex,
        clients.csv_version as client_csv_version,
        cast(clients.date_created as date) as client_created_date,
        coalesce(clients.am_ind_ak_native, 0) + coalesce(clients.asian, 0) + coalesce(clients.black_af_american, 0)
            + coalesce(clients.hispanic_latinao, 0) + coalesce(clients.mid_east_n_african, 0)
            + coalesce(clients.native_hi_pacific, 0) + coalesce(clients.white, 0) as races_selected,
        coalesce(identity_keys.is_hashed, false) as is_hashed,
        households.head_of_household_count,
        impairing_latest.enrollment_key is not null as has_impairing_disability,
        same_project_overlaps.enrollment_key is not null as overlaps_earlier_stay,
        exists (
            select 1 from project_cocs
            where project_cocs.project_key = enrollments.project_key
                and project_cocs.coc_code = enrollments.enrollment_coc
        ) as is_project_coc,
        start_income.enrollment_key is not null as has_start_income,
        start_income.income_from_any_source as start_income_from_any_source,
        start_income.flagged_source_count as start_flagged_source_count,
        exit_income.enrollment_key is not null as has_exit_income,
        exit_income.income_from_any_source as exit_income_from_any_source,
        exit_income.flagged_source_count as exit_flagged_source_count
    from enrollments
    left join clients
        on enrollments.personal_key = clients.personal_key
    left join identity_keys
        on enrollments.personal_key = identity_keys.personal_key
    left join households
        on enrollments.household_key = households.household_key
    left join impairing_latest
        on enrollments.enrollment_key = impairing_latest.enrollment_key
    left join same_project_overlaps
        on enrollments.enrollment_key = same_project_overlaps.enrollment_key
    left join income_points as start_income
        on enrollments.enrollment_key = start_income.enrollment_key and start_income.assessment_point = 'start'
    left join income_points as exit_income
        on enrollments.enrollment_key = exit_income.enrollment_key and exit_income.assessment_point = 'exit'

),

statuses as (

    select
        enrollment_key,

        -- Q6a PII
        case
            when name_data_quality in (8, 9) then 'dk_pnta'
            when name_data_quality is null or name_data_quality = 99 or first_name is null or last_name is null then 'missing'
            when name_data_quality = 2 then 'issue'
        end as name_status,
        case
            when ssn_data_quality in (8, 9) then 'dk_pnta'
            when ssn is null or ssn_data_quality is null or ssn_data_quality = 99 then 'missing'
            when ssn_data_quality = 2 or (not is_hashed and not {{ dq_is_valid_ssn('ssn') }}) then 'issue'
        end as ssn_status,
        case
            when dob is null and dob_data_quality in (8, 9) then 'dk_pnta'
            when dob is null then 'missing'
            when dob_data_quality is null or dob_data_quality in (2, 8, 9, 99)
                or dob < {{ dq_setting('earliest_dob', 'date') }}
                or dob > client_created_date
                or (is_head_of_household and dob >= entry_date)
                then 'issue'
        end as dob_status,
        case
            when race_none in (8, 9) then 'dk_pnta'
            when race_none = 99 or races_selected = 0 then 'missing'
        end as race_status,
        case
            when client_csv_version <> 'fy2026' then null
            when sex in (8, 9) then 'dk_pnta'
            when sex is null or sex = 99 then 'missing'
        end as sex_status,
        client_csv_version = 'fy2026' as is_sex_collected,

        -- Q6b universal data elements (veteran status is period-dependent)
        case when overlaps_earlier_stay or exit_date < entry_date then 'issue' end as start_date_status,
        case
            when relationship_to_hoh is null then 'missing'
            when relationship_to_hoh not in (1, 2, 3, 4, 5) or coalesce(head_of_household_count, 0) <> 1 then 'issue'
        end as relationship_status,
        case
            when not is_head_of_household then null
            when enrollment_coc is null then 'missing'
            when not is_project_coc then 'issue'
        end as enrollment_coc_status,
        case
            when disabling_condition in (8, 9) then 'dk_pnta'
            when disabling_condition is null or disabling_condition = 99 then 'missing'
            when disabling_condition = 0 and has_impairing_disability then 'issue'
        end as disabling_condition_status,

        -- Q6c income and housing (read only for leavers / adults and heads of household)
        case
            when destination in (8, 9) then 'dk_pnta'
            when destination is null or destination in (30, 99) then 'missing'
        end as destination_status,
        case
            when start_income_from_any_source in (8, 9) then 'dk_pnta'
            when not has_start_income or start_income_from_any_source is null or start_income_from_any_source = 99 then 'missing'
            when (start_income_from_any_source = 0 and start_flagged_source_count > 0)
                or (start_income_from_any_source = 1 and start_flagged_source_count = 0) then 'issue'
        end as income_start_status,
        case
            when exit_income_from_any_source in (8, 9) then 'dk_pnta'
            when not has_exit_income or exit_income_from_any_source is null or exit_income_from_any_source = 99 then 'missing'
            when (exit_income_from_any_source = 0 and exit_flagged_source_count > 0)
                or (exit_income_from_any_source = 1 and exit_flagged_source_count = 0) then 'issue'
        end as income_exit_status,

        -- Q6d chronic homelessness (3.917): the project-type row and what is missing
        case
            when project_type in (0, 1, 4, 8) then 'es_sh_so'
            when project_type = 2 then 'th'
            when project_type in (3, 9, 10, 13) then 'ph'
            when project_type = 14 then 'ce'
            when project_type in (6, 11, 12) then 'sso_day_hp'
        end as chronic_row,
        project_type not in (0, 1, 4, 8)
            and living_situation between 200 and 299
            and (length_of_stay is null or length_of_stay in (8, 9, 99)) as is_missing_institution_time,
        project_type not in (0, 1, 4, 8)
            and (living_situation is null or living_situation between 0 and 99 or living_situation between 300 and 499)
            and (length_of_stay is null or length_of_stay in (8, 9, 99)) as is_missing_housing_time,
        project_type in (0, 1, 4, 8)
            or living_situation between 100 and 199
            or (living_situation between 200 and 299 and length_of_stay in (10, 11, 2, 3) and previous_street_essh = 1)
            or ((living_situation is null or living_situation not between 100 and 299)
                and length_of_stay in (10, 11) and previous_street_essh = 1) as must_answer_homeless_history,
        date_to_street_essh is null as is_missing_date_started,
        times_homeless_past_three_years is null or times_homeless_past_three_years in (8, 9, 99) as is_missing_times,
        months_homeless_past_three_years is null or months_homeless_past_three_years in (8, 9, 99) as is_missing_months

    from joined

)

select * from statuses
