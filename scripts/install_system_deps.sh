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
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
