{#- Cross-file identity of LSACalculated's project-level DQ counts (LSA spec chapter 10, "subset of" notes) and
    LSAReport (chapter 11): both count the same tlsa_Enrollment rows, so per ReportRow the Values of all projects
    add up to LSAReport's total (HouseholdEntry, ClientEntry, AdultHoHEntry, DisablingCond, LivingSituation,
    LengthOfStay, HomelessDate, TimesHomeless, MonthsHomeless, Destination). Rows 912 and 920 count people per
    project, who may be in several, so they are left out. One row per LSA and ReportRow that does not add up. -#}
with

project_sums as (

    select request_id, report_row, sum(value) as projects_value
    from {{ ref('hud_lsa_calculated') }}
    where universe = 10
    group by request_id, report_row

),

report_totals as (

    {%- set pairs = [(909, 'household_entry'), (910, 'client_entry'), (911, 'adult_hoh_entry'),
        (913, 'disabling_cond'), (914, 'living_situation'), (915, 'length_of_stay'), (916, 'homeless_date'),
        (917, 'times_homeless'), (918, 'months_homeless'), (919, 'destination')] %}
    {%- for row, column in pairs %}
    select request_id, {{ row }} as report_row, {{ column }} as report_value from {{ ref('hud_lsa_report') }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

final as (

    select report_totals.request_id, report_totals.report_row, report_totals.report_value, project_sums.projects_value
    from report_totals
    left join project_sums
        on report_totals.request_id = project_sums.request_id
        and report_totals.report_row = project_sums.report_row
    where report_totals.report_value <> coalesce(project_sums.projects_value, 0)

)

select * from final
