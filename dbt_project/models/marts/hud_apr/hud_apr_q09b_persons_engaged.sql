{#- APR/CAPER Q9b Number of Persons Engaged: the people of Q9a whose date of engagement (4.13) falls in
    the period, by their contacts up to engagement and where they were at first contact; the last row
    is the rate of engagement (engaged / contacted, per column). -#}
{%- set columns = [
    'all_persons_contacted', 'first_contact_not_homeless', 'first_contact_homeless',
    'first_contact_unable_to_determine',
] %}

with

contacts as (

    select * from {{ ref('int_report_outreach_contacts') }}

),

engaged as (

    select * from contacts where is_engaged_in_period

),

contacted as (

    select * from contacts where is_contacted_in_period

),

engaged_cells as (

    {{ apr_contact_cells('engaged') }}

),

contacted_cells as (

    {{ apr_contact_cells('contacted') }}

),

cells as (

    select
        request_id,
        row_key,
        {%- for column in columns %}
        cast({{ column }} as {{ dbt.type_numeric() }}) as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from engaged_cells
    union all
    select
        contacted_cells.request_id,
        'rate' as row_key,
        {%- for column in columns %}
        {{ apr_rate('coalesce(engaged_cells.' ~ column ~ ', 0)', 'contacted_cells.' ~ column) }}
            as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from contacted_cells
    left join engaged_cells
        on contacted_cells.request_id = engaged_cells.request_id
        and engaged_cells.row_key = 'total'
    where contacted_cells.row_key = 'total'

)

{{ apr_table_layout('Q9b', 'cells', columns, types=dict.fromkeys(columns, 'decimal(18,4)')) }}
