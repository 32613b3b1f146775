{#- One row per period, scope (project, agency, CoC) and HUD data-quality element (Q6a PII, Q6b
    universal data elements, Q6c income and housing): persons whose latest stay in the scope has the
    element Client doesn't know / prefers not to answer (B), missing (C) or a data issue (D), the
    distinct persons with any (E) and the error rate E / denominator (F). Sex (4.21) is an extra
    local row: FY2026 dropped gender from Q6a and did not add sex. -#}
{%- set elements = [
    ('Q6a', 1, 'name', 'Name (3.01)', 'name_status', 'true', true),
    ('Q6a', 2, 'ssn', 'Social Security Number (3.02)', 'ssn_status', 'true', true),
    ('Q6a', 3, 'dob', 'Date of Birth (3.03)', 'dob_status', 'true', true),
    ('Q6a', 4, 'race_ethnicity', 'Race and Ethnicity (3.04)', 'race_status', 'true', true),
    ('Q6a', 6, 'sex', 'Sex (4.21), local row', 'sex_status', 'is_sex_collected', false),
    ('Q6b', 1, 'veteran_status', 'Veteran Status (3.07)', 'veteran_status_status', "age_group in ('adult', 'child')", true),
    ('Q6b', 2, 'project_start_date', 'Project Start Date (3.10)', 'start_date_status', 'true', true),
    ('Q6b', 3, 'relationship_to_hoh', 'Relationship to Head of Household (3.15)', 'relationship_status', 'true', true),
    ('Q6b', 4, 'enrollment_coc', 'Enrollment CoC (3.16)', 'enrollment_coc_status', 'is_head_of_household', true),
    ('Q6b', 5, 'disabling_condition', 'Disabling Condition (3.08)', 'disabling_condition_status', 'true', true),
    ('Q6c', 1, 'destination', 'Destination (3.12)', 'destination_status', 'is_leaver', true),
    ('Q6c', 2, 'income_at_start', 'Income and Sources (4.02) at Start', 'income_start_status', 'is_adult_or_head', true),
    ('Q6c', 3, 'income_at_annual_assessment', 'Income and Sources (4.02) at Annual Assessment', 'income_annual_status', 'is_annual_assessment_due', true),
    ('Q6c', 4, 'income_at_exit', 'Income and Sources (4.02) at Exit', 'income_exit_status', 'is_leaver and is_adult_or_head', true),
] -%}
with

records as (

    select * from {{ ref('dq_hud_framework_records') }}

),

scopes as (

    select * from {{ ref('dq_scopes') }}

),

periods as (

    select * from {{ ref('dq_periods') }}

),

scoped as (

    {{ dq_scoped_records('records') }}

),

counted as (

    select
        period_id,
        scope_level,
        scope_key,
        count(*) as persons,
        {{ dq_count_if('name_status is not null or ssn_status is not null or dob_status is not null or race_status is not null') }}
            as pii_any_count,
        {%- for table, row, element, label, status, universe, is_hud in elements %}
        {{ dq_count_if(status ~ " = 'dk_pnta'") }} as {{ element }}_dk_pnta,
        {{ dq_count_if(status ~ " = 'missing'") }} as {{ element }}_missing,
        {{ dq_count_if(status ~ " = 'issue'") }} as {{ element }}_issue,
        {{ dq_count_if(status ~ ' is not null') }} as {{ element }}_total,
        {{ dq_count_if(universe) }} as {{ element }}_denominator{{ ',' if not loop.last }}
        {%- endfor %}
    from scoped
    group by period_id, scope_level, scope_key

),

unpivoted as (

    {% for table, row, element, label, status, universe, is_hud in elements -%}
    select
        period_id, scope_level, scope_key,
        '{{ table }}' as hud_table, {{ row }} as row_order, '{{ element }}' as element, '{{ label }}' as row_label,
        {{ 'true' if is_hud else 'false' }} as is_hud_row,
        {{ element }}_dk_pnta as dk_pnta_count,
        {{ element }}_missing as missing_count,
        {{ element }}_issue as data_issue_count,
        {{ element }}_total as total_count,
        {{ element }}_denominator as denominator
    from counted
    union all
    {% endfor -%}
    select
        period_id, scope_level, scope_key,
        'Q6a' as hud_table, 5 as row_order, 'overall' as element, 'Overall Score' as row_label,
        true as is_hud_row,
        cast(null as {{ dbt.type_bigint() }}) as dk_pnta_count,
        cast(null as {{ dbt.type_bigint() }}) as missing_count,
        cast(null as {{ dbt.type_bigint() }}) as data_issue_count,
        pii_any_count as total_count,
        persons as denominator
    from counted

),

final as (

    select
        -- grain
        unpivoted.period_id,
        unpivoted.scope_level,
        unpivoted.scope_key,
        unpivoted.hud_table,
        unpivoted.row_order,

        -- what it is
        periods.period_start,
        periods.period_end,
        scopes.scope_id,
        scopes.scope_name,
        unpivoted.element,
        unpivoted.row_label,
        unpivoted.is_hud_row,

        -- HUD columns B-F
        cast(unpivoted.dk_pnta_count as {{ dbt.type_bigint() }}) as dk_pnta_count,
        cast(unpivoted.missing_count as {{ dbt.type_bigint() }}) as missing_count,
        cast(unpivoted.data_issue_count as {{ dbt.type_bigint() }}) as data_issue_count,
        cast(unpivoted.total_count as {{ dbt.type_bigint() }}) as total_count,
        cast(unpivoted.denominator as {{ dbt.type_bigint() }}) as denominator,
        {{ dq_rate('unpivoted.total_count', 'unpivoted.denominator') }} as error_rate

    from unpivoted
    inner join periods
        on unpivoted.period_id = periods.period_id
    left join scopes
        on unpivoted.scope_level = scopes.scope_level
        and unpivoted.scope_key = scopes.scope_key

)

select * from final
