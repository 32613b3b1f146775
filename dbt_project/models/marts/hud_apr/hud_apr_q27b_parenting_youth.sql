{#- APR Q27b Parenting Youth: households whose head is a parenting youth (glossary §14), by the head's age
    (under 18, 18-24): the parenting youth in them (head and youth adults), the children of the head
    (relationship 2), everyone in them, and the households. -#}
with

clients as (

    select * from {{ ref('int_report_clients') }}

),

households as (

    select
        request_id,
        household_key,
        case when reporting_age < 18 then 'parent_youth_under_18' else 'parent_youth_18_24' end as row_key
    from clients
    where is_head_of_household and is_parenting_youth

),

members as (

    select
        households.request_id,
        households.row_key,
        clients.personal_key,
        clients.is_head_of_household,
        clients.is_parenting_youth,
        clients.relationship_to_hoh
    from households
    inner join clients
        on households.request_id = clients.request_id
        and households.household_key = clients.household_key

),

cells as (

    {{ apr_count_where('members', {
        'total_parenting_youth': 'is_parenting_youth',
        'total_children_of_parenting_youth': 'relationship_to_hoh = 2 and not is_parenting_youth',
        'total_persons': 'true',
        'total_households': 'is_head_of_household',
    }) }}

)

{{ apr_table_layout('Q27b', 'cells', [
    'total_parenting_youth', 'total_children_of_parenting_youth', 'total_persons', 'total_households',
]) }}
