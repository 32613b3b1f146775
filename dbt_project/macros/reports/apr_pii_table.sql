{% macro apr_pii_table(table_id, clients) -%}
    {#- Q6a Data Quality: Personally Identifying Information (APR, CAPER, CE APR) over `clients` (the
        data-quality universe: one row per request and person with the client record and is_adult_or_head,
        entry_date), laid out on the rows of `table_id`. -#}
with

clients as (

    select * from {{ clients }}

),

assessed as (

    select
        request_id,
        personal_key,
        case
            when name_data_quality in (8, 9) then 'dk_pnta'
            when name_data_quality = 99 or first_name is null or last_name is null then 'information_missing'
            when name_data_quality = 2 then 'data_issues'
        end as name_problem,
        case
            when ssn_data_quality in (8, 9) then 'dk_pnta'
            when ssn is null or ssn_data_quality = 99 then 'information_missing'
            when ssn_data_quality = 2 or not {{ ssn_is_valid('ssn') }} then 'data_issues'
        end as ssn_problem,
        case
            when dob is null and dob_data_quality in (8, 9) then 'dk_pnta'
            when dob is null then 'information_missing'
            when dob_data_quality = 2
                or dob_data_quality in (8, 9, 99)
                or dob < cast('1915-01-01' as date)
                or dob > client_created_date
                or (is_adult_or_head and dob >= entry_date)
                then 'data_issues'
        end as dob_problem,
        case
            when race_none in (8, 9) then 'dk_pnta'
            when race_none = 99
                or not coalesce(
                    am_ind_ak_native = 1 or asian = 1 or black_af_american = 1 or hispanic_latinao = 1
                    or mid_east_n_african = 1 or native_hi_pacific = 1 or white = 1,
                    false
                )
                then 'information_missing'
        end as race_ethnicity_problem
    from clients

),

members as (

    select request_id, personal_key, 'name' as row_key, name_problem as problem from assessed
    union all
    select request_id, personal_key, 'ssn' as row_key, ssn_problem as problem from assessed
    union all
    select request_id, personal_key, 'dob' as row_key, dob_problem as problem from assessed
    union all
    select request_id, personal_key, 'race_ethnicity' as row_key, race_ethnicity_problem as problem from assessed
    union all
    select
        request_id,
        personal_key,
        'overall' as row_key,
        case
            when coalesce(name_problem, ssn_problem, dob_problem, race_ethnicity_problem) is not null
                then 'any'
        end as problem
    from assessed

),

denominators as (

    select request_id, row_keys.row_key, count(distinct personal_key) as denominator
    from clients
    cross join (
        select 'name' as row_key union all select 'ssn' union all select 'dob'
        union all select 'race_ethnicity' union all select 'overall'
    ) as row_keys
    group by request_id, row_keys.row_key

),

cells as (

    {{ apr_dq_cells('members', 'denominators') }}

)

{{ apr_table_layout(
    table_id, 'cells', ['dk_pnta', 'information_missing', 'data_issues', 'total', 'issue_rate'],
    types={'issue_rate': 'decimal(9,4)'}
) }}
{%- endmacro %}
