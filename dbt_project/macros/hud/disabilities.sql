{% macro is_indefinite_and_impairing(disability_type, disability_response, indefinite_and_impairs) -%}
    {#- A Disabilities.csv answer that makes a person disabled for chronic homelessness (glossary §8.2):
        developmental (6) or HIV/AIDS (8) answered yes; physical (5), chronic health (7), mental
        health (9) or substance use (10) answered yes (1, 2 or 3) and indefinite and impairing. -#}
    coalesce(
        ({{ disability_type }} in (6, 8) and {{ disability_response }} = 1)
        or ({{ disability_type }} in (5, 7, 9, 10) and {{ disability_response }} in (1, 2, 3)
            and {{ indefinite_and_impairs }} = 1),
        false
    )
{%- endmacro %}
