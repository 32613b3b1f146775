{#- SPM Measure 1a (spm.md): nights in ES, SH and (row 2) TH. One row per request and HUD row: persons, and their
    average and median nights homeless. Previous FY and Difference columns are filled by HDX and stay blank. -#}
{{ spm_m1_table([
    ['1a.1', '1.1 Persons in ES-EE, ES-NbN, and SH'],
    ['1a.2', '1.2 Persons in ES-EE, ES-NbN, SH, and TH'],
]) }}
