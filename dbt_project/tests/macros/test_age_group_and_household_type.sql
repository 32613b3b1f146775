-- age_group and household_type follow glossary §5-6; returns the cases they get wrong.
with

ages as (

    select cast(null as integer) as age, 'unknown' as expected_group
    union all select -1, 'unknown'
    union all select 0, 'child'
    union all select 17, 'child'
    union all select 18, 'adult'

),

households as (

    select 1 as adults, 1 as children, 1 as unknowns, 'with_children_and_adults' as expected_type
    union all select 2, 0, 0, 'without_children'
    union all select 0, 2, 0, 'with_only_children'
    union all select 1, 0, 1, 'unknown_household_type'
    union all select 0, 1, 1, 'unknown_household_type'
    union all select 0, 0, 0, 'unknown_household_type'

)

select 'age_group' as macro_name, cast(age as {{ dbt.type_string() }}) as case_input, expected_group as expected
from ages
where {{ age_group('age') }} <> expected_group
union all
select 'household_type', adults || '/' || children || '/' || unknowns, expected_type
from households
where {{ household_type('adults', 'children', 'unknowns') }} <> expected_type
