{#- SPM Measure 4.6 (spm.md): adults who are system leavers whose total income increased, one row per request and HUD row. -#}
{{ spm_m4_table('4.6') }}
