{#- SPM Measure 4.1 (spm.md): adults who are system stayers whose earned income increased, one row per request and HUD row. -#}
{{ spm_m4_table('4.1') }}
