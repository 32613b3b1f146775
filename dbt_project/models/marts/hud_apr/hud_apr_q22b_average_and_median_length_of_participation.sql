{#- APR Q22b Average and Median Length of Participation in Days: leavers and stayers (glossary §3;
    night-by-night shelter: bed nights). -#}
{{ apr_length_summary_table('Q22b', 'true') }}
