{% macro household_type(adult_count, child_count, unknown_count) -%}
    {#- HUD household type from the members' age groups (glossary §6), in HUD's order of precedence:
        an adult and a child make a household "with children and adults" even when someone's age is
        unknown; otherwise any unknown age makes it "unknown". -#}
    case
        when {{ adult_count }} > 0 and {{ child_count }} > 0 then 'with_children_and_adults'
        when {{ unknown_count }} > 0 then 'unknown_household_type'
        when {{ adult_count }} > 0 then 'without_children'
        when {{ child_count }} > 0 then 'with_only_children'
        else 'unknown_household_type'
    end
{%- endmacro %}
