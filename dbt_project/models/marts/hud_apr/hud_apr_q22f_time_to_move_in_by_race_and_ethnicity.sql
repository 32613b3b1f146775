{#- APR/CAPER Q22f Length of Time between Project Start Date and Housing Move-in Date by Race and
    Ethnicity: the people of Q22c per race and ethnicity group — moved in, exited without moving in, and
    the average and median days from start to move-in of those who moved in. -#}
{{ apr_race_measures_table(
    'Q22f', 'int_report_time_to_move_in', moved_in='is_moved_in', not_moved_in='not is_moved_in',
    not_moved_in_row='exited_without_move_in', days='days_to_move_in'
) }}
