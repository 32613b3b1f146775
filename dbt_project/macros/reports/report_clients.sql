{% macro report_clients(latest_flag) -%}
    {#- A person per request: the stay flagged `latest_flag` in int_report_stays plus the client record.
        int_report_clients and int_report_dq_clients differ only in the flag. -#}
with

stays as (

    select * from {{ ref('int_report_stays') }}

),

clients as (

    select * from {{ ref('stg_hmis__clients') }}

),

latest as (

    select * from stays where {{ latest_flag }}

),

final as (

    select
        latest.*,

        -- the client record (3.01-3.07, 4.21)
        clients.first_name,
        clients.last_name,
        clients.name_data_quality,
        clients.ssn,
        clients.ssn_data_quality,
        clients.am_ind_ak_native,
        clients.asian,
        clients.black_af_american,
        clients.hispanic_latinao,
        clients.mid_east_n_african,
        clients.native_hi_pacific,
        clients.white,
        clients.race_none,
        clients.sex,
        cast(clients.date_created as date) as client_created_date

    from latest
    left join clients
        on latest.personal_key = clients.personal_key

)

select * from final
{%- endmacro %}
