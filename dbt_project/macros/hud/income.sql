{% macro income_sources() -%}
    {#- The cash income sources of IncomeBenefits (4.02): (source flag, monthly amount) per source, as
        HUD's income total counts them (glossary §12). tests/warehouse checks this list against the spec. -#}
    {{ return([
        ('earned', 'earned_amount'),
        ('unemployment', 'unemployment_amount'),
        ('ssi', 'ssi_amount'),
        ('ssdi', 'ssdi_amount'),
        ('va_disability_service', 'va_disability_service_amount'),
        ('va_disability_non_service', 'va_disability_non_service_amount'),
        ('private_disability', 'private_disability_amount'),
        ('workers_comp', 'workers_comp_amount'),
        ('tanf', 'tanf_amount'),
        ('ga', 'ga_amount'),
        ('soc_sec_retirement', 'soc_sec_retirement_amount'),
        ('pension', 'pension_amount'),
        ('child_support', 'child_support_amount'),
        ('alimony', 'alimony_amount'),
        ('other_income_source', 'other_income_amount'),
    ]) }}
{%- endmacro %}
