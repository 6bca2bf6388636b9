#!/usr/bin/env bash
# Build the sandbox runtime image from Debian packages only (no registry pulls):
#   debootstrap --variant=minbase bookworm -> docker import -> apt install (Dockerfile, packages.txt)
# Tagged automlgen-runtime:<hash of the recipe files> and automlgen-runtime:latest; the build is
# skipped when the hash tag already exists, so it reruns only when the recipe changes.
#
#   infra/runtime-image/build.sh           build if needed; prints the image tag on stdout
#   infra/runtime-image/build.sh --tag     print the tag this recipe builds, build nothing
#
# Needs root (debootstrap), a Docker engine (docker.sh starts one) and a reachable Debian mirror
# (AUTOMLGEN_DEBIAN_MIRROR, default http://deb.debian.org/debian). Takes 5-15 minutes the first time.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
HOME_DIR="${AUTOMLGEN_HOME:-$REPO/.automlgen}"
MIRROR="${AUTOMLGEN_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SUITE=bookworm
NAME=automlgen-runtime

say() { echo "[runtime-image] $*" >&2; }
die() { echo "[runtime-image] error: $*" >&2; exit 1; }

# The recipe is every file that shapes the image; this script is part of it.
recipe_hash() {
  (cd "$HERE" && cat build.sh Dockerfile packages.txt; echo "$SUITE $MIRROR") | sha256sum | cut -c1-12
}

HASH="$(recipe_hash)"
TAG="$NAME:$HASH"
BASE="$NAME-base:$SUITE-$HASH"

if [[ "${1:-}" == "--tag" ]]; then
  echo "$TAG"
  exit 0
fi

docker info >/dev/null 2>&1 || die "no Docker engine answers; start one with infra/runtime-image/docker.sh"

if docker image inspect "$TAG" >/dev/null 2>&1; then
  say "$TAG exists (recipe unchanged); nothing to build"
  docker tag "$TAG" "$NAME:latest"
  echo "$TAG"
  exit 0
fi

[[ $(id -u) -eq 0 ]] || die "debootstrap needs root: run this script with sudo"
command -v debootstrap >/dev/null 2>&1 || die "debootstrap is missing: apt-get install -y debootstrap"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/automlgen-runtime.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

if ! docker image inspect "$BASE" >/dev/null 2>&1; then
  say "debootstrap $SUITE minbase from $MIRROR (log: $HOME_DIR/logs/debootstrap.log)"
  mkdir -p "$HOME_DIR/logs"
  debootstrap --variant=minbase "$SUITE" "$WORK/rootfs" "$MIRROR" >"$HOME_DIR/logs/debootstrap.log" 2>&1 \
    || die "debootstrap failed; see $HOME_DIR/logs/debootstrap.log"
  rm -rf "$WORK/rootfs/var/cache/apt/archives/"*.deb "$WORK/rootfs/var/lib/apt/lists/"*
  say "docker import -> $BASE"
  tar -C "$WORK/rootfs" -c . | docker import --change 'CMD ["/bin/bash"]' - "$BASE" >/dev/null
fi

say "installing the Python ML packages -> $TAG"
cp "$HERE/Dockerfile" "$HERE/packages.txt" "$WORK/"
# --network host: apt inside the build reaches the mirror the same way the host does.
docker build --network host --build-arg "BASE=$BASE" --label "automlgen.recipe=$HASH" \
  -t "$TAG" -t "$NAME:latest" "$WORK" >&2
docker image rm "$BASE" >/dev/null 2>&1 || true
say "built $TAG ($(docker image inspect --format '{{.Size}}' "$TAG" | awk '{printf "%.1f GB", $1/1e9}'))"
echo "$TAG"
