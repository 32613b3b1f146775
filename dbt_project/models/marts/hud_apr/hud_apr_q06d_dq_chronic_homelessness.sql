{#- APR/CAPER Q6d Data Quality: Chronic Homelessness. Adults and heads of household in the
    data-quality universe who entered on or after 2016-10-01, by the project type of their stay: the
    3.917 answers missing or unknown. Time in an institution or in housing (C, D) is asked outside
    ES/SH/SO only; dates, times and months (E-G) of everyone in ES/SH/SO and of the others whose prior
    situation says they were homeless. H = people with any gap / people in the row. -#}
with

clients as (

    select * from {{ ref('int_report_dq_clients') }}

),

records as (

    select
        request_id,
        personal_key,
        case
            when project_type in (0, 1, 4, 8) then 'es_sh_so'
            when project_type = 2 then 'th'
            when project_type in (3, 9, 10, 13) then 'ph'
            when project_type = 14 then 'ce'
            when project_type in (6, 11, 12) then 'sso_day_shelter_hp'
        end as row_key,
        living_situation,
        prior_length_of_stay,
        previous_street_essh,
        date_to_street_essh,
        times_homeless_past_three_years,
        months_homeless_past_three_years
    from clients
    where is_adult_or_head
        and entry_date >= cast('2016-10-01' as date)
        and project_type in (0, 1, 2, 3, 4, 6, 8, 9, 10, 11, 12, 13, 14)

),

flagged as (

    select
        records.*,
        row_key <> 'es_sh_so'
            and living_situation between 200 and 299
            and (prior_length_of_stay in (8, 9, 99) or prior_length_of_stay is null) as is_missing_time_in_institution,
        row_key <> 'es_sh_so'
            and (living_situation between 0 and 99 or living_situation between 300 and 499 or living_situation is null)
            and (prior_length_of_stay in (8, 9, 99) or prior_length_of_stay is null) as is_missing_time_in_housing,
        coalesce(
            row_key = 'es_sh_so'
            or living_situation between 100 and 199
            or (living_situation between 200 and 299 and prior_length_of_stay in (10, 11, 2, 3)
                and previous_street_essh = 1)
            or ((living_situation between 0 and 99 or living_situation between 300 and 499 or living_situation is null)
                and prior_length_of_stay in (10, 11) and previous_street_essh = 1),
            false
        ) as is_asked_about_time_homeless
    from records

),

gaps as (

    select
        flagged.*,
        coalesce(is_missing_time_in_institution, false) as missing_institution,
        coalesce(is_missing_time_in_housing, false) as missing_housing,
        is_asked_about_time_homeless and date_to_street_essh is null as missing_date,
        is_asked_about_time_homeless
            and (times_homeless_past_three_years in (8, 9, 99) or times_homeless_past_three_years is null)
            as missing_times,
        is_asked_about_time_homeless
            and (months_homeless_past_three_years in (8, 9, 99) or months_homeless_past_three_years is null)
            as missing_months
    from flagged

),

by_row as (

    select request_id, personal_key, row_key, missing_institution, missing_housing, missing_date,
        missing_times, missing_months
    from gaps
    union all
    select request_id, personal_key, 'total' as row_key, missing_institution, missing_housing, missing_date,
        missing_times, missing_months
    from gaps

),

counted as (

    select
        request_id,
        row_key,
        count(distinct personal_key) as count_of_total_records,
        count(distinct case when missing_institution then personal_key end) as missing_time_in_institution,
        count(distinct case when missing_housing then personal_key end) as missing_time_in_housing,
        count(distinct case when missing_date then personal_key end) as approximate_date_started_missing,
        count(distinct case when missing_times then personal_key end) as number_of_times_missing,
        count(distinct case when missing_months then personal_key end) as number_of_months_missing,
        count(distinct case
            when missing_institution or missing_housing or missing_date or missing_times or missing_months
                then personal_key
        end) as unable_to_calculate
    from by_row
    group by request_id, row_key

),

cells as (

    select
        counted.*,
        {{ apr_rate('unable_to_calculate', 'count_of_total_records') }} as percent_unable_to_calculate
    from counted

)

{{ apr_table_layout(
    'Q6d', 'cells',
    ['count_of_total_records', 'missing_time_in_institution', 'missing_time_in_housing',
     'approximate_date_started_missing', 'number_of_times_missing', 'number_of_months_missing',
     'percent_unable_to_calculate'],
    types={'percent_unable_to_calculate': 'decimal(9,4)'}
) }}
