#!/usr/bin/env bash
# Builds ModelCanvas in Release and prints the benchmark figures: the phases of
# inspect on generated schemas (bench_inspect), one edit of each kind and checkSchema()
# on 10,000 models, one editor edit of each kind through the Document at 10,000 models
# (bench_edit), the canvas at 1,000 and 5,000 models (bench_canvas: open, repaint,
# drag, pan, edits), and the whole `modelcanvas inspect` process, best of several runs.
# Usage: bench/run.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-5}"
scripts/deps.sh run
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-release --target bench_inspect bench_edit bench_canvas modelcanvas >/dev/null

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

echo
echo "editor: one edit of each kind on 10,000 models, through the Document"
build-release/bench/bench_edit "$gen/generated-10000.json"

echo
echo "canvas (offscreen)"
QT_QPA_PLATFORM=offscreen build-release/bench/bench_canvas
