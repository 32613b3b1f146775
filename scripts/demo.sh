#!/usr/bin/env bash
# `make demo`: synthetic exports -> landing -> Dagster (ingest, validate, build, publish) -> demo users -> dashboards.
set -euo pipefail
umask 077  # client data: everything the demo writes under WAYPOINT_HOME is owner-only, its logs and landing folders too
cd "$(dirname "$0")/.."
export WAYPOINT_HOME="${WAYPOINT_HOME:-$PWD/var}"
BIN="$PWD/.venv/bin"
PRESET="${WAYPOINT_DEMO_PRESET:-demo}"
# Vendor quirks written into the demo exports (same data, as real HMIS software writes it); "" for none.
QUIRKS="${WAYPOINT_DEMO_QUIRKS-us-dates folder multi-row-export version-mislabel}"
QUIRK_ARGS=()
for quirk in $QUIRKS; do QUIRK_ARGS+=(--quirk "$quirk"); done

LOGS="$WAYPOINT_HOME/logs"
mkdir -p "$LOGS"
"$BIN/waypoint" secure >/dev/null  # a home left by an earlier demo made before the umask: owner-only again
# Each step's full output goes to its log under $LOGS; the terminal shows what each step made and where.
step() {  # step LOG COMMAND...: runs COMMAND, its output in LOG; on failure the end of LOG and its path
  local log="$LOGS/$1"; shift
  if ! "$@" >"$log" 2>&1; then
    tail -n 20 "$log"; echo "   failed: the whole output is in $log"; return 1
  fi
}

# Client data at rest is encrypted whenever a key is set (docs/security.md). Without one, the demo makes its own
# key file outside WAYPOINT_HOME and the repository (a key kept with the data would travel with every copy of it).
if [ -z "${WAYPOINT_KEY_FILE:-}" ] && [ -z "${WAYPOINT_KEY:-}" ]; then
  export WAYPOINT_KEY_FILE="${WAYPOINT_DEMO_KEY_FILE:-${XDG_CONFIG_HOME:-$HOME/.config}/waypoint/demo.key}"
  [ -e "$WAYPOINT_KEY_FILE" ] || step key.log "$BIN/waypoint" key new "$WAYPOINT_KEY_FILE"
fi
echo "== encryption at rest: key from ${WAYPOINT_KEY_FILE:-WAYPOINT_KEY} (files of an earlier run encrypted under it)"
step key.log "$BIN/waypoint" key encrypt

echo "== 1/5 synthetic exports ('$PRESET' preset, OK-500, OK-507 and an SSVF agency; quirks: ${QUIRKS:-none})"
step synth.log "$BIN/waypoint" synth --preset "$PRESET" --out "$WAYPOINT_HOME/synth" "${QUIRK_ARGS[@]}"
echo "   written to $WAYPOINT_HOME/synth ($(find "$WAYPOINT_HOME/synth" -name '*.zip' | wc -l) zips)"

echo "== 2/5 dropped into $WAYPOINT_HOME/landing/<source>/"
for dir in "$WAYPOINT_HOME"/synth/*/; do
  source_id="$(basename "$dir")"
  mkdir -p "$WAYPOINT_HOME/landing/$source_id"
  cp "$dir"*.zip "$WAYPOINT_HOME/landing/$source_id/"
done

echo "== 3/5 Dagster: landing sensor -> ingest and validation -> dbt build -> publish (a few minutes; log: $LOGS/run.log)"
# Everything (Dagster's event log, dbt's output) goes to run.log; only its one-line summaries reach the terminal.
: >"$LOGS/run.log"
PYTHONUNBUFFERED=1 "$BIN/waypoint" run 2>>"$LOGS/run.log" | tee -a "$LOGS/run.log" \
  | { grep --line-buffered -E '^(ingest run|warehouse build run|no new deliveries)' || true; } | sed 's/^/   /' \
  || { tail -n 20 "$LOGS/run.log"; echo "   failed: see $LOGS/run.log"; exit 1; }

echo "== 4/5 HUD reports for FY2026 in one warehouse build (log: $LOGS/reports.log)"
status=0
"$BIN/waypoint" report key \
  "apr/2025-10-01..2026-09-30/all" \
  "caper/2025-10-01..2026-09-30/project=*" \
  "spm/2025-10-01..2026-09-30/coc=OK-500,OK-507?trend_years=3" \
  "hic_pit/2026-01-28..2026-01-28/coc=OK-500,OK-507?pit_date=2026-01-28" \
  "dq/2026-07-01..2026-09-30/coc=*" >"$LOGS/reports.log" 2>&1 || status=$?
# exit 3: everything written, some reports failed HUD validation (marked; see `waypoint report list`)
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || { tail -n 20 "$LOGS/reports.log"; echo "   failed: see $LOGS/reports.log"; exit "$status"; }
echo "   $("$BIN/waypoint" report list | wc -l) report folders in $WAYPOINT_HOME/reports (APR, CAPER, SPM, HIC/PIT, DQ)"
[ "$status" -eq 0 ] || echo "   some reports failed HUD validation (written and marked): \`waypoint report list\` says which"

echo "== 5/5 demo users, one per role (each chooses a new password at first sign-in)"
"$BIN/waypoint" users demo 2>>"$LOGS/users.log" | sed 's/^/   /'
cat <<DONE

Waypoint demo ready. Data and logs: $WAYPOINT_HOME (warehouse/, reports/, logs/)
  Dashboards:   http://localhost:${WAYPOINT_PORT:-8501}  (sign in with a user above)
  Dagster UI:   DAGSTER_HOME=$WAYPOINT_HOME/dagster $BIN/dagster dev -m pipelines.definitions
  HUD reports:  $BIN/waypoint report list
DONE
[ -z "${WAYPOINT_KEY_FILE:-}" ] || echo "  Other commands on this home need its key: export WAYPOINT_KEY_FILE=$WAYPOINT_KEY_FILE"
if [ -n "${CI:-}" ] || [ -n "${WAYPOINT_DEMO_NO_SERVE:-}" ]; then
  echo "Not serving the dashboards (CI or WAYPOINT_DEMO_NO_SERVE is set): start them with $BIN/waypoint serve"
  exit 0
fi
echo "Serving the dashboards; Ctrl-C stops them."
exec "$BIN/waypoint" serve --port "${WAYPOINT_PORT:-8501}"
