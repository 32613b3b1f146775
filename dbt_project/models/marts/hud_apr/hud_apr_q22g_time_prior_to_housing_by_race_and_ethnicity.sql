{#- APR/CAPER Q22g Length of Time Prior to Housing by Race and Ethnicity - based on 3.917 Date
    Homelessness Started: the people of Q22e with a usable start date per race and ethnicity group —
    housed, not yet moved in, and the average and median days from homelessness to housing of those
    housed (HUD Data Lab leaves out the "data not collected" people). -#}
{{ apr_race_measures_table(
    'Q22g', 'int_report_time_prior_to_housing', moved_in="housing_status = 'moved_in'",
    not_moved_in="housing_status = 'not_yet_moved_in' and usable_start_date is not null",
    not_moved_in_row='not_yet_moved_in', days='days_prior_to_housing'
) }}
