-- age_in_years counts completed years by the birthday rule (glossary §5); returns the cases it gets wrong.
with

cases as (

    select cast('2006-02-28' as date) as birth_date, cast('2024-02-28' as date) as on_date, 18 as expected_age
    union all select cast('2006-02-28' as date), cast('2024-02-27' as date), 17
    union all select cast('2000-02-29' as date), cast('2001-02-28' as date), 0
    union all select cast('2000-02-29' as date), cast('2001-03-01' as date), 1
    union all select cast('2000-02-29' as date), cast('2004-02-29' as date), 4
    union all select cast('1990-12-31' as date), cast('2025-01-01' as date), 34
    union all select cast('2025-01-02' as date), cast('2025-01-01' as date), -1
    union all select cast('2025-01-01' as date), cast('2025-01-01' as date), 0

),

checked as (

    select cases.*, {{ age_in_years('birth_date', 'on_date') }} as computed_age from cases

)

select * from checked where computed_age <> expected_age or computed_age is null
