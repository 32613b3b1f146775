{#- APR/CAPER Q22c Length of Time between Project Start Date and Housing Move-in Date: people in PSH/RRH
    whose household moved in during the period (days from their own start to their move-in, glossary
    §10), plus leavers who never moved in; average in whole days. -#}
{{ apr_time_to_move_in_table('Q22c', 'true') }}
