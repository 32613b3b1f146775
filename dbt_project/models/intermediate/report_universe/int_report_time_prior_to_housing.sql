{#- The people of APR/CAPER Q22e (and Q22g, Q27l): one row per request and person whose reported stay is
    in ES, TH, SH or PH (PSH, PH-HO, RRH, Pay for Success "Other"). Homelessness started on the person's
    own 3.917.3 date; children (17 or younger, not the head) take the head's when they entered with the
    head and have none when they entered later (Q22e instruction 2c: "counted on row 14"). Housed on
    the project start in ES/TH/SH, on the move-in in PH. housing_status: moved_in (both dates usable),
    not_yet_moved_in (no housing date), data_not_collected (no usable start: missing, or after the
    person moved into housing, instruction 6). -#}
with

clients as (

    select * from {{ ref('int_report_clients') }}
    where project_type in (0, 1, 2, 3, 8, 9, 13) or is_pay_for_success_other

),

dated as (

    select
        clients.*,
        case
            when is_child and not is_head_of_household and entry_date = first_head_entry_date
                then first_head_date_to_street_essh
            when is_child and not is_head_of_household then null
            else date_to_street_essh
        end as homeless_since_date,
        case
            when project_type in (0, 1, 2, 8) then entry_date
            else move_in_date_adjusted
        end as housed_date
    from clients

),

classified as (

    select
        dated.*,
        -- usable unless after the move into housing; someone not yet housed has no such date to pass
        case
            when housed_date is null or homeless_since_date <= housed_date then homeless_since_date
        end as usable_start_date
    from dated

),

final as (

    select
        classified.*,
        case
            when housed_date is null then 'not_yet_moved_in'
            when usable_start_date is null then 'data_not_collected'
            else 'moved_in'
        end as housing_status,
        {{ days_between('usable_start_date', 'housed_date') }} as days_prior_to_housing
    from classified

)

select * from final
