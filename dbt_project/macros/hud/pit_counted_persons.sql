{% macro pit_counted_persons(ranked) -%}
    {#- The closing CTE `final` of a model of people counted in the PIT (continues a `with` chain that defines
        `chronic` and `conditions`, hud_hic_pit_chronic_on_night / _conditions_on_night): one row per row of
        `ranked` (people on the night, one stay each) with what the PIT tables count about the person and the
        household that night. -#}
final as (

    select
        -- keys
        {{ ranked }}.request_id,
        {{ ranked }}.client_id,
        {{ ranked }}.personal_key,
        {{ ranked }}.enrollment_key,
        {{ ranked }}.household_key,
        {{ ranked }}.project_key,

        -- the night
        {{ ranked }}.pit_date,
        {{ ranked }}.hic_project_group,

        -- the person
        {{ ranked }}.is_head_of_household,
        {{ ranked }}.relationship_to_hoh,
        {{ ranked }}.age_on_night,
        {{ ranked }}.age_band,
        {{ ranked }}.sex,
        {{ ranked }}.race_ethnicity,
        {{ ranked }}.is_veteran,
        chronic.is_chronically_homeless_on_night,
        chronic.has_aged_into_chronic_homelessness,
        -- additional homeless populations (adults only)
        coalesce({{ ranked }}.age_on_night >= 18 and conditions.has_serious_mental_illness, false)
            as is_adult_with_serious_mental_illness,
        coalesce({{ ranked }}.age_on_night >= 18 and conditions.has_substance_use_disorder, false)
            as is_adult_with_substance_use_disorder,
        coalesce({{ ranked }}.age_on_night >= 18 and conditions.has_hiv_aids, false) as is_adult_with_hiv_aids,
        coalesce({{ ranked }}.age_on_night >= 18 and conditions.is_fleeing_domestic_violence, false)
            as is_adult_fleeing_domestic_violence,

        -- the household
        {{ ranked }}.household_type,
        {{ ranked }}.head_age_on_night,
        {{ ranked }}.is_veteran_household,
        {{ ranked }}.is_youth_household,
        {{ ranked }}.is_unaccompanied_youth_household,
        {{ ranked }}.is_parenting_youth_household,
        -- in a parenting youth household: the parents (head, spouse/partner) and the children under 18
        coalesce({{ ranked }}.is_parenting_youth_household and {{ ranked }}.relationship_to_hoh in (1, 3), false)
            as is_youth_parent,
        coalesce(
            {{ ranked }}.is_parenting_youth_household and {{ ranked }}.relationship_to_hoh not in (1, 3)
            and {{ ranked }}.age_on_night between 0 and 17,
            false
        ) as is_child_of_youth_parent,
        chronic.is_chronically_homeless_household

    from {{ ranked }}
    inner join chronic
        on {{ ranked }}.request_id = chronic.request_id
        and {{ ranked }}.enrollment_key = chronic.enrollment_key
    inner join conditions
        on {{ ranked }}.request_id = conditions.request_id
        and {{ ranked }}.enrollment_key = conditions.enrollment_key

)

select * from final
{%- endmacro %}
