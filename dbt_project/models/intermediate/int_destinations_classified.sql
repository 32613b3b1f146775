{#- Where people went when they left: each exit's destination (3.12) with HUD's label and class
    (homeless / institutional / temporary / permanent / other, glossary §13). -#}
with

enrollments as (

    select * from {{ ref('int_enrollments') }}

),

destination_classes as (

    select * from {{ ref('destination_classes') }}

),

exited as (

    select * from enrollments where exit_key is not null

),

classified as (

    select
        -- keys
        exited.enrollment_key,
        exited.exit_key,
        exited.source_id,
        exited.personal_key,
        exited.household_key,
        exited.project_key,

        -- the exit
        exited.project_type,
        exited.is_head_of_household,
        exited.exit_date,
        exited.destination,
        {{ hud_label('3.12.1', 'exited.destination') }} as destination_label,
        coalesce(destination_classes.destination_class, 'other') as destination_class,
        coalesce(destination_classes.class_order, 5) as destination_class_order,
        coalesce(destination_classes.destination_class = 'permanent', false) as is_permanent_destination,
        case
            when exited.destination in (8, 9) then 'dk_pnta'
            when exited.destination is null or exited.destination in (30, 99) then 'missing'
            else 'answered'
        end as destination_response,
        exited.destination_subsidy_type,
        {{ hud_label('3.12.A', 'exited.destination_subsidy_type') }} as destination_subsidy_type_label

    from exited
    left join destination_classes
        on cast(exited.destination as {{ dbt.type_string() }}) = destination_classes.code

)

select * from classified
