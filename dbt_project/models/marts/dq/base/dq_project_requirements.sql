{#- One row per project and program-specific data element it must collect (HUD Data Standards funder
    tables, seeds/dq/dq_element_requirements.csv): a project collects an element when one of its
    funders requires it for the project's type and no exception of that funder excludes the type.
    Completeness checks read this, so none fires where the element is not collected. -#}
with

requirements as (

    select * from {{ ref('dq_element_requirements') }}

),

projects as (

    select * from {{ ref('stg_hmis__projects') }}

),

funders as (

    select * from {{ ref('stg_hmis__funders') }}

),

project_funders as (

    select distinct
        projects.project_key,
        projects.source_id,
        projects.project_type,
        funders.funder
    from projects
    inner join funders
        on projects.project_key = funders.project_key

),

matched as (

    select
        project_funders.project_key,
        project_funders.source_id,
        project_funders.funder,
        requirements.data_element,
        requirements.collected_about,
        requirements.required
    from project_funders
    inner join requirements
        on project_funders.funder = requirements.funder
        and (requirements.project_type is null or requirements.project_type = project_funders.project_type)

),

by_funder as (

    -- a funder's exception ("all components except ...") wins over its general rule
    select project_key, source_id, funder, data_element, min(collected_about) as collected_about
    from matched
    group by project_key, source_id, funder, data_element
    having sum(case when required = 'no' then 1 else 0 end) = 0

),

final as (

    select
        project_key,
        min(source_id) as source_id,
        data_element,
        min(collected_about) as collected_about,
        count(*) as requiring_funder_count
    from by_funder
    group by project_key, data_element

)

select * from final
