-- pit_race_ethnicity and pit_sex follow HUD's PIT categories (hic-pit-lsa.md §3.5): races counted
-- without Hispanic/Latina/e/o, which only adds "& Hispanic/Latina/e/o"; returns the cases they get wrong.
with

answers as (

    -- 3.04 answers (1 = yes) and the category expected
    select 1 as am_ind_ak_native, 0 as asian, 0 as black_af_american, 0 as hispanic_latinao,
        0 as mid_east_n_african, 0 as native_hi_pacific, 0 as white, cast(null as integer) as race_none,
        'am_ind_only' as expected
    union all select 1, 0, 0, 1, 0, 0, 0, null, 'am_ind_hispanic'
    union all select 0, 1, 0, 0, 0, 0, 0, null, 'asian_only'
    union all select 0, 0, 1, 1, 0, 0, 0, null, 'black_hispanic'
    union all select 0, 0, 0, 1, 0, 0, 0, null, 'hispanic_only'
    union all select 0, 0, 0, 0, 1, 0, 0, null, 'mena_only'
    union all select 0, 0, 0, 0, 0, 1, 0, null, 'nhpi_only'
    union all select 0, 0, 0, 0, 0, 0, 1, null, 'white_only'
    union all select 0, 0, 0, 1, 0, 0, 1, null, 'white_hispanic'
    union all select 0, 1, 1, 0, 0, 0, 0, null, 'multiracial_other'
    union all select 0, 1, 1, 1, 0, 0, 1, null, 'multiracial_hispanic'
    union all select 0, 0, 0, 0, 0, 0, 0, 8, 'unknown'
    union all select null, null, null, null, null, null, null, 99, 'unknown'

),

sexes as (

    select 0 as sex, 'female' as expected
    union all select 1, 'male'
    union all select 8, 'unknown'
    union all select cast(null as integer), 'unknown'

)

select 'pit_race_ethnicity' as macro_name, expected, {{ pit_race_ethnicity('answers') }} as actual
from answers
where {{ pit_race_ethnicity('answers') }} is distinct from expected
union all
select 'pit_sex', expected, {{ pit_sex('sexes.sex') }}
from sexes
where {{ pit_sex('sexes.sex') }} is distinct from expected
