{#- Continuums of Care: CDSA's two (from the Oklahoma reference data) and any other CoC code the
    projects report, so every project's CoC resolves. -#}
with

coc_counties as (

    select * from {{ ref('coc_counties') }}

),

project_cocs as (

    select * from {{ ref('stg_hmis__project_cocs') }}

),

reference_cocs as (

    select coc_code, min(coc_name) as coc_name, count(distinct county_fips) as county_count
    from coc_counties
    group by coc_code

),

reported_cocs as (

    select coc_code, count(distinct project_key) as project_count
    from project_cocs
    where coc_code is not null
    group by coc_code

),

all_cocs as (

    select coc_code from reference_cocs
    union
    select coc_code from reported_cocs

),

final as (

    select
        all_cocs.coc_code,
        reference_cocs.coc_name,
        reference_cocs.coc_code is not null as is_cdsa_coc,
        coalesce(reference_cocs.county_count, 0) as county_count,
        coalesce(reported_cocs.project_count, 0) as project_count
    from all_cocs
    left join reference_cocs
        on all_cocs.coc_code = reference_cocs.coc_code
    left join reported_cocs
        on all_cocs.coc_code = reported_cocs.coc_code

)

select * from final
