{#- SPM Measure 4.4 (spm.md): adults who are system leavers whose earned income increased, one row per request and HUD row. -#}
{{ spm_m4_table('4.4') }}
