{#- APR/CAPER Q9a Number of Persons Contacted: adults and heads of household in street outreach (and
    night-by-night shelter, as GR) contacted in the period, by how many contacts their reported stay
    has (docs/decisions.md) and by where they were at first contact. -#}
with

contacts as (

    select * from {{ ref('int_report_outreach_contacts') }}

),

members as (

    select * from contacts where is_contacted_in_period

),

cells as (

    {{ apr_contact_cells('members') }}

)

{{ apr_table_layout(
    'Q9a', 'cells',
    [
        'all_persons_contacted', 'first_contact_not_homeless', 'first_contact_homeless',
        'first_contact_unable_to_determine',
    ]
) }}
