-- destination_classes holds exactly the codes of HUD list 3.12.1 (both CSV versions): a code HUD
-- adds must get a class, and the seed may not invent codes.
with

hud_codes as (

    select code from {{ ref('stg_hud_spec__code_labels') }} where list_id = '3.12.1'

),

classed as (

    select code from {{ ref('destination_classes') }}

)

select code, 'HUD code without a class' as problem from hud_codes where code not in (select code from classed)
union all
select code, 'class for a code HUD does not define' as problem from classed where code not in (select code from hud_codes)
