#!/usr/bin/env bash
# `make demo`: synthetic exports -> landing -> Dagster (ingest, validate, build, publish) -> demo users -> dashboards.
set -euo pipefail
cd "$(dirname "$0")/.."
export WAYPOINT_HOME="${WAYPOINT_HOME:-$PWD/var}"
BIN="$PWD/.venv/bin"
PRESET="${WAYPOINT_DEMO_PRESET:-demo}"
# Vendor quirks written into the demo exports (same data, as real HMIS software writes it); "" for none.
QUIRKS="${WAYPOINT_DEMO_QUIRKS-us-dates folder multi-row-export version-mislabel}"
QUIRK_ARGS=()
for quirk in $QUIRKS; do QUIRK_ARGS+=(--quirk "$quirk"); done

# Client data at rest is encrypted whenever a key is set (docs/security.md). Without one, the demo makes its own
# key file outside WAYPOINT_HOME and the repository (a key kept with the data would travel with every copy of it).
if [ -z "${WAYPOINT_KEY_FILE:-}" ] && [ -z "${WAYPOINT_KEY:-}" ]; then
  export WAYPOINT_KEY_FILE="${WAYPOINT_DEMO_KEY_FILE:-${XDG_CONFIG_HOME:-$HOME/.config}/waypoint/demo.key}"
  [ -e "$WAYPOINT_KEY_FILE" ] || "$BIN/waypoint" key new "$WAYPOINT_KEY_FILE"
fi
echo "== encryption at rest: key from ${WAYPOINT_KEY_FILE:-WAYPOINT_KEY} (files of an earlier run encrypted under it if needed)"
"$BIN/waypoint" key encrypt
echo "== 1/5 generating the '$PRESET' synthetic exports (OK-500, OK-507) into $WAYPOINT_HOME/synth (quirks: ${QUIRKS:-none})"
"$BIN/waypoint" synth --preset "$PRESET" --out "$WAYPOINT_HOME/synth" "${QUIRK_ARGS[@]}"

echo "== 2/5 dropping them into landing/<source>/"
for dir in "$WAYPOINT_HOME"/synth/*/; do
  source_id="$(basename "$dir")"
  mkdir -p "$WAYPOINT_HOME/landing/$source_id"
  cp "$dir"*.zip "$WAYPOINT_HOME/landing/$source_id/"
done

echo "== 3/5 Dagster: landing sensor -> ingest + validation -> dbt build -> publish"
DAGSTER_LOG_LEVEL=INFO "$BIN/waypoint" run

echo "== 4/5 HUD reports for FY2026, one warehouse build: APR for every project, agency and CoC, CAPER for the"
echo "       ESG projects, SPM (3-year trend) and HIC/PIT (count night 2026-01-28) for both CoCs, DQ for the last quarter"
REPORT_LOG="$WAYPOINT_HOME/reports-demo.log"
status=0
"$BIN/waypoint" report key \
  "apr/2025-10-01..2026-09-30/all" \
  "caper/2025-10-01..2026-09-30/project=*" \
  "spm/2025-10-01..2026-09-30/coc=OK-500,OK-507?trend_years=3" \
  "hic_pit/2026-01-28..2026-01-28/coc=OK-500,OK-507?pit_date=2026-01-28" \
  "dq/2026-07-01..2026-09-30/coc=*" >"$REPORT_LOG" 2>&1 || status=$?
tail -n 3 "$REPORT_LOG"
# exit 3: everything written, some reports failed HUD validation (marked; see `waypoint report list`)
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || { cat "$REPORT_LOG"; exit "$status"; }
[ "$status" -eq 0 ] || echo "   some reports FAILED HUD VALIDATION (written and marked): see $REPORT_LOG"
"$BIN/waypoint" report list | wc -l | xargs -I{} echo "   {} report folders written under $WAYPOINT_HOME/reports"

echo "== 5/5 demo users (one per role) and the dashboards"
"$BIN/waypoint" users demo
echo
echo "Dagster runs and the asset graph: DAGSTER_HOME=$WAYPOINT_HOME/dagster $BIN/dagster dev -m pipelines.definitions"
echo "Dashboards: http://localhost:8501  (Ctrl-C to stop)"
[ -z "${WAYPOINT_KEY_FILE:-}" ] || echo "Other commands on this home need its key: export WAYPOINT_KEY_FILE=$WAYPOINT_KEY_FILE"
if [ -n "${CI:-}" ] || [ -n "${WAYPOINT_DEMO_NO_SERVE:-}" ]; then
  echo "not serving (CI or WAYPOINT_DEMO_NO_SERVE set)"
  exit 0
fi
exec "$BIN/waypoint" serve --port "${WAYPOINT_PORT:-8501}"
