{#- One row per pair of client records that agree on at least two of valid SSN, normalised name and
    date of birth (the pair keys SSN+name, SSN+DOB, name+DOB are the blocks, so the join stays
    set-wise at state scale). A pair key shared by more records than `identity_max_records_per_key`
    is a placeholder (a shared fake SSN, "John Doe" 1900-01-01) and links nobody. -#}
with

identity_keys as (

    select * from {{ ref('int_client_identity_keys') }}

),

pair_keys as (

    select personal_key, 'ssn_name' as key_type, match_ssn || '|' || match_name as key_value
    from identity_keys
    where match_ssn is not null and match_name is not null

    union all

    select personal_key, 'ssn_dob' as key_type, match_ssn || '|' || cast(match_dob as {{ dbt.type_string() }}) as key_value
    from identity_keys
    where match_ssn is not null and match_dob is not null

    union all

    select personal_key, 'name_dob' as key_type, match_name || '|' || cast(match_dob as {{ dbt.type_string() }}) as key_value
    from identity_keys
    where match_name is not null and match_dob is not null

),

usable_pair_keys as (

    select pair_keys.*
    from pair_keys
    inner join (
        select key_type, key_value
        from pair_keys
        group by key_type, key_value
        having count(*) between 2 and {{ dq_setting('identity_max_records_per_key') }}
    ) as shared
        on pair_keys.key_type = shared.key_type
        and pair_keys.key_value = shared.key_value

),

pairs as (

    select
        left_side.personal_key as personal_key_a,
        right_side.personal_key as personal_key_b,
        left_side.key_type
    from usable_pair_keys as left_side
    inner join usable_pair_keys as right_side
        on left_side.key_type = right_side.key_type
        and left_side.key_value = right_side.key_value
        and left_side.personal_key < right_side.personal_key

),

links as (

    select
        personal_key_a,
        personal_key_b,
        max(case when key_type = 'ssn_name' then 1 else 0 end) = 1 as matched_ssn_name,
        max(case when key_type = 'ssn_dob' then 1 else 0 end) = 1 as matched_ssn_dob,
        max(case when key_type = 'name_dob' then 1 else 0 end) = 1 as matched_name_dob
    from pairs
    group by personal_key_a, personal_key_b

)

select * from links
