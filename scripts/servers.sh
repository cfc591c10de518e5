#!/usr/bin/env bash
# Throwaway database servers for the server-backed tests, on 127.0.0.1 only:
# PostgreSQL 15 (trust auth, user postgres) and MariaDB (root, no password), each
# in a fresh temporary directory owned by its service user.
#
#   scripts/servers.sh start   start both (idempotent), write the state file
#   scripts/servers.sh env     print the state file (export lines) for `eval`
#   scripts/servers.sh stop    stop both, remove their directories and the state file
#
# The state file (MC_SERVERS_STATE, default build/servers.env) holds
# MC_PG_HOST/PORT/USER and MC_MYSQL_HOST/PORT/USER, which the tests read from the
# environment, plus the directories and pid file `stop` needs.
# Exit status: 0 ok, 1 a server could not start (both are stopped again), 2 usage.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${MC_SERVERS_STATE:-$root/build/servers.env}"
pgbin=/usr/lib/postgresql/15/bin

die() { printf 'servers.sh: %s\n' "$*" >&2; exit 1; }

# Runs a command as a service user (we may be root, or already that user).
as() {
    local user="$1"; shift
    if [[ "$(id -un)" == "$user" ]]; then "$@"
    elif [[ $(id -u) -eq 0 ]]; then runuser -u "$user" -- "$@"
    else sudo -u "$user" -- "$@"; fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# A fresh directory owned by USER (parent readable by it).
owned_dir() {
    local user="$1" prefix="$2" dir
    dir="$(mktemp -d "${TMPDIR:-/tmp}/$prefix.XXXXXX")"
    chmod 755 "$dir"
    if [[ $(id -u) -eq 0 ]]; then chown "$user:" "$dir"; fi
    printf '%s' "$dir"
}

load_state() {
    # shellcheck disable=SC1090
    [[ -f "$state" ]] && source "$state"
    return 0
}

pg_running() { [[ -n "${MC_PG_DIR:-}" && -d "$MC_PG_DIR/data" ]] && as postgres "$pgbin/pg_ctl" -D "$MC_PG_DIR/data" status >/dev/null 2>&1; }
my_running() {
    [[ -n "${MC_MYSQL_PORT:-}" ]] &&
        mariadb-admin --no-defaults -h 127.0.0.1 -P "$MC_MYSQL_PORT" -uroot ping >/dev/null 2>&1
}

# max_locks_per_transaction: apply creates a whole schema in one transaction, and the
# default lock table (64 per connection) is too small for the 5,000-model benchmark.
start_pg() {
    [[ -x "$pgbin/initdb" ]] || die "PostgreSQL 15 is not installed ($pgbin/initdb missing; run scripts/deps.sh test)"
    MC_PG_DIR="$(owned_dir postgres mc-pg)"
    MC_PG_PORT="$(free_port)"
    write_state # from here on, stop_all knows what to remove
    as postgres "$pgbin/initdb" -D "$MC_PG_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
        >"$MC_PG_DIR/initdb.log" 2>&1 || { cat "$MC_PG_DIR/initdb.log" >&2; die "initdb failed"; }
    as postgres "$pgbin/pg_ctl" -D "$MC_PG_DIR/data" -l "$MC_PG_DIR/server.log" -w -t 30 start \
        -o "-p $MC_PG_PORT -k $MC_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_locks_per_transaction=1024" \
        >/dev/null || { cat "$MC_PG_DIR/server.log" >&2; die "PostgreSQL did not start"; }
}

start_mysql() {
    command -v mariadbd >/dev/null || [[ -x /usr/sbin/mariadbd ]] ||
        die "MariaDB is not installed (mariadbd missing; run scripts/deps.sh test)"
    MC_MYSQL_DIR="$(owned_dir mysql mc-mysql)"
    MC_MYSQL_PORT="$(free_port)"
    write_state
    as mysql mariadb-install-db --no-defaults --datadir="$MC_MYSQL_DIR/data" --user=mysql \
        --auth-root-authentication-method=normal --skip-test-db >"$MC_MYSQL_DIR/install.log" 2>&1 ||
        { cat "$MC_MYSQL_DIR/install.log" >&2; die "mariadb-install-db failed"; }
    # setsid: the server must not die with this script's process group.
    setsid "$(command -v runuser)" -u mysql -- /usr/sbin/mariadbd --no-defaults \
        --datadir="$MC_MYSQL_DIR/data" --user=mysql --port="$MC_MYSQL_PORT" \
        --bind-address=127.0.0.1 --socket="$MC_MYSQL_DIR/mysqld.sock" \
        --pid-file="$MC_MYSQL_DIR/mysqld.pid" --skip-log-bin --log-error="$MC_MYSQL_DIR/server.log" \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
        </dev/null >/dev/null 2>&1 &
    for _ in $(seq 1 300); do
        my_running && return 0
        sleep 0.1
    done
    cat "$MC_MYSQL_DIR/server.log" >&2 || true
    die "MariaDB did not answer on 127.0.0.1:$MC_MYSQL_PORT within 30 s"
}

write_state() {
    mkdir -p "$(dirname "$state")"
    cat >"$state" <<EOF
export MC_PG_HOST=127.0.0.1
export MC_PG_PORT=${MC_PG_PORT:-}
export MC_PG_USER=postgres
export MC_PG_DIR=${MC_PG_DIR:-}
export MC_MYSQL_HOST=127.0.0.1
export MC_MYSQL_PORT=${MC_MYSQL_PORT:-}
export MC_MYSQL_USER=root
export MC_MYSQL_DIR=${MC_MYSQL_DIR:-}
EOF
}

stop_all() {
    load_state
    if [[ -n "${MC_PG_DIR:-}" && -d "$MC_PG_DIR" ]]; then
        if [[ -d "$MC_PG_DIR/data" ]] && pg_running; then
            as postgres "$pgbin/pg_ctl" -D "$MC_PG_DIR/data" -m immediate -w -t 30 stop >/dev/null ||
                echo "servers.sh: pg_ctl stop failed" >&2
        fi
        rm -rf "$MC_PG_DIR"
    fi
    if [[ -n "${MC_MYSQL_DIR:-}" && -d "$MC_MYSQL_DIR" ]]; then
        if [[ -f "$MC_MYSQL_DIR/mysqld.pid" ]]; then
            mariadb-admin --no-defaults -h 127.0.0.1 -P "$MC_MYSQL_PORT" -uroot shutdown \
                >/dev/null 2>&1 || true
            # shutdown returns before the server exits: wait for its pid file to go.
            for _ in $(seq 1 300); do
                [[ -f "$MC_MYSQL_DIR/mysqld.pid" ]] || break
                sleep 0.1
            done
            [[ -f "$MC_MYSQL_DIR/mysqld.pid" ]] && echo "servers.sh: MariaDB did not stop within 30 s" >&2
        fi
        rm -rf "$MC_MYSQL_DIR"
    fi
    rm -f "$state"
    unset MC_PG_DIR MC_PG_PORT MC_MYSQL_DIR MC_MYSQL_PORT
}

case "${1:-}" in
start)
    load_state
    if pg_running && my_running; then
        echo "servers.sh: already running (PostgreSQL :$MC_PG_PORT, MariaDB :$MC_MYSQL_PORT)" >&2
        exit 0
    fi
    stop_all # whatever half is left of an earlier run
    # Anything that fails from here on leaves nothing running behind.
    # shellcheck disable=SC2154 # rc is assigned inside the trap
    trap 'rc=$?; [[ $rc -ne 0 ]] && stop_all; exit $rc' EXIT
    started=$EPOCHREALTIME
    start_pg
    start_mysql
    trap - EXIT
    awk -v p="$MC_PG_PORT" -v m="$MC_MYSQL_PORT" -v t0="$started" -v t1="$EPOCHREALTIME" \
        'BEGIN { printf "servers.sh: PostgreSQL 127.0.0.1:%s, MariaDB 127.0.0.1:%s (%.1f s)\n", p, m, t1 - t0 }' >&2
    ;;
stop)
    stop_all
    ;;
env)
    [[ -f "$state" ]] || die "not started (no $state)"
    cat "$state"
    ;;
*)
    echo "usage: scripts/servers.sh start|stop|env" >&2
    exit 2
    ;;
esac
