{#- SPM Measure 1b (spm.md): adds PH nights before move-in and self-reported time (3.917). One row per request and
    HUD row: persons, and their average and median nights homeless. Previous FY and Difference columns are filled
    by HDX and stay blank. -#}
{{ spm_m1_table([
    ['1b.1', '1.1 Persons in ES-EE, ES-NbN, SH, and PH'],
    ['1b.2', '1.2 Persons in ES-EE, ES-NbN, SH, TH, and PH'],
]) }}
