#!/usr/bin/env bash
# Installs the Debian 12 packages ModelCanvas needs, only those that are missing.
# Usage: scripts/deps.sh [run|test|bench]
set -euo pipefail

purpose="${1:-run}"
packages=(cmake ninja-build g++ pkg-config qt6-base-dev libqt6sql6-sqlite fonts-dejavu-core)
if [[ "$purpose" == test || "$purpose" == bench ]]; then
    # clang + its runtime for the libFuzzer target; python3 for the fixture tools;
    # the throwaway servers of scripts/servers.sh and Qt's drivers for them.
    packages+=(clang libclang-rt-14-dev python3
        postgresql-15 postgresql-client-15 mariadb-server mariadb-client
        libqt6sql6-psql libqt6sql6-mysql)
fi
if [[ "$purpose" == bench ]]; then
    packages+=(sqlite3) # the floor of bench/apply.sh
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "ModelCanvas: installing ${missing[*]}" >&2
sudo=()
[[ $(id -u) -ne 0 ]] && sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
