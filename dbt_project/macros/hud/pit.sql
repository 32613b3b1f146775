{#- Point-in-time count rules HUD's sheltered PIT tables share (hic-pit-lsa.md §3). Portable SQL. -#}

{% macro pit_race_ethnicity_rows() -%}
    {#- HUD's PIT race and ethnicity rows in HUD's order (key, label): each race alone or with
        Hispanic/Latina/e/o, Hispanic/Latina/e/o alone, then two or more races with or without it.
        HUD's form has no row for an unknown answer; Waypoint adds one last so that the rows add up to
        the persons counted (docs/decisions.md, HIC/PIT). -#}
    {{ return([
        ('am_ind_only', 'American Indian, Alaska Native, or Indigenous (only)'),
        ('am_ind_hispanic', 'American Indian, Alaska Native, or Indigenous & Hispanic/Latina/e/o'),
        ('asian_only', 'Asian or Asian American (only)'),
        ('asian_hispanic', 'Asian or Asian American & Hispanic/Latina/e/o'),
        ('black_only', 'Black, African American, or African (only)'),
        ('black_hispanic', 'Black, African American, or African & Hispanic/Latina/e/o'),
        ('hispanic_only', 'Hispanic/Latina/e/o (only)'),
        ('mena_only', 'Middle Eastern or North African (only)'),
        ('mena_hispanic', 'Middle Eastern or North African & Hispanic/Latina/e/o'),
        ('nhpi_only', 'Native Hawaiian or Pacific Islander (only)'),
        ('nhpi_hispanic', 'Native Hawaiian or Pacific Islander & Hispanic/Latina/e/o'),
        ('white_only', 'White (only)'),
        ('white_hispanic', 'White & Hispanic/Latina/e/o'),
        ('multiracial_hispanic', 'Multi-Racial & Hispanic/Latina/e/o'),
        ('multiracial_other', 'Multi-Racial (all other)'),
        ('unknown', "Race and Ethnicity Unknown (Client Doesn't Know, Prefers Not to Answer, Data Not Collected)"),
    ]) }}
{%- endmacro %}


{% macro pit_race_ethnicity(client) -%}
    {#- A client's one PIT race and ethnicity category (a key of pit_race_ethnicity_rows) from the
        3.04 columns of `client` (a relation with stg_hmis__clients' column names). Races are counted
        without Hispanic/Latina/e/o, which only decides between "(only)" and "& Hispanic/Latina/e/o". -#}
    {%- set races = [
        ('am_ind', 'am_ind_ak_native'), ('asian', 'asian'), ('black', 'black_af_american'),
        ('mena', 'mid_east_n_african'), ('nhpi', 'native_hi_pacific'), ('white', 'white'),
    ] -%}
    {%- set race_count -%}
        ({% for key, column in races %}case when {{ client }}.{{ column }} = 1 then 1 else 0 end{{ ' + ' if not loop.last }}{% endfor %})
    {%- endset -%}
    {%- set hispanic = client ~ '.hispanic_latinao = 1' -%}
    case
        when {{ race_count }} = 0 and {{ hispanic }} then 'hispanic_only'
        when {{ race_count }} = 0 then 'unknown'
        when {{ race_count }} >= 2 and {{ hispanic }} then 'multiracial_hispanic'
        when {{ race_count }} >= 2 then 'multiracial_other'
        {%- for key, column in races %}
        when {{ client }}.{{ column }} = 1 and {{ hispanic }} then '{{ key }}_hispanic'
        when {{ client }}.{{ column }} = 1 then '{{ key }}_only'
        {%- endfor %}
    end
{%- endmacro %}


{% macro pit_sex_rows() -%}
    {#- Sex rows (4.21, FY2026) of the PIT tables (key, label); Waypoint's choice, docs/decisions.md. -#}
    {{ return([
        ('female', 'Female'),
        ('male', 'Male'),
        ('unknown', "Sex Unknown (Client Doesn't Know, Prefers Not to Answer, Data Not Collected)"),
    ]) }}
{%- endmacro %}


{% macro pit_sex(sex) -%}
    case when {{ sex }} = 0 then 'female' when {{ sex }} = 1 then 'male' else 'unknown' end
{%- endmacro %}


{% macro pit_table(pit_table) -%}
    {#- One sheltered PIT table out of hud_hic_pit_sheltered_counts: HUD's rows with ES, TH, SH and total. -#}
    select
        request_id,
        row_order,
        row_label,
        emergency_shelter,
        transitional_housing,
        safe_haven,
        total
    from {{ ref('hud_hic_pit_sheltered_counts') }}
    where pit_table = '{{ pit_table }}'
{%- endmacro %}


{% macro pit_cells() -%}
    {#- hud_hic_pit_sheltered_counts one cell per row: request, table, row group, column (ES, TH, SH,
        sheltered total, unsheltered, total with the unsheltered) and value — what the PIT identity tests
        (tests/hud_spm/assert_pit_*) add up. -#}
    {%- for column in [
        'emergency_shelter', 'transitional_housing', 'safe_haven', 'total', 'unsheltered', 'total_with_unsheltered',
    ] %}
    select request_id, pit_table, row_group, row_label, '{{ column }}' as pit_column, {{ column }} as cell_value
    from {{ ref('hud_hic_pit_sheltered_counts') }}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
{%- endmacro %}


{% macro hic_inventory_columns() -%}
    {#- The HIC's inventory columns in HUD's order, as the summary and the per-project table print them: beds
        and units by household type, bed kinds and the PIT count on the night, then the utilisation rate. -#}
    {%- for column in [
        'beds_households_without_children', 'beds_households_with_children', 'units_households_with_children',
        'beds_households_only_children', 'year_round_beds', 'seasonal_beds', 'overflow_beds', 'chronic_beds',
        'veteran_beds', 'youth_beds', 'total_beds', 'pit_count',
    ] %}
        {{ column }},
    {%- endfor %}
        {{ spm_percent('pit_count', 'total_beds') }} as utilization_percent
{%- endmacro %}
