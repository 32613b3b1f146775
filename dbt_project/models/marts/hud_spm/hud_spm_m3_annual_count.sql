{#- SPM Measure 3.2 (spm.md): one row per request and HUD row: unduplicated persons sheltered during
    the report period, each project type by its Glossary active-client method (step 1a: "the active
    client method appropriate for the project type") — ES entry/exit, SH and TH by Method 1 (entered by
    the end, exit on or after the start: an exit on the first day counts), ES night-by-night by Method 2
    (a bed night in the stay, and a bed night in the period or an exit date in it); in total and per
    project type (a person in ES and TH counts in both rows, once in the total). 3.1 comes from the PIT
    count in HDX and is not here. -#}
with

requests as (

    select distinct request_id from {{ ref('int_spm_requests') }}

),

stays as (

    select * from {{ ref('int_spm_enrollments') }}
    where project_type in (0, 1, 2, 8)

),

bed_nights as (

    select * from {{ ref('int_bed_nights') }}

),

sheltered as (

    select request_id, client_id, project_type
    from stays
    where project_type in (0, 2, 8)
        and entry_date <= report_end
        and (exit_date is null or exit_date >= report_start)

    union all

    select distinct stays.request_id, stays.client_id, stays.project_type
    from stays
    inner join bed_nights
        on stays.enrollment_key = bed_nights.enrollment_key
    where stays.project_type = 1
        and (
            bed_nights.bed_night_date between stays.report_start and stays.report_end
            or stays.exit_date between stays.report_start and stays.report_end
        )

),

hud_rows as (

    select 1 as row_order, 'Universe: Unduplicated Total sheltered homeless persons' as row_label
    union all select 2, 'Emergency Shelter Total'
    union all select 3, 'Safe Haven Total'
    union all select 4, 'Transitional Housing Total'

),

counted as (

    select
        request_id,
        count(distinct client_id) as total_persons,
        count(distinct case when project_type in (0, 1) then client_id end) as emergency_shelter_persons,
        count(distinct case when project_type = 8 then client_id end) as safe_haven_persons,
        count(distinct case when project_type = 2 then client_id end) as transitional_persons
    from sheltered
    group by request_id

),

final as (

    select
        requests.request_id,
        hud_rows.row_order,
        hud_rows.row_label,
        cast(null as {{ dbt.type_int() }}) as previous_fy,
        coalesce(case hud_rows.row_order
            when 1 then counted.total_persons
            when 2 then counted.emergency_shelter_persons
            when 3 then counted.safe_haven_persons
            when 4 then counted.transitional_persons
        end, 0) as current_fy,
        cast(null as {{ dbt.type_int() }}) as difference
    from requests
    cross join hud_rows
    left join counted
        on requests.request_id = counted.request_id

)

select * from final
