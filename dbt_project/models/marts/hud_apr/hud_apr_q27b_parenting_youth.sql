{#- APR Q27b Parenting Youth: households whose head is a parenting youth (glossary "Youth Households"),
    by the head's age (under 18, 18-24): the parenting youth in them (the head and youth adults), the
    children of the head (relationship 2, under 18), everyone in them, and the households. Step 1 reads
    each head's latest stay "and all other clients present with the head of household on that project
    stay who are also active", even when a member's own latest stay is elsewhere: members come from
    every active stay in the head's household, not from each member's latest stay. -#}
with

clients as (

    select * from {{ ref('int_report_clients') }}

),

stays as (

    select * from {{ ref('int_report_stays') }}

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
        stays.personal_key,
        stays.is_head_of_household,
        stays.is_parenting_youth,
        stays.is_child,
        stays.relationship_to_hoh
    from households
    inner join stays
        on households.request_id = stays.request_id
        and households.household_key = stays.household_key

),

cells as (

    {{ apr_count_where('members', {
        'total_parenting_youth': 'is_parenting_youth',
        'total_children_of_parenting_youth': 'relationship_to_hoh = 2 and is_child',
        'total_persons': 'true',
        'total_households': 'is_head_of_household',
    }) }}

)

{{ apr_table_layout('Q27b', 'cells', [
    'total_parenting_youth', 'total_children_of_parenting_youth', 'total_persons', 'total_households',
]) }}
