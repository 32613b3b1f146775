{#- Project descriptor checks (Eva's PDDE): geography and address, RRH subtype, housing type, inventory
    present and consistent (dedicated beds add up, units not above beds, no beds in services-only RRH,
    CoC served by the project and every served CoC with inventory, inventory within the operating period,
    seasonal inventory of at most a year, shelter bed types that fit the housing type), victim service
    providers kept out of HMIS, night-by-night projects with bed nights, and beds in use: a project with
    active inventory in the source's data period but no enrollment then (Eva 83), or whose enrollments
    all fall outside its active inventory's dates (Eva 141), and a project with no operating end date whose
    stays all ended long before the export end (Eva 81). One row per project or inventory record and
    failed check. -#}
with

projects as (

    select * from {{ ref('stg_hmis__projects') }}

),

project_cocs as (

    select * from {{ ref('stg_hmis__project_cocs') }}

),

inventory as (

    select * from {{ ref('stg_hmis__inventory') }}

),

organizations as (

    select * from {{ ref('stg_hmis__organizations') }}

),

participations as (

    select * from {{ ref('stg_hmis__hmis_participations') }}

),

enrollments as (

    select * from {{ ref('stg_hmis__enrollments') }}

),

bed_nights as (

    select * from {{ ref('int_bed_nights') }}

),

as_of as (

    select * from {{ ref('dq_source_as_of') }}

),

-- Beds in use: inventory with beds (not overflow) overlapping the source's data period, and the
-- enrollments active in that period.
active_inventory as (

    select inventory.project_key, inventory.inventory_start_date, coalesce(inventory.inventory_end_date, as_of.as_of_date)
        as inventory_end_date
    from inventory
    inner join as_of
        on inventory.source_id = as_of.source_id
    where inventory.bed_inventory > 0
        and coalesce(inventory.availability, 1) <> 3
        and inventory.inventory_start_date <= as_of.as_of_date
        and (inventory.inventory_end_date is null or inventory.inventory_end_date >= as_of.data_start_date)

),

active_enrollments as (

    select stays.project_key, stays.entry_date, coalesce(stays.exit_date, as_of.as_of_date) as exit_date
    from {{ ref('int_enrollments') }} as stays
    inner join as_of
        on stays.source_id = as_of.source_id
    where stays.entry_date <= as_of.as_of_date
        and (stays.exit_date is null or stays.exit_date >= as_of.data_start_date)

),

-- Stays per project as of the source's export end: are any still open, when did the last one end.
project_stays as (

    select
        stays.project_key,
        count(*) as stay_count,
        sum(case when stays.exit_date is null or stays.exit_date > as_of.as_of_date then 1 else 0 end) as open_count,
        max(stays.exit_date) as last_exit_date,
        max(as_of.as_of_date) as as_of_date
    from {{ ref('int_enrollments') }} as stays
    inner join as_of
        on stays.source_id = as_of.source_id
    group by stays.project_key

),

utilisation as (

    select
        projects.project_key,
        exists (select 1 from active_inventory where active_inventory.project_key = projects.project_key)
            as has_active_inventory,
        (select count(*) from active_enrollments where active_enrollments.project_key = projects.project_key)
            as active_enrollment_count,
        exists (
            select 1 from active_enrollments
            inner join active_inventory
                on active_enrollments.project_key = active_inventory.project_key
                and active_enrollments.entry_date <= active_inventory.inventory_end_date
                and active_enrollments.exit_date >= active_inventory.inventory_start_date
            where active_enrollments.project_key = projects.project_key
        ) as has_enrollment_within_inventory
    from projects

),

described as (

    select
        projects.*,
        project_type in (0, 1, 2, 3, 8, 9, 10) or (project_type = 13 and rrh_sub_type = 2) as is_residential,
        (select count(*) from project_cocs where project_cocs.project_key = projects.project_key) as project_coc_count,
        (
            select count(*) from project_cocs
            where project_cocs.project_key = projects.project_key
                and (project_cocs.coc_code is null or project_cocs.geocode is null)
        ) as incomplete_project_coc_count,
        (select count(*) from inventory where inventory.project_key = projects.project_key) as inventory_count,
        (select min(inventory_start_date) from inventory where inventory.project_key = projects.project_key)
            as first_inventory_start,
        (
            select min(project_cocs.coc_code) from project_cocs
            where project_cocs.project_key = projects.project_key
                and project_cocs.coc_code is not null
                and not exists (
                    select 1 from inventory
                    where inventory.project_key = projects.project_key and inventory.coc_code = project_cocs.coc_code
                )
        ) as uncovered_coc_code,
        coalesce(organizations.victim_service_provider = 1, false) as is_victim_service_provider,
        utilisation.has_active_inventory,
        utilisation.active_enrollment_count,
        utilisation.has_enrollment_within_inventory,
        project_stays.stay_count,
        project_stays.open_count,
        project_stays.last_exit_date,
        project_stays.as_of_date,
        exists (
            select 1 from participations
            where participations.project_key = projects.project_key and participations.hmis_participation_type = 1
        ) as participates_in_hmis,
        (select count(*) from enrollments where enrollments.project_key = projects.project_key) as enrollment_count,
        (
            select count(*) from bed_nights
            inner join enrollments on bed_nights.enrollment_key = enrollments.enrollment_key
            where enrollments.project_key = projects.project_key
        ) as bed_night_count
    from projects
    left join organizations
        on projects.organization_key = organizations.organization_key
    left join utilisation
        on projects.project_key = utilisation.project_key
    left join project_stays
        on projects.project_key = project_stays.project_key

),

-- 2.03 address: a ZIP of 5 digits (or ZIP+4) everywhere; street, city and state except for victim
-- service providers and tenant-based scattered-site projects (Eva 42).
addressed as (

    select
        described.project_key,
        described.project_id,
        described.source_id,
        min(case
            when project_cocs.zip is null then 'ZIP blank'
            when not ((length(project_cocs.zip) = 5 and translate(project_cocs.zip, '0123456789', '') = '')
                or (length(project_cocs.zip) = 10 and substr(project_cocs.zip, 6, 1) = '-'
                    and translate(project_cocs.zip, '0123456789', '') = '-'))
                then 'ZIP = ' || project_cocs.zip
            when described.is_victim_service_provider or coalesce(described.housing_type, 0) = 3 then null
            when project_cocs.address_1 is null then 'Address1 blank'
            when project_cocs.city is null then 'City blank'
            when project_cocs.state is null then 'State blank'
        end) as address_problem
    from described
    inner join project_cocs
        on described.project_key = project_cocs.project_key
    group by described.project_key, described.project_id, described.source_id

),

inventory_checked as (

    select
        inventory.*,
        projects.project_type,
        projects.rrh_sub_type,
        projects.housing_type,
        projects.operating_end_date,
        coalesce(ch_vet_bed_inventory, 0) + coalesce(youth_vet_bed_inventory, 0) + coalesce(vet_bed_inventory, 0)
            + coalesce(ch_youth_bed_inventory, 0) + coalesce(youth_bed_inventory, 0) + coalesce(ch_bed_inventory, 0)
            + coalesce(other_bed_inventory, 0) as dedicated_bed_sum,
        exists (
            select 1 from project_cocs
            where project_cocs.project_key = inventory.project_key
                and project_cocs.coc_code = inventory.coc_code
        ) as is_project_coc
    from inventory
    inner join projects
        on inventory.project_key = projects.project_key

),

issues as (

    select {{ dq_issue('proj_missing_geography', 'project', 'project_id',
        "case when project_coc_count = 0 then 'no ProjectCoC record' else 'ProjectCoC without CoCCode or Geocode' end",
        project_key='project_key') }}
    from described
    where project_coc_count = 0 or incomplete_project_coc_count > 0

    union all
    select {{ dq_issue('proj_rrh_subtype_missing', 'project', 'project_id', "'ProjectType = 13; RRHSubType blank'", project_key='project_key') }}
    from described
    where project_type = 13 and rrh_sub_type is null

    union all
    select {{ dq_issue('proj_residential_housing_type_missing', 'project', 'project_id',
        dq_shown('HousingType', 'housing_type') ~ " || ', ProjectType = ' || cast(project_type as " ~ dbt.type_string() ~ ")",
        project_key='project_key') }}
    from described
    where is_residential and housing_type is null

    union all
    select {{ dq_issue('proj_residential_no_inventory', 'project', 'project_id',
        "'no Inventory records, ProjectType = ' || cast(project_type as " ~ dbt.type_string() ~ ")", project_key='project_key') }}
    from described
    where is_residential and inventory_count = 0

    union all
    select {{ dq_issue('proj_inventory_bed_sum_mismatch', 'inventory', 'inventory_id',
        "'dedicated beds ' || cast(dedicated_bed_sum as " ~ dbt.type_string() ~ ") || ', BedInventory ' || coalesce(cast(bed_inventory as " ~ dbt.type_string() ~ "), 'blank')",
        project_key='project_key') }}
    from inventory_checked
    where dedicated_bed_sum <> coalesce(bed_inventory, 0)

    union all
    select {{ dq_issue('proj_inventory_units_exceed_beds', 'inventory', 'inventory_id',
        "'UnitInventory ' || cast(unit_inventory as " ~ dbt.type_string() ~ ") || ', BedInventory ' || cast(bed_inventory as " ~ dbt.type_string() ~ ")",
        project_key='project_key') }}
    from inventory_checked
    where unit_inventory > bed_inventory

    union all
    select {{ dq_issue('proj_rrh_so_with_beds', 'inventory', 'inventory_id', dq_shown('BedInventory', 'bed_inventory'), project_key='project_key') }}
    from inventory_checked
    where project_type = 13 and rrh_sub_type = 1 and bed_inventory > 0

    union all
    select {{ dq_issue('proj_inventory_coc_mismatch', 'inventory', 'inventory_id', dq_shown('CoCCode', 'coc_code'), project_key='project_key') }}
    from inventory_checked
    where not is_project_coc

    union all
    select {{ dq_issue('proj_seasonal_inventory_long', 'inventory', 'inventory_id',
        "'Availability = 2, ' || coalesce('InventoryEndDate ' || cast(inventory_end_date as " ~ dbt.type_string() ~ "), 'no end date')",
        project_key='project_key') }}
    from inventory_checked
    where availability = 2
        and (inventory_end_date is null or inventory_end_date > {{ add_days(365, 'inventory_start_date') }})

    union all
    select {{ dq_issue('proj_inventory_after_operating_end', 'inventory', 'inventory_id',
        "coalesce('InventoryEndDate ' || cast(inventory_end_date as " ~ dbt.type_string() ~ "), 'no InventoryEndDate')
         || ' after OperatingEndDate ' || cast(operating_end_date as " ~ dbt.type_string() ~ ")", project_key='project_key') }}
    from inventory_checked
    where operating_end_date is not null
        and (inventory_end_date is null or inventory_end_date > operating_end_date)

    union all
    select {{ dq_issue('proj_es_bed_type_mismatch', 'inventory', 'inventory_id',
        dq_shown('ESBedType', 'es_bed_type') ~ " || ', ' || " ~ dq_shown('HousingType', 'housing_type'),
        project_key='project_key') }}
    from inventory_checked
    where project_type in (0, 1)
        and ((housing_type in (1, 2) and es_bed_type = 2) or (housing_type = 3 and es_bed_type in (1, 3)))

    union all
    select {{ dq_issue('proj_address_missing', 'project', 'project_id', "address_problem", project_key='project_key') }}
    from addressed
    where address_problem is not null

    union all
    select {{ dq_issue('proj_inventory_before_operating', 'project', 'project_id',
        "'InventoryStartDate ' || cast(first_inventory_start as " ~ dbt.type_string() ~ ") || ' before OperatingStartDate '
         || cast(operating_start_date as " ~ dbt.type_string() ~ ")", project_key='project_key') }}
    from described
    where first_inventory_start < operating_start_date

    union all
    select {{ dq_issue('proj_vsp_client_data', 'project', 'project_id',
        "cast(enrollment_count as " ~ dbt.type_string() ~ ") || ' enrollments in a victim service provider''s project'",
        project_key='project_key') }}
    from described
    where is_victim_service_provider and enrollment_count > 0

    union all
    select {{ dq_issue('proj_vsp_in_hmis', 'project', 'project_id', "'VictimServiceProvider = 1, HMISParticipationType = 1'",
        project_key='project_key') }}
    from described
    where is_victim_service_provider and participates_in_hmis

    union all
    select {{ dq_issue('proj_nbn_no_bed_nights', 'project', 'project_id',
        "cast(enrollment_count as " ~ dbt.type_string() ~ ") || ' enrollments, no bed nights'", project_key='project_key') }}
    from described
    where project_type = 1 and participates_in_hmis and enrollment_count > 0 and bed_night_count = 0

    union all
    select {{ dq_issue('proj_coc_without_inventory', 'project', 'project_id', "'no Inventory for CoC ' || uncovered_coc_code",
        project_key='project_key') }}
    from described
    where is_residential and inventory_count > 0 and uncovered_coc_code is not null

    union all
    select {{ dq_issue('proj_zero_utilisation', 'project', 'project_id',
        "'active bed inventory, no enrollments in the data period'", project_key='project_key') }}
    from described
    where participates_in_hmis and has_active_inventory and active_enrollment_count = 0

    union all
    select {{ dq_issue('proj_no_enrollments_in_inventory', 'project', 'project_id',
        "cast(active_enrollment_count as " ~ dbt.type_string() ~ ") || ' enrollments, none within active bed inventory dates'",
        project_key='project_key') }}
    from described
    where has_active_inventory and active_enrollment_count > 0 and not has_enrollment_within_inventory

    union all
    select {{ dq_issue('proj_operating_end_missing', 'project', 'project_id',
        "'no OperatingEndDate; no open enrollment, last exit ' || cast(last_exit_date as " ~ dbt.type_string() ~ ")",
        project_key='project_key') }}
    from described
    where operating_end_date is null and stay_count > 0 and open_count = 0
        and last_exit_date < {{ add_days('-' ~ dq_setting('operating_end_days'), 'as_of_date') }}

)

select * from issues
