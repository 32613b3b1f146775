{#- Q23d's total (row 13) is Q23c's "rental by client, with ongoing housing subsidy" row (435, row 29)
    less the leavers Q23d does not report: homelessness prevention stays and subsidy types missing or not
    on HUD's list. Column by column. -#}
{%- set columns = apr_household_type_columns() %}
with

not_reported as (

    select
        request_id,
        {%- for column in columns %}
        {%- if column == 'total' %}
        count(distinct personal_key) as total,
        {%- else %}
        count(distinct case when household_type = '{{ column }}' then personal_key end)
            as {{ column }}{{ ',' if not loop.last }}
        {%- endif %}
        {%- endfor %}
    from {{ ref('int_report_clients') }}
    where is_leaver
        and destination = 435
        and (
            project_type = 12
            or destination_subsidy_type is null
            or destination_subsidy_type not in ({{ apr_rental_subsidy_types() | join(', ') }})
        )
    group by request_id

)

select q23d.request_id
from {{ ref('hud_apr_q23d_exit_destination_subsidy_type') }} as q23d
inner join {{ ref('hud_apr_q23c_exit_destination') }} as q23c
    on q23d.request_id = q23c.request_id
    and q23c.row_order = 28
left join not_reported
    on q23d.request_id = not_reported.request_id
where q23d.row_order = 12
    and (
        {%- for column in columns %}
        q23d.{{ column }} <> q23c.{{ column }} - coalesce(not_reported.{{ column }}, 0){{ ' or' if not loop.last }}
        {%- endfor %}
    )
