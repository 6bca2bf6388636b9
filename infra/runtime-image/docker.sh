#!/usr/bin/env bash
# Make a Docker engine answer on /var/run/docker.sock (idempotent). For hosts without systemd
# (CI containers, this dev box): installs docker.io from Debian when missing, then starts dockerd
# in the background with its log under $AUTOMLGEN_HOME/logs/dockerd.log.
#
#   infra/runtime-image/docker.sh          start (or confirm) the engine
#   infra/runtime-image/docker.sh status   say whether it answers; exit 1 if not
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HOME_DIR="${AUTOMLGEN_HOME:-$REPO/.automlgen}"
LOGS="$HOME_DIR/logs"
PIDS="$HOME_DIR/pids"
WAIT_SECONDS="${AUTOMLGEN_DOCKERD_WAIT:-60}"

say() { echo "[docker] $*" >&2; }
die() { echo "[docker] error: $*" >&2; exit 1; }

answers() { docker info >/dev/null 2>&1; }

if [[ "${1:-up}" == "status" ]]; then
  if answers; then say "engine answers ($(docker version --format '{{.Server.Version}}'))"; exit 0; fi
  say "no engine answers"; exit 1
fi

if answers; then
  say "engine already answers"
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
  [[ $(id -u) -eq 0 ]] || die "docker.io is not installed and installing it needs root: sudo apt-get install -y docker.io"
  say "installing docker.io from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q docker.io >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q docker.io >/dev/null; }
fi

[[ $(id -u) -eq 0 ]] || die "dockerd must be started as root here (no systemd): run this script with sudo"

mkdir -p "$LOGS" "$PIDS"
say "starting dockerd (log: $LOGS/dockerd.log)"
# setsid: dockerd outlives this shell and the job that ran it.
setsid dockerd --pidfile "$PIDS/dockerd.pid" >>"$LOGS/dockerd.log" 2>&1 < /dev/null &

deadline=$((SECONDS + WAIT_SECONDS))
until answers; do
  if ((SECONDS >= deadline)); then
    tail -20 "$LOGS/dockerd.log" >&2 || true
    die "dockerd did not answer within ${WAIT_SECONDS}s; see $LOGS/dockerd.log"
  fi
  sleep 0.5
done
say "engine answers ($(docker version --format '{{.Server.Version}}'))"
