{#- SPM Measure 5.1 (spm.md): persons who entered ES-EE, ES-NbN, SH, or TH during the report period, those of
    them with a stay in the 24 months before, and those homeless for the first time; one row per
    request and HUD row. -#}
{{ spm_m5_table('5.1', 'ES-EE, ES-NbN, SH, or TH') }}
