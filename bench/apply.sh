#!/usr/bin/env bash
# Apply benchmark: a generated schema of 1,000 and 5,000 models (bench_inspect's
# generator; junction tables included) applied to a new SQLite file and a new
# PostgreSQL database, next to the floor: the same DDL (`modelcanvas ddl`) run in
# one transaction by the sqlite3 shell and by `psql --single-transaction`.
# Figures are best of RUNS for SQLite, one run each for PostgreSQL (it takes seconds).
# Starts throwaway servers (scripts/servers.sh) unless MC_PG_HOST/PORT/USER are set.
# Usage: bench/apply.sh [RUNS] [SIZES...]     (defaults: 3, 1000 5000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-3}"
shift || true
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 5000)

scripts/deps.sh bench >/dev/null
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-release --target bench_inspect bench_apply modelcanvas >/dev/null
mc=build-release/app/modelcanvas
bench=build-release/bench/bench_apply

work="$(mktemp -d)"
chmod 755 "$work"
started=""
cleanup() {
    if [[ -n "$started" ]]; then MC_SERVERS_STATE="$work/servers.env" scripts/servers.sh stop; fi
    rm -rf "$work"
}
trap cleanup EXIT
if [[ -z "${MC_PG_HOST:-}" ]]; then
    MC_SERVERS_STATE="$work/servers.env" scripts/servers.sh start >/dev/null
    started=1
    set -a
    # shellcheck disable=SC1091
    source "$work/servers.env"
    set +a
fi
pg() { psql -X -q -h "$MC_PG_HOST" -p "$MC_PG_PORT" -U "$MC_PG_USER" "$@"; }

ms_of() { # runs "$@", prints its wall time in ms
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}

build-release/bench/bench_inspect --write "$work" "${sizes[@]}" >/dev/null

printf '%-8s %-10s %10s %12s %12s %7s\n' models engine "floor ms" "applier ms" "process ms" ratio
for n in "${sizes[@]}"; do
    file="$work/generated-$n.json"
    # SQLite: the floor is sqlite3 running the DDL between BEGIN and COMMIT (PRAGMAs outside).
    "$mc" ddl "$file" --dialect sqlite -o "$work/sqlite-$n.sql"
    { echo "PRAGMA foreign_keys = OFF;"; echo "BEGIN;"
      grep -v '^PRAGMA ' "$work/sqlite-$n.sql"; echo "COMMIT;"; } >"$work/sqlite-$n-tx.sql"
    floor="" ours="" whole=""
    for r in $(seq "$runs"); do
        rm -f "$work"/s-*.db
        t=$(ms_of sh -c "sqlite3 '$work/s-floor.db' < '$work/sqlite-$n-tx.sql'")
        [[ -z "$floor" || $t -lt $floor ]] && floor=$t
        t=$("$bench" "$file" "sqlite:$work/s-ours.db" | sed -E 's/.*: ([0-9]+) ms/\1/')
        [[ -z "$ours" || $t -lt $ours ]] && ours=$t
        t=$(ms_of "$mc" apply "$file" --db "sqlite:$work/s-whole.db")
        [[ -z "$whole" || $t -lt $whole ]] && whole=$t
    done
    printf '%-8s %-10s %10d %12d %12d %7s\n' "$n" sqlite "$floor" "$ours" "$whole" \
        "$(awk -v a="$ours" -v b="$floor" 'BEGIN { printf "%.2fx", a / b }')"

    # PostgreSQL: psql --single-transaction on one new database, ModelCanvas on another.
    "$mc" ddl "$file" --dialect postgres -o "$work/pg-$n.sql"
    db="mc_bench_$$_$n"
    pg -d postgres -c "CREATE DATABASE ${db}_floor" -c "CREATE DATABASE ${db}_ours"
    floor=$(ms_of pg -d "${db}_floor" -v ON_ERROR_STOP=1 --single-transaction -f "$work/pg-$n.sql")
    url="postgres://$MC_PG_USER@$MC_PG_HOST:$MC_PG_PORT/${db}_ours"
    ours=$("$bench" "$file" "$url" | sed -E 's/.*: ([0-9]+) ms/\1/')
    pg -d postgres -c "DROP DATABASE ${db}_floor" -c "DROP DATABASE ${db}_ours"
    printf '%-8s %-10s %10d %12d %12s %7s\n' "$n" postgres "$floor" "$ours" - \
        "$(awk -v a="$ours" -v b="$floor" 'BEGIN { printf "%.2fx", a / b }')"
done
echo
echo "applier: applySchema() alone (load and derive excluded); process: the whole"
echo "\`modelcanvas apply FILE --db sqlite:NEW\`; ratio: applier / floor."
