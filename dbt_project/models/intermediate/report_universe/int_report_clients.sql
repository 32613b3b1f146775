{#- The people of each APR/CAPER/DQ request: one row per request and person (source_id + PersonalID),
    their latest active stay (glossary §2: latest entry, then the open or later exit, then the highest
    EnrollmentID), with the client record's own answers (name, SSN, DOB, race and ethnicity, sex). -#}
{{ report_clients('is_latest_stay') }}
