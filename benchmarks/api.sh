#!/usr/bin/env bash
# The API's hot paths against a fair FastAPI + asyncpg peer and two pgbench ceilings, in one run.
#
#   benchmarks/api.sh [SCALE [RUNS [SECONDS]]]     defaults: 10 3 10
#   BASELINE_BIN=/path/to/older/projectyear benchmarks/api.sh …   also measures that binary (A/B),
#   with BASELINE_ENV="NAME=value …" in its environment (BASELINE_BIN=$BENCH_BIN: a setting A/B)
#   BENCH_BIN=/path/to/projectyear benchmarks/api.sh …   measures that binary instead of building
#   PERF_OUT=/tmp/api.perf benchmarks/api.sh …   also records a CPU profile of the server (perf)
#   under the list's load, or under the PUT's with PERF_PATH=put
#
# Loads `demo --scale SCALE` (SCALE × 2,000 projects) and, for `GET /api/v1/projects` (50 rows, as
# one district's editor) and `PUT …/reports/{month}` (a new report each time, each measurement as
# the editor of a district of its own), measures alternately, RUNS times, SECONDS each, 64
# connections or clients: this server (wrk), the peer in benchmarks/peer (wrk), and pgbench sending
# the server's statements as the server sends them (`api/list.sql`, `api/report.*.sql`,
# `-M extended`) and prepared and pipelined (`-M prepared`, one pipeline per request).
#
# Fair by construction, and checked before measuring: one request of each kind is sent to the
# server and to the peer with PostgreSQL's statement log on, and the two sequences of statements
# (text and parameters) must be the same, or the script stops. The peer logs in as the server
# does, caches sessions as the server does, and sends nothing between requests.
# pgbench logs in as the server does too (the row-level security helpers answer the server's
# login from the role-membership cache, a superuser by a catalog query: migration 0104).
#
# Prints, per path and side: requests per second, p50/p99, and CPU milliseconds per request of the
# side's own processes (utime + stime from /proc) and of PostgreSQL (every process of the cluster).
. "$(dirname "$0")/lib.sh"
scale=${1:-10}
runs=${2:-3}
seconds=${3:-10}
here=$(cd "$(dirname "$0")" && pwd)

bench_start bc wrk curl
venv=$(bench_peer_venv)
url=$(bench_database bench_api)
DATABASE_URL=$url LOG_LEVEL=warning "$BENCH_BIN" demo --scale "$scale" --seed 1 --year 2026 >/dev/null
psql -qX -d bench_api -c "VACUUM ANALYZE" >/dev/null
sql() { psql -qXAt -d bench_api -c "$1"; }
# district N (0-based, in id order): "code id editor_id project_count project_ids"
district() {
    sql "SELECT a.code, a.id, u.id, count(p.id), string_agg(p.id::text, ',' ORDER BY p.id)
           FROM (SELECT * FROM app.agencies WHERE kind = 'district' ORDER BY id OFFSET $1 LIMIT 1) a
           JOIN app.users u ON u.username = a.code || '.editor' JOIN app.projects p ON p.district_id = a.id
          GROUP BY a.code, a.id, u.id" | tr '|' ' '
}

servers=(api peer)
pids=()
trap 'for p in "${pids[@]}"; do kill $p 2>/dev/null; wait $p 2>/dev/null; done; bench_cluster_stop' EXIT INT TERM
start_server() { # NAME BINARY [NAME=VALUE…]: one of our servers with a pool of 16
    port[$1]=$(py_free_port $((18500 + ${#pids[@]} * 10)))
    env DATABASE_URL="$(bench_as projectyear_server_login "$url")" HTTP_PORT="${port[$1]}" LOG_LEVEL=warning DATABASE_POOL_MAX=16 "${@:3}" "$2" serve >&2 &
    pids+=($!); pid[$1]=$!
}
declare -A port pid
start_server api "$BENCH_BIN"
if [ -n "${BASELINE_BIN:-}" ]; then start_server baseline "$BASELINE_BIN" ${BASELINE_ENV:-}; servers+=(baseline); fi
port[peer]=$(py_free_port 18600)
(cd "$here/peer" && DATABASE_URL="postgresql://projectyear_server_login@/bench_api?host=$PGHOST&port=$PGPORT" POOL_SIZE=8 \
    exec "$venv/bin/uvicorn" app:app --host 127.0.0.1 --port "${port[peer]}" --workers 2 --loop uvloop \
    --http httptools --no-access-log --log-level warning) &
pids+=($!); pid[peer]=$!
for name in "${servers[@]}"; do # ready when an unauthenticated list answers 401
    for _ in $(seq 1 150); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${port[$name]}/api/v1/projects")" = 401 ] && break
        sleep 0.2
    done
done
read -r list_code list_aid list_uid list_n list_ids <<<"$(district 0)"
list_token=$(bench_sign_in "${port[api]}" "$list_code.editor")
bench_log "GET projects as $list_code.editor ($list_n projects); servers: ${servers[*]}"

# The peer must answer the list byte for byte as the server does.
for name in "${servers[@]}"; do
    curl -sf -H "Authorization: Bearer $list_token" "http://127.0.0.1:${port[$name]}/api/v1/projects" >"$BENCH_DIR/list.$name.json"
done
if ! cmp -s "$BENCH_DIR/list.api.json" "$BENCH_DIR/list.peer.json"; then
    diff <(tr ',' '\n' <"$BENCH_DIR/list.api.json") <(tr ',' '\n' <"$BENCH_DIR/list.peer.json") | head -20 >&2
    bench_log "the peer's list differs from the server's"; exit 1
fi
bench_log "the peer's list is byte-identical to the server's ($(wc -c <"$BENCH_DIR/list.api.json") bytes)"

load() { cut -d' ' -f1 /proc/loadavg; }
postmaster=$(head -1 "$BENCH_DIR/data/postmaster.pid")
tick_ms=$(echo "1000 / $(getconf CLK_TCK)" | bc -l)
cpu_ms_per() { # TICKS_BEFORE TICKS_AFTER REQUESTS: CPU milliseconds per request
    echo "($2 - $1) * $tick_ms / $3" | bc -l | xargs printf '%.3f\n'
}

# The same checks of every side: one request of each kind with PostgreSQL's statement log on.
bench_statement_log_on
check_put() { # NAME MONTH: a PUT creating the list district's first project's report of MONTH
    curl -s -o "$BENCH_DIR/put.$1.json" -w '%{http_code}' -X PUT -H "Authorization: Bearer $list_token" -H 'content-type: application/json' \
        -d '{"investment_completed": 12.5, "progress": "check", "problems": ""}' \
        "http://127.0.0.1:${port[$1]}/api/v1/projects/${list_ids%%,*}/reports/$2"
}
check_list() { # NAME
    curl -s -o /dev/null -H "Authorization: Bearer $list_token" "http://127.0.0.1:${port[$1]}/api/v1/projects"
}
# The steady state: the token cached and the statements prepared. A side with several worker
# processes (the peer has two) may send a request to a worker that has not seen the token yet;
# that request is sent again until one answers from a warm worker (at most 12 tries).
month_index=0
steady() { # PATH NAME: the statements of one steady-state request
    local try out
    for try in $(seq 1 12); do
        month_index=$((month_index + 1))
        local year=$((2001 + month_index / 12)) month=$((month_index % 12 + 1))
        if [ "$1" = list ]; then out=$(bench_statements check_list "$2"); else
            # the month differs between the sides' PUTs: named MONTH, its year Y and number M
            out=$(bench_statements check_put "$2" "$(printf '%04d-%02d' $year $month)" |
                sed -E "s/'$(printf '%04d-%02d' $year $month)-01'/'MONTH'/g; s/^(PARAMETERS \\\$1 = )'$month', \\\$2 = '$year'(, .*)$/\\1'M', \\\$2 = 'Y'\\2/")
        fi
        grep -q 'session_caller' <<<"$out" || { echo "$out"; return; }
    done
    echo "$out"
}
for name in "${servers[@]}"; do
    for path in list put; do steady "$path" "$name" >/dev/null; steady "$path" "$name" >"$BENCH_DIR/statements.$path.$name"; done
done
bench_statement_log_off
for path in list put; do
    if ! cmp -s "$BENCH_DIR/statements.$path.api" "$BENCH_DIR/statements.$path.peer"; then
        diff "$BENCH_DIR/statements.$path.api" "$BENCH_DIR/statements.$path.peer" >&2
        bench_log "the peer's $path statements differ from the server's (above: < server, > peer)"; exit 1
    fi
    bench_log "$path: the peer sends the server's $(grep -c '^STATEMENT' "$BENCH_DIR/statements.$path.api") statements, same text and parameters"
done
if [ "$(python3 -c 'import json,sys; a,b=(json.load(open(f)) for f in sys.argv[1:]); print(list(a)==list(b))' "$BENCH_DIR/put.api.json" "$BENCH_DIR/put.peer.json")" != True ]; then
    bench_log "the peer's PUT answer has other members than the server's"; exit 1
fi

pgbench_run() { # FILE MODE UID AID NPROJECTS BASE: prints "tps transactions" (stops on a pgbench error)
    local out=$BENCH_DIR/pgbench.out
    "$PG_BIN/pgbench" -n -M "$2" -U projectyear_server_login -c 64 -j 2 -T "$seconds" -f "$1" -D role=projectyear_app -D uid="$3" -D aid="$4" \
        -D kind=district -D urole=editor -D none=none -D limit=50 -D offset=0 -D nprojects="$5" -D base="$6" -D k=0 \
        -D amount=12.5 -D progress=pgbench bench_api >"$out" 2>&1
    if ! grep -q '^tps' "$out" || grep -q 'aborted' "$out"; then tail -n 15 "$out" >&2; bench_log "pgbench failed with $1"; exit 1; fi
    awk '/^number of transactions actually processed/ { split($6, n, "/"); count = n[1] } /^tps/ { tps = $3 } END { print tps, count }' "$out"
}
report_script() { # MODE IDS: the PUT script for pgbench with the district's project ids as an \if chain
    local file=$BENCH_DIR/report.$1.sql i=0 id
    { cat "$here/api/report.head.sql"
      for id in ${2//,/ }; do [ $i = 0 ] && echo "\\if :pick = 0" || echo "\\elif :pick = $i"; echo "\\set pid $id"; i=$((i + 1)); done
      echo '\endif'
      [ "$1" = prepared ] && echo '\startpipeline'
      cat "$here/api/report.body.sql"
      [ "$1" = prepared ] && echo '\endpipeline'
    } >"$file"
    echo "$file"
}

declare -A results
record() { # KEY VALUE…
    local key=$1; shift; results[$key]+="$* "
}
measure_wrk() { # KEY NAME WRK-ARGS…: one wrk measurement of side NAME with its CPU per request
    local key=$1 name=$2 own pg rps p50 p99 bad requests; shift 2
    own=$(bench_ticks "${pid[$name]}"); pg=$(bench_ticks "$postmaster")
    read -r rps p50 p99 bad <<<"$(wrk_run "$@")"
    requests=$(cat "$BENCH_DIR/wrk.requests")
    own=$(cpu_ms_per "$own" "$(bench_ticks "${pid[$name]}")" "$requests"); pg=$(cpu_ms_per "$pg" "$(bench_ticks "$postmaster")" "$requests")
    record "$key" "$rps"; record "${key}_p50" "$p50"; record "${key}_p99" "$p99"; record "${key}_cpu" "$own"; record "${key}_pg" "$pg"
    bench_log "run $run $key: $rps req/s (p50 $p50 ms, p99 $p99 ms, non-2xx $bad), CPU ms/request: own $own, PostgreSQL $pg; load $(load)"
}
measure_pgbench() { # KEY FILE MODE UID AID NPROJECTS BASE
    local key=$1 pg tps count; shift
    pg=$(bench_ticks "$postmaster")
    read -r tps count <<<"$(pgbench_run "$@")"
    [ -n "$tps" ] || exit 1
    pg=$(cpu_ms_per "$pg" "$(bench_ticks "$postmaster")" "$count")
    record "$key" "$tps"; record "${key}_pg" "$pg"
    bench_log "run $run $key: $tps tps, PostgreSQL CPU ms/transaction $pg; load $(load)"
}
measure=0
for run in $(seq 1 "$runs"); do
    # Alternate the order of the servers from run to run, so neither always follows pgbench.
    order=("${servers[@]}"); [ $((run % 2)) -eq 0 ] && order=($(printf '%s\n' "${servers[@]}" | tac))
    for name in "${order[@]}"; do
        measure_wrk "list_$name" "$name" -H "Authorization: Bearer $list_token" "http://127.0.0.1:${port[$name]}/api/v1/projects"
    done
    for mode in extended prepared; do
        file=$here/api/list.sql
        if [ $mode = prepared ]; then # the same statements as one pipeline
            file=$BENCH_DIR/list.prepared.sql
            { echo '\startpipeline'; grep -v '^--' "$here/api/list.sql"; echo '\endpipeline'; } >"$file"
        fi
        measure_pgbench "list_pg_$mode" "$file" $mode "$list_uid" "$list_aid" "$list_n" 0
    done
    for name in "${order[@]}"; do
        measure=$((measure + 1))
        read -r code _ _ _ ids <<<"$(district "$measure")"
        token=$(bench_sign_in "${port[api]}" "$code.editor")
        curl -s -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:${port[$name]}/api/v1/projects" # cache the token
        BENCH_TOKEN=$token BENCH_PROJECTS=$ids measure_wrk "put_$name" "$name" -s "$here/api/report.lua" "http://127.0.0.1:${port[$name]}"
    done
    for mode in extended prepared; do
        measure=$((measure + 1))
        read -r _ aid uid n ids <<<"$(district "$measure")"
        measure_pgbench "put_pg_$mode" "$(report_script $mode "$ids")" $mode "$uid" "$aid" "$n" 0
    done
done

median() { bench_median ${results[$1]}; }
echo "machine: $(bench_machine); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: benchmarks/api.sh $scale $runs $seconds (64 connections, ${seconds}s each, medians of $runs, alternating)"
for path in list put; do
    api=$(median "${path}_api"); peer=$(median "${path}_peer")
    sent=$(median "${path}_pg_extended"); piped=$(median "${path}_pg_prepared")
    for name in "${servers[@]}"; do
        echo "$path $name: $(median "${path}_$name") req/s (p50 $(median "${path}_${name}_p50") ms, p99 $(median "${path}_${name}_p99") ms; CPU ms/request: own $(median "${path}_${name}_cpu"), PostgreSQL $(median "${path}_${name}_pg"))"
    done
    echo "$path pgbench: as sent $sent tps (PostgreSQL CPU ms/transaction $(median "${path}_pg_extended_pg")), prepared and pipelined $piped tps ($(median "${path}_pg_prepared_pg"))"
    echo "$path ratios: api/peer $(bench_ratio "$api" "$peer"), api/pgbench-as-sent $(bench_ratio "$api" "$sent"), api/pgbench-pipelined $(bench_ratio "$api" "$piped"), own CPU api/peer $(bench_ratio "$(median "${path}_api_cpu")" "$(median "${path}_peer_cpu")"), PostgreSQL CPU api/pgbench-pipelined $(bench_ratio "$(median "${path}_api_pg")" "$(median "${path}_pg_prepared_pg")")$( \
        [ -n "${port[baseline]:-}" ] && echo ", api/baseline $(bench_ratio "$api" "$(median "${path}_baseline")")")"
done
if [ -n "${PERF_OUT:-}" ]; then # a CPU profile of the server under the list's (or the PUT's) load
    if [ "${PERF_PATH:-list}" = put ]; then
        read -r code _ _ _ ids <<<"$(district "$((measure + 1))")"
        token=$(bench_sign_in "${port[api]}" "$code.editor")
        curl -s -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:${port[api]}/api/v1/projects"
        BENCH_TOKEN=$token BENCH_PROJECTS=$ids wrk -t2 -c64 -d"$((seconds + 2))s" -s "$here/api/report.lua" "http://127.0.0.1:${port[api]}" >/dev/null 2>&1 &
    else
        wrk -t2 -c64 -d"$((seconds + 2))s" -H "Authorization: Bearer $list_token" "http://127.0.0.1:${port[api]}/api/v1/projects" >/dev/null 2>&1 &
    fi
    perf record -g -p "${pid[api]}" -o "$PERF_OUT" -- sleep "$seconds" >/dev/null 2>&1; wait $!
    bench_log "profile in $PERF_OUT (perf report -i $PERF_OUT --no-children)"
fi
wrk -t2 -c256 -d"${seconds}s" -H "Authorization: Bearer $list_token" "http://127.0.0.1:${port[api]}/api/v1/projects" >/dev/null 2>&1
echo "peak server memory after 256 connections (VmHWM): $(awk '/VmHWM/ { print $2, $3 }' "/proc/${pid[api]}/status")"
