{#- One row per funding source (2.06.1), funded project, and quarter or fiscal year: exits to permanent
    destinations, returns within 12 months, length of stay, income growth of adults and bed utilisation,
    each next to the CoC benchmark: the same measure over every project of the same type in the same CoC.
    Counts are persons, with the numerator and denominator of every rate, so the dashboards can suppress
    small cells and the rates built from them. -#}
with

persons as (

    select * from {{ ref('funder_person_outcomes') }}

),

nights as (

    select * from {{ ref('funder_project_nights') }}

),

periods as (

    select * from {{ ref('funder_outcome_periods') }}

),

projects as (

    select * from {{ ref('dim_project') }}

),

funders as (

    select distinct
        project_key,
        cast(funder as {{ dbt.type_string() }}) as funder,
        funder_label
    from {{ ref('bridge_project_funder') }}
    where funder is not null

),

-- The measures of one project, or pooled over the projects of a CoC benchmark group.
{%- set measures %}
        count(distinct persons.person_key) as persons_served,
        count(distinct case when persons.is_leaver then persons.person_key end) as leavers,
        count(distinct case when persons.is_exit_to_permanent then persons.person_key end) as exits_to_permanent,
        count(distinct case when persons.is_exit_to_permanent and persons.returned_within_12m then persons.person_key end)
            as returned_12m,
        count(distinct case when persons.is_adult_with_income_pair then persons.person_key end) as adults_with_income_pair,
        count(distinct case when persons.is_adult_with_income_pair and persons.is_income_increased then persons.person_key end)
            as adults_income_increased,
        percentile_cont(0.5) within group (order by persons.length_of_stay_days) as median_length_of_stay_days,
        avg(cast(persons.length_of_stay_days as {{ dbt.type_float() }})) as average_length_of_stay_days
{%- endset %}

project_measures as (

    select
        persons.period_type,
        persons.period_start,
        persons.project_key,
        {{ measures }}
    from persons
    group by persons.period_type, persons.period_start, persons.project_key

),

benchmark_measures as (

    select
        persons.period_type,
        persons.period_start,
        projects.single_coc_code as coc_code,
        projects.project_type,
        count(distinct persons.project_key) as project_count,
        {{ measures }}
    from persons
    inner join projects
        on persons.project_key = projects.project_key
    group by persons.period_type, persons.period_start, projects.single_coc_code, projects.project_type

),

benchmark_nights as (

    select
        nights.period_type,
        nights.period_start,
        projects.single_coc_code as coc_code,
        projects.project_type,
        sum(nights.person_nights) as person_nights,
        sum(nights.bed_nights) as bed_nights
    from nights
    inner join projects
        on nights.project_key = projects.project_key
    group by nights.period_type, nights.period_start, projects.single_coc_code, projects.project_type

),

{#- rate name: (numerator, denominator), for the project and, prefixed coc_, for its benchmark -#}
{%- set rates = {
    'exit_permanent_rate': ('exits_to_permanent', 'leavers'),
    'returns_rate': ('returned_12m', 'exits_to_permanent'),
    'income_growth_rate': ('adults_income_increased', 'adults_with_income_pair'),
} %}
{%- set counts = [
    'persons_served', 'leavers', 'exits_to_permanent', 'returned_12m', 'adults_with_income_pair',
    'adults_income_increased',
] %}

final as (

    select
        -- grain
        project_measures.period_type,
        project_measures.period_start,
        funders.funder,
        project_measures.project_key,

        -- the funder, project and period
        funders.funder_label,
        projects.project_name,
        projects.organization_key,
        projects.single_coc_code as coc_code,
        cast(projects.project_type as {{ dbt.type_string() }}) as project_type,
        projects.project_type_label,
        periods.period_end,
        periods.period_label,
        periods.is_complete_period,
        {{ add_days(365, 'periods.period_end') }} <= periods.data_end_date as is_12m_return_window_closed,
        cast(nights.bed_nights as {{ dbt.type_float() }}) / periods.covered_days as average_beds,
        cast(benchmark_measures.project_count as {{ dbt.type_bigint() }}) as coc_project_count,
        {%- for prefix, measures in [('', 'project_measures'), ('coc_', 'benchmark_measures')] %}
        {%- set nights_of = 'nights' if prefix == '' else 'benchmark_nights' %}

        -- {{ 'the project' if prefix == '' else 'the CoC benchmark: every project of the same type in the CoC' }}
        {%- for count in counts %}
        cast({{ measures }}.{{ count }} as {{ dbt.type_bigint() }}) as {{ prefix }}{{ count }},
        {%- endfor %}
        {%- for rate, parts in rates.items() %}
        case when {{ measures }}.{{ parts[1] }} > 0
            then cast({{ measures }}.{{ parts[0] }} as {{ dbt.type_float() }}) / {{ measures }}.{{ parts[1] }}
        end as {{ prefix }}{{ rate }},
        {%- endfor %}
        cast({{ measures }}.median_length_of_stay_days as {{ dbt.type_float() }}) as {{ prefix }}median_length_of_stay_days,
        {{ measures }}.average_length_of_stay_days as {{ prefix }}average_length_of_stay_days,
        case when {{ nights_of }}.bed_nights > 0
            then cast({{ nights_of }}.person_nights as {{ dbt.type_float() }}) / {{ nights_of }}.bed_nights
        end as {{ prefix }}utilisation_rate{{ ',' if prefix == '' }}
        {%- endfor %}

    from project_measures
    inner join funders
        on project_measures.project_key = funders.project_key
    inner join projects
        on project_measures.project_key = projects.project_key
    inner join periods
        on project_measures.period_type = periods.period_type
        and project_measures.period_start = periods.period_start
    left join nights
        on project_measures.period_type = nights.period_type
        and project_measures.period_start = nights.period_start
        and project_measures.project_key = nights.project_key
    left join benchmark_measures
        on project_measures.period_type = benchmark_measures.period_type
        and project_measures.period_start = benchmark_measures.period_start
        and projects.single_coc_code = benchmark_measures.coc_code
        and projects.project_type = benchmark_measures.project_type
    left join benchmark_nights
        on project_measures.period_type = benchmark_nights.period_type
        and project_measures.period_start = benchmark_nights.period_start
        and projects.single_coc_code = benchmark_nights.coc_code
        and projects.project_type = benchmark_nights.project_type

)

select * from final
