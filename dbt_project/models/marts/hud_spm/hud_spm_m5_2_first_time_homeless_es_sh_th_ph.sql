{#- SPM Measure 5.2 (spm.md): persons who entered ES-EE, ES-NbN, SH, TH, or PH during the report period, those of
    them with a stay in the 24 months before, and those homeless for the first time; one row per
    request and HUD row. -#}
{{ spm_m5_table('5.2', 'ES-EE, ES-NbN, SH, TH, or PH') }}
