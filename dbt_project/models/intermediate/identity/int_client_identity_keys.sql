{#- One row per client record (source_id + personal_id) with the three identifiers identity matching
    trusts, each null unless it is good enough to link on: a valid full SSN, a full normalised name,
    a full and plausible date of birth. Hashed exports (HashStatus 2 or 4) give no name or SSN key. -#}
with

clients as (

    select * from {{ ref('stg_hmis__clients') }}

),

exports as (

    select * from {{ ref('stg_hmis__exports') }}

),

hashing as (

    select ingest_id, max(hash_status) as hash_status
    from exports
    group by ingest_id

),

normalised as (

    select
        clients.*,
        coalesce(hashing.hash_status in (2, 4), false) as is_hashed,
        {{ dq_normalized_name_part('clients.first_name') }} as first_name_normalised,
        {{ dq_normalized_name_part('clients.last_name') }} as last_name_normalised
    from clients
    left join hashing
        on clients.ingest_id = hashing.ingest_id

),

keyed as (

    select
        -- keys
        personal_key,
        source_id,
        personal_id,

        -- the three identifiers, null unless trustworthy
        case
            when not is_hashed
                and name_data_quality = 1
                and first_name_normalised is not null
                and last_name_normalised is not null
                and first_name_normalised not in ('{{ dq_placeholder_names() | join("', '") }}')
                and last_name_normalised not in ('{{ dq_placeholder_names() | join("', '") }}')
            then first_name_normalised || '|' || last_name_normalised
        end as match_name,
        case
            when not is_hashed and ssn_data_quality = 1 and {{ dq_is_valid_ssn('ssn') }} then ssn
        end as match_ssn,
        case
            when dob_data_quality = 1
                and dob >= {{ dq_setting('earliest_dob', 'date') }}
                and (date_created is null or dob <= cast(date_created as date))
            then dob
        end as match_dob,

        -- why a record may not match
        is_hashed

    from normalised

)

select * from keyed
