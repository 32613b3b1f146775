{#- Date and age rules of HUD's LSA (FY2026 LSA programming specifications, chapter 3). Portable: dbt's
    cross-database macros only. -#}

{% macro lsa_age_group(dob, on_date) -%}
    {#- LSA age group as of `on_date` (§3.5 EntryAge priorities 7-17, ActiveAge 4-14): 65, 64 (55-64),
        54, 44, 34, 24 (22-24), 21 (18-21), 17 (6-17), 5 (3-5), 2 (1-2), 0 (<1). Anniversaries by year
        arithmetic ([DOB + n years] <= date), as HUD's SQL does. The DOB checks come first (lsa_entry_age). -#}
    case
        when {{ add_years(65, dob) }} <= {{ on_date }} then 65
        when {{ add_years(55, dob) }} <= {{ on_date }} then 64
        when {{ add_years(45, dob) }} <= {{ on_date }} then 54
        when {{ add_years(35, dob) }} <= {{ on_date }} then 44
        when {{ add_years(25, dob) }} <= {{ on_date }} then 34
        when {{ add_years(22, dob) }} <= {{ on_date }} then 24
        when {{ add_years(18, dob) }} <= {{ on_date }} then 21
        when {{ add_years(6, dob) }} <= {{ on_date }} then 17
        when {{ add_years(3, dob) }} <= {{ on_date }} then 5
        when {{ add_years(1, dob) }} <= {{ on_date }} then 2
        else 0
    end
{%- endmacro %}


{% macro lsa_entry_age(dob, dob_data_quality, relationship_to_hoh, entry_date) -%}
    {#- EntryAge (§3.5): 98 DOB not provided (8,9); 99 missing/invalid (quality not 1/2, no DOB or the
        system default 1900-01-01, DOB after entry, a head of household born on the entry date, 105+);
        otherwise the age group at entry. -#}
    case
        when {{ dob_data_quality }} in (8, 9) then 98
        when {{ dob_data_quality }} is null or {{ dob_data_quality }} not in (1, 2) then 99
        when {{ dob }} is null or {{ dob }} = cast('1900-01-01' as date) then 99
        when {{ dob }} > {{ entry_date }} then 99
        when {{ relationship_to_hoh }} = 1 and {{ dob }} = {{ entry_date }} then 99
        when {{ add_years(105, dob) }} <= {{ entry_date }} then 99
        else {{ lsa_age_group(dob, entry_date) }}
    end
{%- endmacro %}
