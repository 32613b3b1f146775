{#- One row per client record (source_id + personal_id) with `client_id`, the warehouse's id for the
    person: records linked by int_client_identity_links, transitively (connected components), share
    one client_id. Components come from a recursive CTE that collects every record reachable from
    each linked record (UNION, so it stops when nothing new is reached; components are a handful of
    records, so the pairs stay few). client_id = the smallest md5 of the members' personal_keys:
    deterministic, independent of build order, but it changes if a new record joins the person with
    a smaller hash. -#}
with recursive

identity_keys as (

    select * from {{ ref('int_client_identity_keys') }}

),

links as (

    select * from {{ ref('int_client_identity_links') }}

),

edges as (

    select personal_key_a as from_key, personal_key_b as to_key from links
    union all
    select personal_key_b as from_key, personal_key_a as to_key from links

),

reachable (personal_key, reached_key) as (

    select from_key, to_key from edges

    union

    select reachable.personal_key, edges.to_key
    from reachable
    inner join edges
        on reachable.reached_key = edges.from_key

),

components as (

    select personal_key, min(md5(reached_key)) as reached_hash, count(distinct reached_key) as reached_count
    from reachable
    group by personal_key

),

identified as (

    select
        -- keys
        identity_keys.personal_key,
        identity_keys.source_id,
        identity_keys.personal_id,
        -- a linked record reaches itself too, so its component's hash includes its own
        coalesce(components.reached_hash, md5(identity_keys.personal_key)) as client_id,

        -- the person's records
        coalesce(components.reached_count, 1) as client_record_count,

        -- what matching could use
        identity_keys.match_ssn is not null as has_match_ssn,
        identity_keys.match_name is not null as has_match_name,
        identity_keys.match_dob is not null as has_match_dob,
        identity_keys.is_hashed

    from identity_keys
    left join components
        on identity_keys.personal_key = components.personal_key

),

per_client as (

    select client_id, count(distinct source_id) as client_source_count
    from identified
    group by client_id

),

per_client_source as (

    select client_id, source_id, count(*) as client_records_in_source
    from identified
    group by client_id, source_id

),

counted as (

    select
        identified.*,
        per_client.client_source_count,
        per_client_source.client_records_in_source
    from identified
    inner join per_client
        on identified.client_id = per_client.client_id
    inner join per_client_source
        on identified.client_id = per_client_source.client_id
        and identified.source_id = per_client_source.source_id

)

select * from counted
