{#- APR/CAPER Q23e Exit Destination Type by Race and Ethnicity: leavers by the class of their destination
    (homeless, institutional, temporary, permanent, other: Q23c's subtotals), in total and per race and
    ethnicity group. -#}
{%- set rows = {
    'homeless': "destination_class = 'homeless'",
    'institutional': "destination_class = 'institutional'",
    'temporary': "destination_class = 'temporary'",
    'permanent': "destination_class = 'permanent'",
    'other': "destination_class = 'other' or destination_class is null",
    'total': 'true',
} %}

with

leavers as (

    select
        int_report_clients.*,
        {{ apr_race_group() }} as race_group
    from {{ ref('int_report_clients') }}
    where is_leaver

),

members as (

    {{ apr_members('leavers', rows, columns=['race_group']) }}

),

cells as (

    {%- set columns = {'total': 'true'} %}
    {%- for group in apr_race_groups() %}{% do columns.update({group: "race_group = '" ~ group ~ "'"}) %}{% endfor %}
    {{ apr_count_where('members', columns) }}

)

{{ apr_table_layout('Q23e', 'cells', ['total'] + apr_race_groups()) }}
