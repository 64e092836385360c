#!/usr/bin/env bash
# Installs the Debian packages dltop builds and runs with, when any is missing.
# Needs root (or sudo) only when something has to be installed.
set -euo pipefail
packages=(libncursesw5-dev libopenblas-dev zlib1g-dev dataset-fashion-mnist tmux libsqlite3-dev openssh-server time)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "swift is not on PATH: install Swift 6 first" >&2; exit 1; }
