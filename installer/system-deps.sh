#!/usr/bin/env bash
# Installs (as root) or names (otherwise) the Debian packages Qt needs.
#   system-deps.sh offscreen  — what the tests need (Qt's offscreen platform, PDF tools, and
#                               SoftHSM2 with OpenSC's pkcs11-tool and openssl for the
#                               signing tests' software token)
#   system-deps.sh window     — adds what a real window (and xvfb-run) needs
set -euo pipefail

offscreen=(python3-venv libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
  libx11-6 libxcb1 libxkbcommon0 fonts-dejavu-core poppler-utils util-linux
  softhsm2 opensc openssl)
window=(xvfb xauth libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0
  libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxcb-glx0)

wanted=("${offscreen[@]}")
[ "${1:-offscreen}" = window ] && wanted+=("${window[@]}")

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian-like system: make sure Qt 6's runtime libraries are installed." >&2
  exit 0
fi

missing=()
for package in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages Qt needs: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Nacka Desktop needs these system packages, which are missing:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
