#!/usr/bin/env bash
# A local PostgreSQL server owned by the project (docs/scale.md): its cluster lives in $WAYPOINT_HOME/postgres.
#   scripts/postgres.sh start    start it (creating the cluster once); prints the URL for WAYPOINT_POSTGRES_URL
#   scripts/postgres.sh stop     stop it
#   scripts/postgres.sh url      print the URL of a started server
#   scripts/postgres.sh status   say whether it runs
# WAYPOINT_POSTGRES_PORT (default 5433) chooses the port; the server listens on 127.0.0.1 only and asks for the
# password written beside the cluster (owner-only). Run as root (CI), the server runs as the unprivileged `postgres`
# user (PostgreSQL refuses root), so every folder above $WAYPOINT_HOME must let that user pass.
set -euo pipefail

HOME_DIR="$(realpath -m "${WAYPOINT_HOME:-$PWD/var}")"  # as pipelines/config.py: ./var by default
PG_DIR="$HOME_DIR/postgres"
DATA="$PG_DIR/data"
PASSWORD_FILE="$PG_DIR/password"
LOG="$PG_DIR/server.log"
PORT="${WAYPOINT_POSTGRES_PORT:-5433}"
DB_USER="waypoint"
DB_NAME="waypoint"

say() { echo "postgres.sh: $*" >&2; }
die() { say "$*"; exit 1; }

bindir() {
  local dir
  for dir in "$(pg_config --bindir 2>/dev/null || true)" /usr/lib/postgresql/*/bin; do
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }
  done
  die "PostgreSQL's server programs (initdb, pg_ctl) were not found: install Debian's postgresql (make system-deps)"
}

BIN="$(bindir)"

# Run a server program as the cluster's owner: ourselves, or `postgres` when we are root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

url() {
  echo "postgresql://$DB_USER:$(cat "$PASSWORD_FILE")@127.0.0.1:$PORT/$DB_NAME"
}

running() {
  [ -f "$DATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1
}

init_cluster() {
  mkdir -p "$PG_DIR"
  chmod 700 "$PG_DIR"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "run as root, the server needs the unprivileged user 'postgres' (Debian's postgresql package creates it)"
    chown postgres: "$PG_DIR"
    runuser -u postgres -- test -w "$PG_DIR" ||
      die "the 'postgres' user cannot reach $PG_DIR (a folder above it is private); set WAYPOINT_HOME to a folder it can pass, e.g. under /var/tmp"
  fi
  local secret
  secret="$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')"
  (umask 077 && printf '%s\n' "$secret" >"$PASSWORD_FILE")
  [ "$(id -u)" -eq 0 ] && chown postgres: "$PASSWORD_FILE"
  as_owner "$BIN/initdb" -D "$DATA" -U "$DB_USER" --pwfile="$PASSWORD_FILE" --auth=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 || die "initdb failed; see $PG_DIR/initdb.log"
  cat >>"$DATA/postgresql.conf" <<EOF

# Waypoint (scripts/postgres.sh): local only, sized for a shared 2-core machine.
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 40
shared_buffers = 256MB
work_mem = 32MB
maintenance_work_mem = 128MB
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

start() {
  [ -f "$DATA/PG_VERSION" ] || init_cluster
  if ! running; then
    as_owner "$BIN/pg_ctl" start -D "$DATA" -l "$LOG" -w -t 60 -o "-p $PORT" >/dev/null ||
      die "the server did not start; see $LOG"
  fi
  PGPASSWORD="$(cat "$PASSWORD_FILE")" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U "$DB_USER" -d postgres -tAq \
    -c "select 1 from pg_database where datname = '$DB_NAME'" | grep -q 1 ||
    PGPASSWORD="$(cat "$PASSWORD_FILE")" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$DB_USER" "$DB_NAME"
  say "running on 127.0.0.1:$PORT, cluster $DATA; export WAYPOINT_POSTGRES_URL=<the line below>"
  url
}

stop() {
  if running; then
    as_owner "$BIN/pg_ctl" stop -D "$DATA" -m fast -w >/dev/null
    say "stopped ($DATA)"
  else
    say "not running ($DATA)"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) running || die "not running; scripts/postgres.sh start"; url ;;
  status) if running; then say "running on port $PORT ($DATA)"; else say "not running ($DATA)"; exit 3; fi ;;
  *) die "usage: scripts/postgres.sh start|stop|url|status" ;;
esac
