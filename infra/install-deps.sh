#!/usr/bin/env bash
# Installs the system packages AutoMLGen runs on (Debian 12, as root): Redis, bubblewrap and prlimit
# for the process sandbox, debootstrap for the Docker runtime image (docker.io itself is installed by
# infra/runtime-image/docker.sh), and the Python ML stack generated pipelines use. Does nothing when
# all are there.
set -euo pipefail

PACKAGES=(redis-server bubblewrap curl util-linux debootstrap
  python3 python3-sklearn python3-pandas python3-numpy python3-scipy python3-xgboost
  python3-torch python3-torchvision python3-optuna python3-pil python3-skimage python3-yaml)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "[install] missing packages: ${missing[*]}" >&2
  echo "[install] install them with your package manager (Debian: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "[install] apt-get install ${missing[*]}" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
