#!/usr/bin/env bash
# Builds ModelCanvas (installing what is missing) and opens the example schema.
# Usage: scripts/run.sh [FILE]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/deps.sh run
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target modelcanvas
exec build/app/modelcanvas "${1:-resources/examples/users-pictures.json}"
