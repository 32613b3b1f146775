{#- tlsa_CohortDates, exit cohorts only (LSA spec §3.2): one row per LSA request other than the HIC (LSAScope 3) and
    exit cohort: -2 ReportStart..ReportEnd - 2 years, -1 the same - 1 year, 0 ReportStart..ReportEnd - 6 months
    (ReportEnd when that is not after ReportStart). -#}
with

reports as (

    select * from {{ ref('int_lsa_reports') }}
    where lsa_scope <> 3

),

cohorts as (

    select request_id, -2 as cohort, {{ add_years(-2, 'report_start') }} as cohort_start,
        {{ add_years(-2, 'report_end') }} as cohort_end
    from reports
    union all
    select request_id, -1 as cohort, {{ add_years(-1, 'report_start') }} as cohort_start,
        {{ add_years(-1, 'report_end') }} as cohort_end
    from reports
    union all
    select
        request_id,
        0 as cohort,
        report_start as cohort_start,
        case
            when cast({{ dbt.dateadd('month', -6, 'report_end') }} as date) <= report_start then report_end
            else cast({{ dbt.dateadd('month', -6, 'report_end') }} as date)
        end as cohort_end
    from reports

),

final as (

    select * from cohorts

)

select * from final
