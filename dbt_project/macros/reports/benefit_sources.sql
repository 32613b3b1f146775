{#- IncomeBenefits (4.03, 4.04) yes/no columns that APR/CAPER count one by one; the cash income
    sources (4.02) are the warehouse's income_sources() macro. -#}

{% macro non_cash_benefit_sources() -%}
    {{ return(['snap', 'wic', 'tanf_child_care', 'tanf_transportation', 'other_tanf', 'other_benefits_source']) }}
{%- endmacro %}


{% macro health_insurance_sources() -%}
    {{ return([
        'medicaid', 'medicare', 'schip', 'vha_services', 'employer_provided', 'cobra', 'private_pay',
        'state_health_ins', 'indian_health_services', 'other_insurance',
    ]) }}
{%- endmacro %}


{% macro count_of_yes(relation, flags) -%}
    {#- How many of the yes/no columns `flags` of `relation` say yes (1). -#}
    (
        {%- for flag in flags %}
        case when {{ relation }}.{{ flag }} = 1 then 1 else 0 end{{ ' +' if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}
