{#- HIC projects (hic-pit-lsa.md §2): one row per HIC/PIT request and continuum residential project of
    the CoC operating on the count night (ES, TH, SH, PSH, OPH, and RRH with housing), with what the
    HIC shows about it and its HMIS participation that night (0 not in HMIS, 1 HMIS, 2 comparable
    database). -#}
with

requests as (

    select * from {{ ref('hud_hic_pit_requests') }}

),

projects as (

    select * from {{ ref('stg_hmis__projects') }}

),

project_cocs as (

    select * from {{ ref('stg_hmis__project_cocs') }}

),

organizations as (

    select * from {{ ref('stg_hmis__organizations') }}

),

participations as (

    select * from {{ ref('stg_hmis__hmis_participations') }}

),

operating as (

    select
        requests.request_id,
        requests.pit_date,
        requests.coc_code,
        projects.*
    from requests
    inner join projects
        on projects.operating_start_date <= requests.pit_date
        and (projects.operating_end_date is null or projects.operating_end_date > requests.pit_date)
    where projects.continuum_project = 1
        and projects.project_type in (0, 1, 2, 3, 8, 9, 10, 13)
        and (projects.project_type <> 13 or projects.rrh_sub_type = 2)
        and exists (
            select 1 from project_cocs
            where project_cocs.project_key = projects.project_key
                and project_cocs.coc_code = requests.coc_code
        )

),

-- The participation record in effect on the night (the latest that started by then).
participation_on_night as (

    select * from (
        select
            operating.request_id,
            operating.project_key,
            participations.hmis_participation_type,
            row_number() over (
                partition by operating.request_id, operating.project_key
                order by participations.hmis_participation_status_start_date desc,
                    participations.hmis_participation_id desc
            ) as participation_rank
        from operating
        inner join participations
            on operating.project_key = participations.project_key
        where participations.hmis_participation_status_start_date <= operating.pit_date
            and (
                participations.hmis_participation_status_end_date is null
                or participations.hmis_participation_status_end_date > operating.pit_date
            )
    ) as ranked
    where participation_rank = 1

),

final as (

    select
        -- keys
        operating.request_id,
        operating.project_key,
        operating.source_id,
        operating.project_id,
        operating.organization_key,

        -- the night
        operating.pit_date,
        operating.coc_code,

        -- the project
        organizations.organization_name,
        operating.project_name,
        operating.project_type,
        case
            when operating.project_type in (0, 1) then 'ES'
            when operating.project_type = 2 then 'TH'
            when operating.project_type = 8 then 'SH'
            when operating.project_type = 3 then 'PSH'
            when operating.project_type = 13 then 'RRH'
            else 'OPH'
        end as hic_project_group,
        operating.housing_type,
        operating.target_population,
        coalesce(organizations.victim_service_provider = 1, false) as is_victim_service_provider,
        -- A project without a participation record sends its data, so it takes part in HMIS.
        coalesce(participation_on_night.hmis_participation_type, 1) as hmis_participation_type,
        operating.pit_count as reported_pit_count

    from operating
    left join organizations
        on operating.organization_key = organizations.organization_key
    left join participation_on_night
        on operating.request_id = participation_on_night.request_id
        and operating.project_key = participation_on_night.project_key

)

select * from final
