#!/bin/sh
# Install the Debian packages ttlua needs to build, run, test and benchmark.
# Idempotent: installs only what is missing; uses sudo when not root.
set -eu

PKGS="build-essential pkg-config luajit libluajit-5.1-dev libseccomp-dev \
lua-busted lua-check strace sqlite3 python3 hyperfine git tar gzip \
findutils coreutils procps util-linux"

missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || {
    echo "install-deps: need root or sudo to install:$missing" >&2
    exit 1
  }
  SUDO=sudo
else
  SUDO=
fi
echo "install-deps: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
