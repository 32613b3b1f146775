{% macro pit_persons_on_night(aged, extra_columns=[]) -%}
    {#- The closing CTEs of a model of people on the count night (continues a `with` chain that defines
        `clients` and `client_identity`): `aged` holds one row per request and enrollment counted that night
        (int_enrollments' columns with request_id, pit_date, hic_project_group, age_on_night); the household
        that night is made of its rows. Adds the person's PIT attributes and the household's type and flags;
        `extra_columns` of `aged` are carried through. -#}
households_on_night as (

    select
        request_id,
        household_key,
        sum(case when age_on_night >= 18 then 1 else 0 end) as adults_present,
        sum(case when age_on_night between 0 and 17 then 1 else 0 end) as children_present,
        sum(case when age_on_night is null or age_on_night < 0 then 1 else 0 end) as unknown_ages_present,
        max(case when age_on_night >= 25 then 1 else 0 end) as has_member_25_or_older,
        max(case when age_on_night >= 18 and veteran_status = 1 then 1 else 0 end) as has_adult_veteran,
        -- parenting youth (hic-pit-lsa.md §3.8): a parent (head or spouse/partner) aged 12-24 with a child
        -- of the head (RelationshipToHoH 2) under 18
        max(case when relationship_to_hoh in (1, 3) and age_on_night between 12 and 24 then 1 else 0 end)
            as has_youth_parent,
        max(case when relationship_to_hoh = 2 and age_on_night between 0 and 17 then 1 else 0 end)
            as has_child_of_head,
        max(case when is_head_of_household then age_on_night end) as head_age_on_night
    from {{ aged }}
    group by request_id, household_key

),

flagged_households as (

    select
        households_on_night.*,
        {{ household_type('adults_present', 'children_present', 'unknown_ages_present') }} as household_type,
        has_member_25_or_older = 0 and unknown_ages_present = 0 as is_youth_household,
        has_member_25_or_older = 0 and unknown_ages_present = 0 and has_youth_parent = 1 and has_child_of_head = 1
            as is_parenting_youth_household
    from households_on_night

),

final as (

    select
        -- keys
        aged.request_id,
        aged.enrollment_key,
        coalesce(client_identity.client_id, aged.personal_key) as client_id,
        aged.personal_key,
        aged.household_key,
        aged.project_key,

        -- the night
        aged.pit_date,
        aged.project_type,
        aged.hic_project_group,
        aged.entry_date,
        aged.is_head_of_household,
        aged.relationship_to_hoh,
        aged.disabling_condition,
        {%- for column in extra_columns %}
        aged.{{ column }},
        {%- endfor %}

        -- the person that night
        aged.age_on_night,
        case
            when aged.age_on_night is null or aged.age_on_night < 0 then 'unknown'
            when aged.age_on_night < 18 then 'under_18'
            when aged.age_on_night <= 24 then '18_24'
            when aged.age_on_night <= 34 then '25_34'
            when aged.age_on_night <= 44 then '35_44'
            when aged.age_on_night <= 54 then '45_54'
            when aged.age_on_night <= 64 then '55_64'
            else '65_plus'
        end as age_band,
        coalesce(aged.age_on_night >= 18 and aged.veteran_status = 1, false) as is_veteran,
        {{ pit_sex('clients.sex') }} as sex,
        {{ pit_race_ethnicity('clients') }} as race_ethnicity,

        -- the household that night
        flagged_households.household_type,
        flagged_households.head_age_on_night,
        flagged_households.has_adult_veteran = 1 as is_veteran_household,
        flagged_households.is_youth_household,
        flagged_households.is_parenting_youth_household,
        -- unaccompanied youth: a youth household without children or with only children, not parenting
        flagged_households.is_youth_household and not flagged_households.is_parenting_youth_household
            and flagged_households.household_type in ('without_children', 'with_only_children')
            as is_unaccompanied_youth_household

    from {{ aged }} as aged
    inner join flagged_households
        on aged.request_id = flagged_households.request_id
        and aged.household_key = flagged_households.household_key
    left join clients
        on aged.personal_key = clients.personal_key
    left join client_identity
        on aged.source_id = client_identity.source_id
        and aged.personal_id = client_identity.personal_id

)

select * from final
{%- endmacro %}
