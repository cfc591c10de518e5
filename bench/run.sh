#!/usr/bin/env bash
# Builds ModelCanvas in Release and prints the benchmark figures: the phases of
# inspect on generated schemas (bench_inspect), one edit of each kind and checkSchema()
# on 10,000 models, and the whole `modelcanvas inspect` process, best of several runs.
# Usage: bench/run.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-5}"
scripts/deps.sh run
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-release --target bench_inspect modelcanvas >/dev/null

gen="$(mktemp -d)"
trap 'rm -rf "$gen"' EXIT
build-release/bench/bench_inspect --write "$gen" 1000 5000 10000

echo
echo "whole process: modelcanvas inspect FILE > /dev/null, best of $runs"
for n in 1000 5000 10000; do
    best=""
    for _ in $(seq "$runs"); do
        start=$(date +%s%N)
        build-release/app/modelcanvas inspect "$gen/generated-$n.json" >/dev/null
        ms=$(( ($(date +%s%N) - start) / 1000000 ))
        if [[ -z "$best" || "$ms" -lt "$best" ]]; then best=$ms; fi
    done
    printf '%6d models: %5d ms\n' "$n" "$best"
done
