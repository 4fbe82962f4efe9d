# Shared functions of the benchmark scripts: build the release binary, start and stop a
# throwaway cluster, create migrated databases, time commands, and take medians.
# Source it from a script in benchmarks/: `. "$(dirname "$0")/lib.sh"`.
set -euo pipefail
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$BENCH_ROOT/scripts/postgres.sh"

bench_log() { printf '==> %s\n' "$*" >&2; }

# Installs what the benchmarks need from Debian when missing (pgbench comes with PostgreSQL).
bench_ensure_tools() {
    py_ensure_packages
    local missing=()
    for tool in "$@"; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
    if [ ${#missing[@]} -gt 0 ]; then
        bench_log "installing ${missing[*]} with apt-get"
        py_as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive py_as_root apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

# Builds the release binary once and sets BENCH_BIN (set BENCH_BIN beforehand to use another
# binary, such as the debug build, and skip the build).
bench_build() {
    if [ -n "${BENCH_BIN:-}" ]; then bench_log "using $BENCH_BIN"; return; fi
    bench_log "building the release binary"
    (cd "$BENCH_ROOT" && swift build -c release --product projectyear >&2)
    BENCH_BIN="$(cd "$BENCH_ROOT" && swift build -c release --show-bin-path)/projectyear"
}

# Starts a throwaway cluster (fsync off, as in the tests) and sets BENCH_DIR, PGHOST, PGPORT,
# PGUSER; it is stopped and removed when the script exits.
bench_cluster_start() {
    BENCH_DIR=$(mktemp -d /tmp/projectyear-bench.XXXXXX)
    chmod 755 "$BENCH_DIR"
    trap 'bench_cluster_stop' EXIT INT TERM
    local port; port=$(py_free_port 56500)
    PY_FAST=1 py_cluster_start "$BENCH_DIR" "$port"
    export PGHOST="$BENCH_DIR/run" PGPORT="$port" PGUSER=postgres
    bench_log "throwaway PostgreSQL on port $port (socket $PGHOST)"
}

# bench_start TOOL…: what every benchmark does first: installs the tools it names, builds the
# release binary (BENCH_BIN), starts the throwaway cluster, and sets the demo users' passwords
# (bench-admin, bench-editor, bench-viewer) for `demo`.
bench_start() {
    bench_ensure_tools "$@"
    bench_build
    bench_cluster_start
    export DEMO_ADMIN_PASSWORD=bench-admin DEMO_EDITOR_PASSWORD=bench-editor DEMO_VIEWER_PASSWORD=bench-viewer
}

# bench_wait_ready PORT [TRIES]: waits until the server on PORT answers /health/ready (TRIES
# times 0.2 s at most, 100 by default).
bench_wait_ready() {
    for _ in $(seq 1 "${2:-100}"); do curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null && break; sleep 0.2; done
}

# bench_sign_in PORT USERNAME: a session token of the demo user USERNAME (password bench-editor)
# from the server on PORT; sessions live in the database, so it serves every server on it.
bench_sign_in() {
    curl -sf --retry 5 --retry-all-errors -X POST "http://127.0.0.1:$1/api/v1/sessions" -H 'content-type: application/json' \
        -d "{\"username\":\"$2\",\"password\":\"bench-editor\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

# bench_rss PID, bench_peak PID: a process's resident memory now (VmRSS) and at its peak (VmHWM), in MB.
bench_rss() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
bench_peak() { awk '/^VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

bench_cluster_stop() {
    [ -n "${BENCH_DIR:-}" ] || return 0
    py_cluster_stop "$BENCH_DIR"
    rm -rf "$BENCH_DIR"
    BENCH_DIR=
}

# bench_database NAME: a fresh, migrated database; prints its DATABASE_URL.
bench_database() {
    local name=$1
    psql -qX -d postgres -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >&2
    local url="postgresql://postgres@localhost:$PGPORT/$name?host=$PGHOST"
    DATABASE_URL=$url LOG_LEVEL=warning "$BENCH_BIN" migrate >/dev/null
    echo "$url"
}

# bench_as LOGIN URL: URL as LOGIN instead of postgres (serve runs as projectyear_server_login,
# worker as projectyear_worker_login: they refuse a superuser).
bench_as() {
    echo "${2/postgres@/$1@}"
}

# bench_time CMD...: runs CMD, prints its wall-clock seconds (stdout of CMD goes to stderr).
bench_time() {
    local start end
    start=$(date +%s.%N)
    "$@" >&2
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l | xargs printf '%.2f\n'
}

# bench_median NUMBERS...: the median.
bench_median() {
    printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# bench_ratio A B: A / B with two decimals.
bench_ratio() { echo "$1 / $2" | bc -l | xargs printf '%.2f\n'; }

# Describes the machine for docs/BENCHMARKS.md.
bench_machine() {
    printf '%s, %s cores, %s GB RAM, %s, PostgreSQL %s\n' \
        "$(lscpu | sed -n 's/^Model name: *//p' | head -1)" "$(nproc)" \
        "$(free -g | awk '/^Mem:/ { print $2 }')" "$(uname -sr)" "$("$PG_BIN/postgres" --version | awk '{ print $3 }')"
}

# The virtualenv of the FastAPI peer (benchmarks/peer/requirements.txt, pinned, from PyPI),
# created under .build/bench-peer-venv when missing or when the requirements change; prints it.
bench_peer_venv() {
    local venv=$BENCH_ROOT/.build/bench-peer-venv stamp
    stamp=$(sha256sum "$BENCH_ROOT/benchmarks/peer/requirements.txt" | cut -c1-16)
    if [ ! -f "$venv/.requirements-$stamp" ]; then
        bench_log "installing the peer's Python packages into $venv"
        rm -rf "$venv"
        python3 -m venv "$venv" >&2
        "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$BENCH_ROOT/benchmarks/peer/requirements.txt" >&2
        touch "$venv/.requirements-$stamp"
    fi
    echo "$venv"
}

# wrk_run WRK-ARGS...: wrk with 64 connections for $seconds s; prints "rps p50_ms p99_ms non2xx"
# (set BENCH_CONNECTIONS for another count) and writes the number of requests to $BENCH_DIR/wrk.requests.
wrk_run() {
    local out
    out=$(wrk -t2 -c"${BENCH_CONNECTIONS:-64}" -d"${seconds}s" --latency "$@" 2>&1)
    local rps p50 p99 bad
    [ -n "${BENCH_DIR:-}" ] && echo "$out" | awk '/requests in/ { print $1 }' >"$BENCH_DIR/wrk.requests"
    rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
    p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
    p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
    bad=$(echo "$out" | awk '/Non-2xx/ { print $NF }')
    echo "$rps $(to_ms "$p50") $(to_ms "$p99") ${bad:-0}"
}
to_ms() { case $1 in *us) echo "${1%us} / 1000" | bc -l | xargs printf '%.2f';; *ms) printf '%.2f' "${1%ms}";; *s) echo "${1%s} * 1000" | bc -l | xargs printf '%.2f';; esac; }

# bench_ticks PID...: CPU clock ticks (user + system) spent so far by the processes PID and all
# their descendants, live ones and those already exited (cutime, cstime).
bench_ticks() {
    local total=0 p u s cu cs
    for p in $(bench_tree "$@"); do
        read -r u s cu cs < <(sed -E 's/^.*\) //' "/proc/$p/stat" 2>/dev/null | awk '{ print $12, $13, $14, $15 }') || continue
        [ -n "$u" ] && total=$((total + u + s + cu + cs))
    done
    echo "$total"
}
bench_tree() { local p; for p in "$@"; do echo "$p"; bench_tree $(pgrep -P "$p"); done; }

# bench_statement_log_on / _off: PostgreSQL's log of every statement, for every session at once.
bench_statement_log_on() {
    psql -qX -d postgres -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
    sleep 0.5
}
bench_statement_log_off() {
    psql -qX -d postgres -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
}

# bench_statements CMD...: runs CMD (one request) and prints the statements PostgreSQL logged
# meanwhile, one "STATEMENT text" or "PARAMETERS values" line each, whitespace collapsed, the
# prepared statement's name and a final semicolon left out (the peer's driver names them its way).
bench_statements() {
    local log=$BENCH_DIR/postgres.log before
    before=$(wc -c <"$log")
    "$@" >/dev/null
    sleep 0.5
    tail -c +"$((before + 1))" "$log" | python3 -c '
import re, sys
records, current = [], None
for line in sys.stdin:
    if line.startswith("\t") and current is not None:
        current[1] += " " + line.strip(); continue
    m = re.search(r"(LOG|DETAIL):  (?:execute [^:]+: |statement: |parameters: )(.*)$", line.rstrip("\n"))
    if m is None:
        current = None; continue
    current = ["STATEMENT" if m.group(1) == "LOG" else "PARAMETERS", m.group(2)]
    records.append(current)
for kind, text in records:
    print(kind, re.sub(r"\s+", " ", text).strip().rstrip(";"))
'
}
