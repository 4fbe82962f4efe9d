#!/usr/bin/env bash
# The API's hot paths against their ceiling: pgbench running the same SQL with the same
# row-level-security settings on the same database, in the same run.
#
#   benchmarks/api.sh [SCALE [RUNS [SECONDS]]]     defaults: 100 3 10
#
# Loads `demo --scale SCALE` (SCALE × 2,000 projects), signs in as one district's editor, and for
# `GET /api/v1/projects` (50 rows) and `PUT …/reports/{month}` (a new report each time) runs wrk
# with 64 connections and pgbench with 64 clients, RUNS times each; prints medians and ratios.
. "$(dirname "$0")/lib.sh"
scale=${1:-100}
runs=${2:-3}
seconds=${3:-10}
here=$(cd "$(dirname "$0")" && pwd)

bench_ensure_tools bc wrk curl
bench_build
bench_cluster_start
export DEMO_ADMIN_PASSWORD=bench-admin DEMO_EDITOR_PASSWORD=bench-editor DEMO_VIEWER_PASSWORD=bench-viewer
url=$(bench_database bench_api)
DATABASE_URL=$url LOG_LEVEL=warning "$BENCH_BIN" demo --scale "$scale" --seed 1 --year 2026 >/dev/null
psql -qX -d bench_api -c "VACUUM ANALYZE" >/dev/null

district=$(psql -qXAt -d bench_api -c "SELECT code FROM app.agencies WHERE kind = 'district' ORDER BY id LIMIT 1")
aid=$(psql -qXAt -d bench_api -c "SELECT id FROM app.agencies WHERE code = '$district'")
uid=$(psql -qXAt -d bench_api -c "SELECT id FROM app.users WHERE username = '$district.editor'")
nprojects=$(psql -qXAt -d bench_api -c "SELECT count(*) FROM app.projects WHERE district_id = $aid")
export BENCH_PROJECTS=$(psql -qXAt -d bench_api -c "SELECT string_agg(id::text, ',' ORDER BY id) FROM app.projects WHERE district_id = $aid")
port=$(py_free_port 18500)
DATABASE_URL=$(bench_as projectyear_server_login "$url") HTTP_PORT=$port LOG_LEVEL=warning DATABASE_POOL_MAX=16 "$BENCH_BIN" serve &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; bench_cluster_stop' EXIT INT TERM
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done
token=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/sessions" -H 'content-type: application/json' \
    -d "{\"username\":\"$district.editor\",\"password\":\"bench-editor\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
export BENCH_TOKEN=$token
bench_log "district $district (id $aid, $nprojects projects), server pid $server on port $port"

# pgbench_run FILE: prints "tps p50_ms"
pgbench_run() {
    local out
    out=$("$PG_BIN/pgbench" -n -M extended -c 64 -j 2 -T "$seconds" -f "$1" -D token="$token" -D uid="$uid" -D aid="$aid" \
        -D none=none -D nprojects="$nprojects" -r bench_api 2>&1)
    echo "$(echo "$out" | awk '/^tps/ { print $3 }') $(echo "$out" | awk '/latency average/ { print $4 }')"
}

declare -A results
for run in $(seq 1 "$runs"); do
    read -r rps p50 p99 bad <<<"$(wrk_run -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/projects")"
    results[list_api]+="$rps "; results[list_p50]+="$p50 "; results[list_p99]+="$p99 "
    read -r tps lat <<<"$(pgbench_run "$here/api/list.sql")"
    results[list_pg]+="$tps "
    bench_log "run $run GET projects: api $rps req/s (p50 $p50 ms, p99 $p99 ms, non-2xx $bad); pgbench $tps tps"
    read -r rps p50 p99 bad <<<"$(BENCH_OFFSET=$(( (run - 1) * 20000 )) wrk_run -s "$here/api/report.lua" "http://127.0.0.1:$port")"
    results[put_api]+="$rps "; results[put_p50]+="$p50 "; results[put_p99]+="$p99 "
    read -r tps lat <<<"$(pgbench_run "$here/api/report.sql")"
    results[put_pg]+="$tps "
    bench_log "run $run PUT report: api $rps req/s (p50 $p50 ms, p99 $p99 ms, non-2xx $bad); pgbench $tps tps"
done

median() { bench_median $1; }
echo "machine: $(bench_machine)"
echo "command: benchmarks/api.sh $scale $runs $seconds (64 connections, ${seconds}s each, medians of $runs)"
for path in list put; do
    api=$(median "${results[${path}_api]}"); pg=$(median "${results[${path}_pg]}")
    echo "$path: api $api req/s (p50 $(median "${results[${path}_p50]}") ms, p99 $(median "${results[${path}_p99]}") ms); pgbench $pg tps; api/pgbench $(bench_ratio "$api" "$pg")"
done
read -r rps p50 p99 bad <<<"$(wrk -t2 -c256 -d"${seconds}s" --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/projects" >/dev/null 2>&1; echo 0 0 0 0)"
echo "peak server memory after 256 connections (VmHWM): $(awk '/VmHWM/ { print $2, $3 }' /proc/$server/status)"
