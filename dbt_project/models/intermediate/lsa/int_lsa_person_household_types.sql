{#- tlsa_Person ages and household types by project group (LSA spec §5.11, §5.13, §5.14): one row per LSA
    request and active client, with the age range of the client's active enrollments and the household types
    (ActiveHHType) in which the client was served, by project group and population, in LSAPerson's codes. -#}
{%- set groups = {'est': '(0, 1, 2, 8)', 'rrh': '(13)', 'psh': '(3)'} -%}
with

enrollments as (

    select
        enrollments.request_id,
        enrollments.personal_key,
        enrollments.lsa_project_type,
        enrollments.relationship_to_hoh,
        enrollments.active_age,
        enrollments.move_in_date,
        enrollments.air,
        case when enrollments.active_age between 21 and 65 then 1 else 0 end as is_adult,
        households.active_hh_type,
        households.hh_chronic,
        households.hh_vet,
        households.hh_disability,
        households.hh_fleeing_dv,
        households.hh_adult_age,
        households.hh_parent,
        households.ac3_plus
    from {{ ref('int_lsa_enrollments') }} as enrollments
    inner join {{ ref('int_lsa_household_populations') }} as households
        on enrollments.request_id = households.request_id
        and enrollments.household_key = households.household_key
    where enrollments.active = 1

),

final as (

    select
        request_id,
        personal_key,

        -- §5.11 age ranges (ActiveAge) by project group; -1 not served in it
        {%- for name, types in {'est': '(0, 1, 2, 8)', 'rrh': '(13)', 'psh': '(3)', 'rrhso': '(15)'}.items() %}
        coalesce(min(case when lsa_project_type in {{ types }} then active_age end), -1) as {{ name }}_age_min,
        coalesce(max(case when lsa_project_type in {{ types }} then active_age end), -1) as {{ name }}_age_max,
        {%- endfor %}

        -- §5.13 household types by project group and population
        {%- for name, types in groups.items() %}
        {%- set in_group = 'lsa_project_type in ' ~ types %}
        {{ lsa_hh_types_served(in_group) }} as hh_type_{{ name }},
        {{ lsa_hh_types_served(in_group ~ ' and relationship_to_hoh = 1') }} as hoh_{{ name }},
        {{ lsa_hh_types_served(in_group ~ ' and is_adult = 1') }} as adult_{{ name }},
        {{ lsa_hh_types_served(in_group ~ ' and air = 1') }} as air_{{ name }},
        {{ lsa_hh_types_served(in_group ~ ' and air = 1 and relationship_to_hoh = 1') }} as air_hoh_{{ name }},
        {{ lsa_hh_types_served(in_group ~ ' and air = 1 and is_adult = 1') }} as air_adult_{{ name }},
        {{ lsa_hh_types_served(in_group ~ ' and hh_chronic = 1') }} as hh_chronic_{{ name }},
        {{ lsa_hh_types_served(in_group ~ ' and hh_vet = 1') }} as hh_vet_{{ name }},
        {{ lsa_hh_types_served(in_group ~ ' and hh_disability = 1') }} as hh_disability_{{ name }},
        {{ lsa_hh_types_served(in_group ~ ' and hh_fleeing_dv = 1') }} as hh_fleeing_dv_{{ name }},
        {{ lsa_hh_types_served(in_group ~ ' and hh_parent = 1') }} as hh_parent_{{ name }},
        case
            when max(case when {{ in_group }} then 1 else 0 end) = 0 then -1
            else max(case when {{ in_group }} and ac3_plus = 1 then 1 else 0 end)
        end as ac3_plus_{{ name }},
        -- §5.14 adult ages of AO and AC households
        {{ lsa_adult_age_served(in_group ~ ' and active_hh_type = 1') }} as hh_adult_age_ao{{ name }},
        {{ lsa_adult_age_served(in_group ~ ' and active_hh_type = 2') }} as hh_adult_age_ac{{ name }},
        {%- endfor %}

        -- §5.13 RRH services only (with and without a move-in) and ES, SH, TH apart
        {{ lsa_hh_types_served('lsa_project_type = 15 and move_in_date is null') }} as hh_type_rrhso_no_mi,
        {{ lsa_hh_types_served('lsa_project_type = 15 and move_in_date is not null') }} as hh_type_rrhso_mi,
        {{ lsa_hh_types_served('lsa_project_type in (0, 1)') }} as hh_type_es,
        {{ lsa_hh_types_served('lsa_project_type = 8') }} as hh_type_sh,
        {{ lsa_hh_types_served('lsa_project_type = 2') }} as hh_type_th
    from enrollments
    group by request_id, personal_key

)

select * from final
