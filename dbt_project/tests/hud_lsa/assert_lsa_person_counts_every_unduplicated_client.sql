{#- HDX 2.0 cross-file check of LSAPerson.csv (LSA data dictionary, LSAReport.UnduplicatedClient: "a count of
    distinct PersonalIDs in LSAPerson"): the RowTotals of an LSA's LSAPerson add up to its UnduplicatedClient.
    Not for the HIC, whose UnduplicatedClient counts people in residence on the count date only (chapter 11)
    while LSAPerson reports the active cohort. One row per LSA that does not add up. -#}
with

person_totals as (

    select request_id, sum(row_total) as people
    from {{ ref('hud_lsa_person') }}
    group by request_id

),

final as (

    select
        report.request_id,
        report.unduplicated_client,
        coalesce(person_totals.people, 0) as lsa_person_row_totals
    from {{ ref('hud_lsa_report') }} as report
    inner join {{ ref('int_lsa_reports') }} as reports
        on report.request_id = reports.request_id
    left join person_totals
        on report.request_id = person_totals.request_id
    where reports.lsa_scope <> 3
        and report.unduplicated_client <> coalesce(person_totals.people, 0)

)

select * from final
