#!/usr/bin/env bash
# Installs the Debian packages Waypoint's tests and demo need, once; a no-op when present.
set -euo pipefail
need=()
for pkg in "$@"; do need+=("$pkg"); done
[ ${#need[@]} -eq 0 ] && exit 0
missing=()
for pkg in "${need[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
# Another apt (a second checkout's install, unattended upgrades on a fresh machine) may hold dpkg's lock: wait for
# it, and retry the whole step a few times, rather than fail the run.
APT=(apt-get -o DPkg::Lock::Timeout=600 -qq)
for attempt in 1 2 3 4 5; do
  if $SUDO "${APT[@]}" update && $SUDO "${APT[@]}" install -y --no-install-recommends "${missing[@]}"; then
    exit 0
  fi
  echo "install_system_deps: apt failed (attempt $attempt of 5); retrying in 30 s" >&2
  sleep 30
done
exit 1
