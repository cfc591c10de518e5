#!/usr/bin/env bash
# Builds everything and runs every test: the suite, the suite again under
# AddressSanitizer + UndefinedBehaviorSanitizer, and the loader fuzzer for 60 s.
# Installs missing packages first. MC_QUICK=1 runs the plain suite only.
# The server-backed tests get a throwaway PostgreSQL 15 and MariaDB from
# scripts/servers.sh, started before the suites and always stopped at exit.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jobs="$(nproc)"

scripts/deps.sh test

step() { printf '\n=== %s\n' "$*"; }

step "start throwaway PostgreSQL and MariaDB (scripts/servers.sh)"
export MC_SERVERS_STATE="$root/build/servers.env"
trap 'scripts/servers.sh stop' EXIT
scripts/servers.sh start
# shellcheck disable=SC1090
source "$MC_SERVERS_STATE" # MC_PG_* / MC_MYSQL_* for the tests
unset MC_NO_SERVERS       # the servers are there: nothing may skip

step "build (RelWithDebInfo)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$jobs"

if [[ "${MC_QUICK:-0}" != 1 ]]; then
    step "build with AddressSanitizer + UndefinedBehaviorSanitizer"
    cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMC_SANITIZE=ON -DMC_BENCH=OFF >/dev/null
    cmake --build build-asan -j "$jobs"

    step "build the loader fuzzer (clang, libFuzzer)"
    cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_COMPILER=clang++ -DMC_FUZZ=ON >/dev/null
    cmake --build build-fuzz -j "$jobs" --target fuzz_schemareader

    step "fuzz the loader for 60 s"
    corpus="build-fuzz/corpus"
    rm -rf "$corpus" && mkdir -p "$corpus"
    cp tests/fixtures/malformed/*.json tests/fixtures/cases/*.json "$corpus"/
    build-fuzz/tests/fuzz/fuzz_schemareader "$corpus" -dict=tests/fuzz/dict.txt \
        -max_total_time=60 -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix=build-fuzz/ 2>&1 | tail -n 15

    step "test suite under sanitizers"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir build-asan --output-on-failure -j "$jobs"
fi

step "test suite"
ctest --test-dir build --output-on-failure -j "$jobs"
