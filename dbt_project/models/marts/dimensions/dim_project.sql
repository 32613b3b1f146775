{#- Projects with what scopes and reports ask of them: agency, type, CoCs, HMIS participation,
    funders and current bed/unit inventory. -#}
with

projects as (

    select * from {{ ref('stg_hmis__projects') }}

),

project_cocs as (

    select * from {{ ref('stg_hmis__project_cocs') }}

),

participations as (

    select * from {{ ref('stg_hmis__hmis_participations') }}

),

funders as (

    select * from {{ ref('stg_hmis__funders') }}

),

inventory as (

    select * from {{ ref('stg_hmis__inventory') }}

),

project_type_groups as (

    select * from {{ ref('project_type_groups') }}

),

cocs as (

    select
        project_key,
        {{ dbt.listagg('distinct coc_code', "';'", 'order by coc_code') }} as coc_codes,
        case when count(distinct coc_code) = 1 then min(coc_code) end as single_coc_code
    from project_cocs
    where coc_code is not null
    group by project_key

),

-- The participation record in force now (open-ended, or the latest to start).
latest_participation as (

    select * from (
        select
            project_key,
            hmis_participation_type,
            hmis_participation_status_start_date,
            hmis_participation_status_end_date,
            row_number() over (
                partition by project_key
                order by
                    case when hmis_participation_status_end_date is null then 0 else 1 end,
                    hmis_participation_status_start_date desc nulls last,
                    hmis_participation_id desc
            ) as participation_rank
        from participations
    ) as ranked
    where participation_rank = 1

),

funding as (

    select
        project_key,
        {{ dbt.listagg("distinct cast(funder as " ~ dbt.type_string() ~ ")", "';'") }} as funder_codes,
        count(distinct funder) as funder_count
    from funders
    where funder is not null
    group by project_key

),

current_inventory as (

    select
        project_key,
        count(*) as current_inventory_records,
        cast(sum(bed_inventory) as {{ dbt.type_bigint() }}) as current_bed_inventory,
        cast(sum(unit_inventory) as {{ dbt.type_bigint() }}) as current_unit_inventory
    from inventory
    where inventory_end_date is null or inventory_end_date >= current_date
    group by project_key

),

groups as (

    select
        project_type,
        max(case when project_type_group = 'homeless' then 1 else 0 end) = 1 as is_homeless_project_type,
        max(case when project_type_group = 'residential' then 1 else 0 end) = 1 as is_residential_project_type,
        max(case when project_type_group = 'permanent_housing' then 1 else 0 end) = 1 as is_permanent_housing_project_type
    from project_type_groups
    group by project_type

),

final as (

    select
        -- keys
        projects.project_key,
        projects.source_id,
        projects.project_id,
        projects.organization_key,

        -- descriptors
        projects.project_name,
        projects.project_type,
        {{ hud_label('2.02.6', 'projects.project_type') }} as project_type_label,
        projects.rrh_sub_type,
        projects.housing_type,
        projects.target_population,
        projects.continuum_project,
        projects.residential_affiliation,
        coalesce(groups.is_homeless_project_type, false) as is_homeless_project_type,
        coalesce(groups.is_residential_project_type, false) as is_residential_project_type,
        coalesce(groups.is_permanent_housing_project_type, false) as is_permanent_housing_project_type,

        -- operating period
        projects.operating_start_date,
        projects.operating_end_date,
        projects.operating_end_date is null or projects.operating_end_date >= current_date as is_operating,

        -- continuums of care
        cocs.coc_codes,
        cocs.single_coc_code,

        -- HMIS participation (2.08)
        latest_participation.hmis_participation_type,
        {{ hud_label('2.08.1', 'latest_participation.hmis_participation_type') }} as hmis_participation_label,
        coalesce(latest_participation.hmis_participation_type = 1, false) as is_hmis_participating,

        -- funders (2.06): codes of list 2.06.1; bridge_project_funder has one row per funder
        funding.funder_codes,
        coalesce(funding.funder_count, 0) as funder_count,

        -- inventory (2.07) in force now
        coalesce(current_inventory.current_inventory_records, 0) as current_inventory_records,
        coalesce(current_inventory.current_bed_inventory, 0) as current_bed_inventory,
        coalesce(current_inventory.current_unit_inventory, 0) as current_unit_inventory

    from projects
    left join cocs on projects.project_key = cocs.project_key
    left join latest_participation on projects.project_key = latest_participation.project_key
    left join funding on projects.project_key = funding.project_key
    left join current_inventory on projects.project_key = current_inventory.project_key
    left join groups on projects.project_type = groups.project_type

)

select * from final
