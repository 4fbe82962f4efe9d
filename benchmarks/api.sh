#!/usr/bin/env bash
# The API's hot paths against a FastAPI + asyncpg peer and two pgbench ceilings, in one run.
#
#   benchmarks/api.sh [SCALE [RUNS [SECONDS]]]     defaults: 100 3 10
#   BASELINE_BIN=/path/to/older/projectyear benchmarks/api.sh …   also measures that binary (A/B),
#   with BASELINE_ENV="NAME=value …" in its environment (BASELINE_BIN=$BENCH_BIN: a setting A/B)
#   BENCH_BIN=/path/to/projectyear benchmarks/api.sh …   measures that binary instead of building
#   PERF_OUT=/tmp/api.perf benchmarks/api.sh …   also records a CPU profile of the server (perf)
#
# Loads `demo --scale SCALE` (SCALE × 2,000 projects) and, for `GET /api/v1/projects` (50 rows, as
# one district's editor) and `PUT …/reports/{month}` (a new report each time, each measurement as
# the editor of a district of its own), measures alternately, RUNS times, SECONDS each, 64
# connections or clients: this server (wrk), the peer in benchmarks/peer (wrk), pgbench with the
# statements as this server sent them before pipelining (`api/list.sql`, `api/report.sql`,
# `-M extended`) and pgbench with the same statements prepared and pipelined
# (`api/*_pipelined.sql`, `-M prepared`). Prints medians, ratios, the load average of each
# measurement, and the server's peak memory after 256 connections.
. "$(dirname "$0")/lib.sh"
scale=${1:-100}
runs=${2:-3}
seconds=${3:-10}
here=$(cd "$(dirname "$0")" && pwd)

bench_ensure_tools bc wrk curl
bench_build
venv=$(bench_peer_venv)
bench_cluster_start
export DEMO_ADMIN_PASSWORD=bench-admin DEMO_EDITOR_PASSWORD=bench-editor DEMO_VIEWER_PASSWORD=bench-viewer
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
(cd "$here/peer" && DATABASE_URL="postgresql://postgres@/bench_api?host=$PGHOST&port=$PGPORT" POOL_SIZE=8 \
    exec "$venv/bin/uvicorn" app:app --host 127.0.0.1 --port "${port[peer]}" --workers 2 --loop uvloop \
    --http httptools --no-access-log --log-level warning) &
pids+=($!)
for name in "${servers[@]}"; do # ready when an unauthenticated list answers 401
    for _ in $(seq 1 150); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${port[$name]}/api/v1/projects")" = 401 ] && break
        sleep 0.2
    done
done
sign_in() { # USERNAME: a token (sessions live in the database, so it serves every server)
    curl -sf -X POST "http://127.0.0.1:${port[api]}/api/v1/sessions" -H 'content-type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"bench-editor\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
read -r list_code list_aid list_uid list_n _ <<<"$(district 0)"
list_token=$(sign_in "$list_code.editor")
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
pgbench_run() { # FILE MODE TOKEN UID AID NPROJECTS: prints "tps"
    "$PG_BIN/pgbench" -n -M "$2" -c 64 -j 2 -T "$seconds" -f "$1" -D token="$3" -D uid="$4" -D aid="$5" \
        -D none=none -D nprojects="$6" bench_api 2>&1 | awk '/^tps/ { print $3 }'
}

declare -A results
record() { # KEY VALUE…
    local key=$1; shift; results[$key]+="$* "
}
measure=0
for run in $(seq 1 "$runs"); do
    # Alternate the order of the servers from run to run, so neither always follows pgbench.
    order=("${servers[@]}"); [ $((run % 2)) -eq 0 ] && order=($(printf '%s\n' "${servers[@]}" | tac))
    for name in "${order[@]}"; do
        read -r rps p50 p99 bad <<<"$(wrk_run -H "Authorization: Bearer $list_token" "http://127.0.0.1:${port[$name]}/api/v1/projects")"
        record "list_$name" "$rps"; record "list_${name}_p50" "$p50"; record "list_${name}_p99" "$p99"
        bench_log "run $run GET $name: $rps req/s (p50 $p50 ms, p99 $p99 ms, non-2xx $bad), load $(load)"
    done
    for mode in extended prepared; do
        file=$here/api/list.sql; [ $mode = prepared ] && file=$here/api/list_pipelined.sql
        tps=$(pgbench_run "$file" $mode "$list_token" "$list_uid" "$list_aid" "$list_n")
        record "list_pg_$mode" "$tps"; bench_log "run $run GET pgbench -M $mode: $tps tps, load $(load)"
    done
    for name in "${order[@]}"; do
        measure=$((measure + 1))
        read -r code _ _ _ ids <<<"$(district "$measure")"
        token=$(sign_in "$code.editor")
        read -r rps p50 p99 bad <<<"$(BENCH_TOKEN=$token BENCH_PROJECTS=$ids wrk_run -s "$here/api/report.lua" "http://127.0.0.1:${port[$name]}")"
        record "put_$name" "$rps"; record "put_${name}_p50" "$p50"; record "put_${name}_p99" "$p99"
        bench_log "run $run PUT $name ($code): $rps req/s (p50 $p50 ms, p99 $p99 ms, non-2xx $bad), load $(load)"
    done
    for mode in extended prepared; do
        file=$here/api/report.sql; [ $mode = prepared ] && file=$here/api/report_pipelined.sql
        tps=$(pgbench_run "$file" $mode "$list_token" "$list_uid" "$list_aid" "$list_n")
        record "put_pg_$mode" "$tps"; bench_log "run $run PUT pgbench -M $mode: $tps tps, load $(load)"
    done
done

median() { bench_median ${results[$1]}; }
echo "machine: $(bench_machine); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: benchmarks/api.sh $scale $runs $seconds (64 connections, ${seconds}s each, medians of $runs, alternating)"
for path in list put; do
    api=$(median "${path}_api"); peer=$(median "${path}_peer")
    sent=$(median "${path}_pg_extended"); piped=$(median "${path}_pg_prepared")
    for name in "${servers[@]}"; do
        echo "$path $name: $(median "${path}_$name") req/s (p50 $(median "${path}_${name}_p50") ms, p99 $(median "${path}_${name}_p99") ms)"
    done
    echo "$path pgbench: as sent $sent tps, prepared and pipelined $piped tps"
    echo "$path ratios: api/peer $(bench_ratio "$api" "$peer"), api/pgbench-as-sent $(bench_ratio "$api" "$sent"), api/pgbench-pipelined $(bench_ratio "$api" "$piped")$( \
        [ -n "${port[baseline]:-}" ] && echo ", api/baseline $(bench_ratio "$api" "$(median "${path}_baseline")")")"
done
if [ -n "${PERF_OUT:-}" ]; then # a CPU profile of the server under the list's load
    wrk -t2 -c64 -d"$((seconds + 2))s" -H "Authorization: Bearer $list_token" "http://127.0.0.1:${port[api]}/api/v1/projects" >/dev/null 2>&1 &
    perf record -g -p "${pid[api]}" -o "$PERF_OUT" -- sleep "$seconds" >/dev/null 2>&1; wait $!
    bench_log "profile in $PERF_OUT (perf report -i $PERF_OUT --no-children)"
fi
wrk -t2 -c256 -d"${seconds}s" -H "Authorization: Bearer $list_token" "http://127.0.0.1:${port[api]}/api/v1/projects" >/dev/null 2>&1
echo "peak server memory after 256 connections (VmHWM): $(awk '/VmHWM/ { print $2, $3 }' "/proc/${pid[api]}/status")"
