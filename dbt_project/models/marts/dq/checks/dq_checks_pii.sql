{#- Checks on the client record (3.01 name, 3.02 SSN, 3.03 DOB, 3.04 race and ethnicity, 4.21 sex,
    3.07 veteran status): one row per client record and failed check. Within an element the checks
    follow HUD's Q6a order (don't know/refused, then missing, then data issues), so a value is never
    both "unknown" and "missing"; one exception: a name marked partial is "partial" even when a part
    is blank (HUD's Q6a, in dq_hud_framework_*, counts it as missing). -#}
with

clients as (

    select * from {{ ref('stg_hmis__clients') }}

),

identity_keys as (

    select * from {{ ref('int_client_identity_keys') }}

),

enrollments as (

    select * from {{ ref('dq_enrollment_facts') }}

),

adults as (

    select distinct personal_key from enrollments where is_adult_at_entry

),

assessed as (

    select
        clients.*,
        identity_keys.is_hashed,
        adults.personal_key is not null as is_adult,
        coalesce(am_ind_ak_native, 0) + coalesce(asian, 0) + coalesce(black_af_american, 0)
            + coalesce(hispanic_latinao, 0) + coalesce(mid_east_n_african, 0) + coalesce(native_hi_pacific, 0)
            + coalesce(white, 0) as races_selected,
        {{ dq_is_valid_ssn('ssn') }} as is_valid_ssn
    from clients
    left join identity_keys
        on clients.personal_key = identity_keys.personal_key
    left join adults
        on clients.personal_key = adults.personal_key

),

issues as (

    -- 3.01 Name
    select {{ dq_client_issue('pii_name_dk_pnta', dq_shown('NameDataQuality', 'name_data_quality')) }}
    from assessed
    where {{ dq_is_dk_pnta('name_data_quality') }}

    union all
    select {{ dq_client_issue('pii_name_missing',
        "case when first_name is null and last_name is null then 'FirstName and LastName blank'
              when first_name is null then 'FirstName blank'
              when last_name is null then 'LastName blank'
              else " ~ dq_shown('NameDataQuality', 'name_data_quality') ~ " end") }}
    from assessed
    where not {{ dq_is_dk_pnta('name_data_quality') }}
        and (
            {{ dq_is_not_collected('name_data_quality') }}
            or (first_name is null and last_name is null)
            or (name_data_quality <> 2 and (first_name is null or last_name is null))
        )

    -- a name recorded as partial may lack its first or last part (HUD's Q6a counts that as missing;
    -- the work list keeps what the worker recorded)
    union all
    select {{ dq_client_issue('pii_name_partial',
        "case when first_name is null then 'FirstName blank; ' when last_name is null then 'LastName blank; ' else '' end || "
        ~ dq_shown('NameDataQuality', 'name_data_quality')) }}
    from assessed
    where name_data_quality = 2 and (first_name is not null or last_name is not null)

    -- 3.02 SSN
    union all
    select {{ dq_client_issue('pii_ssn_dk_pnta', dq_shown('SSNDataQuality', 'ssn_data_quality')) }}
    from assessed
    where {{ dq_is_dk_pnta('ssn_data_quality') }}

    union all
    select {{ dq_client_issue('pii_ssn_missing',
        "case when ssn is null then 'SSN blank' else " ~ dq_shown('SSNDataQuality', 'ssn_data_quality') ~ " end") }}
    from assessed
    where not {{ dq_is_dk_pnta('ssn_data_quality') }}
        and (ssn is null or {{ dq_is_not_collected('ssn_data_quality') }})

    union all
    select {{ dq_client_issue('pii_ssn_partial', dq_shown('SSNDataQuality', 'ssn_data_quality')) }}
    from assessed
    where ssn_data_quality = 2 and ssn is not null

    union all
    select {{ dq_client_issue('pii_ssn_invalid',
        "case
            when length(ssn) <> 9 or translate(ssn, '0123456789', '') <> '' then 'SSN is not 9 digits'
            when substr(ssn, 1, 3) in ('000', '666') or substr(ssn, 1, 1) = '9' then 'SSN area ' || substr(ssn, 1, 3)
            when substr(ssn, 4, 2) = '00' then 'SSN group 00'
            when substr(ssn, 6, 4) = '0000' then 'SSN serial 0000'
            else 'SSN is a repeated, sequential or retired number'
        end") }}
    from assessed
    where ssn_data_quality = 1 and ssn is not null and not is_valid_ssn and not coalesce(is_hashed, false)

    -- 3.03 DOB
    union all
    select {{ dq_client_issue('pii_dob_dk_pnta', dq_shown('DOBDataQuality', 'dob_data_quality')) }}
    from assessed
    where dob is null and {{ dq_is_dk_pnta('dob_data_quality') }}

    union all
    select {{ dq_client_issue('pii_dob_missing', "'DOB blank; ' || " ~ dq_shown('DOBDataQuality', 'dob_data_quality')) }}
    from assessed
    where dob is null and not {{ dq_is_dk_pnta('dob_data_quality') }}

    union all
    select {{ dq_client_issue('pii_dob_partial', dq_shown('DOBDataQuality', 'dob_data_quality')) }}
    from assessed
    where dob is not null and dob_data_quality = 2

    union all
    select {{ dq_client_issue('pii_dob_invalid',
        "case
            when dob < " ~ dq_setting('earliest_dob', 'date') ~ " then " ~ dq_shown('DOB before earliest_dob; DOB', 'dob') ~ "
            when dob > cast(date_created as date) then " ~ dq_shown('DOB after record creation; DOB', 'dob') ~ "
            else " ~ dq_shown('DOB present but DOBDataQuality', 'dob_data_quality') ~ "
        end") }}
    from assessed
    where dob is not null
        and (
            dob < {{ dq_setting('earliest_dob', 'date') }}
            or dob > cast(date_created as date)
            or dob_data_quality is null
            or dob_data_quality in (8, 9, 99)
        )

    -- 3.04 Race and ethnicity
    union all
    select {{ dq_client_issue('pii_race_dk_pnta', dq_shown('RaceNone', 'race_none')) }}
    from assessed
    where {{ dq_is_dk_pnta('race_none') }}

    union all
    select {{ dq_client_issue('pii_race_missing',
        "case when race_none = 99 then 'RaceNone = 99' else 'no race or ethnicity selected' end") }}
    from assessed
    where not {{ dq_is_dk_pnta('race_none') }}
        and (race_none = 99 or races_selected = 0)

    -- 4.21 Sex (FY2026 exports; FY2024 exports carry gender instead)
    union all
    select {{ dq_client_issue('pii_sex_dk_pnta', dq_shown('Sex', 'sex')) }}
    from assessed
    where csv_version = 'fy2026' and {{ dq_is_dk_pnta('sex') }}

    union all
    select {{ dq_client_issue('pii_sex_missing', dq_shown('Sex', 'sex')) }}
    from assessed
    where csv_version = 'fy2026' and {{ dq_is_not_collected('sex') }}

    -- 3.07 Veteran status (adults: anyone 18 or older at an entry)
    union all
    select {{ dq_client_issue('pii_veteran_dk_pnta', dq_shown('VeteranStatus', 'veteran_status')) }}
    from assessed
    where is_adult and {{ dq_is_dk_pnta('veteran_status') }}

    union all
    select {{ dq_client_issue('pii_veteran_missing', dq_shown('VeteranStatus', 'veteran_status')) }}
    from assessed
    where is_adult and {{ dq_is_not_collected('veteran_status') }}

    union all
    select {{ dq_enrollment_issue('pii_child_veteran', "'VeteranStatus = 1; age at entry ' || cast(age_at_entry as " ~ dbt.type_string() ~ ")") }}
    from enrollments
    where veteran_status = 1 and age_at_entry between 0 and 17

)

select * from issues
