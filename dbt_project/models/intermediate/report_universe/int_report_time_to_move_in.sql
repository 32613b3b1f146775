{#- The people of APR/CAPER Q22c (and Q22f, Q27k): one row per request and person whose reported stay is
    in PSH or RRH (or a Pay for Success "Other" project) and whose household's head moved in during the
    period, plus leavers of those projects who never moved in; days from their own start to their
    move-in (glossary §10). Carries the int_report_clients columns the sub-population tables filter on. -#}
with

clients as (

    select * from {{ ref('int_report_clients') }}

),

final as (

    select
        clients.*,
        clients.move_in_date_adjusted is not null as is_moved_in,
        {{ days_between('clients.entry_date', 'clients.move_in_date_adjusted') }} as days_to_move_in
    from clients
    where clients.is_psh_or_rrh
        and (
            clients.head_move_in_date between clients.period_start and clients.period_end
            or (clients.is_leaver and clients.move_in_date_adjusted is null)
        )

)

select * from final
