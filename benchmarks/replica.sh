#!/usr/bin/env bash
# Reads on a streaming standby, on one machine: `GET /api/v1/projects` (50 rows, 64 connections)
# with the primary alone against the primary + one hot standby; the standby's replay lag under the
# PUT load of api.sh; and the read-your-writes wait of sessions alternating PUT and GET.
#
#   benchmarks/replica.sh [SCALE [RUNS [SECONDS]]]     defaults: 20 3 10
. "$(dirname "$0")/lib.sh"
scale=${1:-20}
runs=${2:-3}
seconds=${3:-10}
here=$(cd "$(dirname "$0")" && pwd)

bench_start bc wrk curl
url=$(bench_database bench_replica)
DATABASE_URL=$url LOG_LEVEL=warning "$BENCH_BIN" demo --scale "$scale" --seed 1 --year 2026 >/dev/null
psql -qX -d bench_replica -c "VACUUM ANALYZE" >/dev/null
replica_dir="$BENCH_DIR/replica"
replica_port=$(py_free_port $((PGPORT + 1)))
PY_FAST=1 py_replica_start "$BENCH_DIR" "$PGPORT" "$replica_dir" "$replica_port"
servers=()
trap 'kill "${servers[@]}" 2>/dev/null; wait 2>/dev/null; py_cluster_stop "$replica_dir"; bench_cluster_stop' EXIT INT TERM

district=$(psql -qXAt -d bench_replica -c "SELECT code FROM app.agencies WHERE kind = 'district' ORDER BY id LIMIT 1")
aid=$(psql -qXAt -d bench_replica -c "SELECT id FROM app.agencies WHERE code = '$district'")
export BENCH_PROJECTS=$(psql -qXAt -d bench_replica -c "SELECT string_agg(id::text, ',' ORDER BY id) FROM app.projects WHERE district_id = $aid")

# serve [VARIABLE=VALUE…]: starts a server with these settings; prints its port.
serve() {
    local port; port=$(py_free_port $((18600 + ${#servers[@]} * 10)))
    env DATABASE_URL="$(bench_as projectyear_server_login "$url")" HTTP_PORT="$port" LOG_LEVEL=warning DATABASE_POOL_MAX=16 "$@" "$BENCH_BIN" serve >&2 &
    servers+=($!)
    bench_wait_ready "$port"
    echo "$port"
}
alone=$(serve)
paired=$(serve DATABASE_REPLICA_URLS="postgresql://projectyear_server_login@localhost:$replica_port/bench_replica")
until curl -sf "http://127.0.0.1:$paired/health/ready" | grep -q '"state":"streaming"'; do sleep 0.2; done
token=$(bench_sign_in "$alone" "$district.editor")
export BENCH_TOKEN=$token
bench_log "district $district, primary alone on port $alone, primary + standby (port $replica_port) on port $paired"

declare -A results
for run in $(seq 1 "$runs"); do
    for setup in alone paired; do
        read -r rps p50 p99 bad <<<"$(wrk_run -H "Authorization: Bearer $token" "http://127.0.0.1:${!setup}/api/v1/projects")"
        results[$setup]+="$rps "; results[${setup}_p99]+="$p99 "
        bench_log "run $run GET projects, $setup: $rps req/s (p50 $p50 ms, p99 $p99 ms, non-2xx $bad)"
    done
done

# Replay lag while the PUT load of api.sh runs against the primary (sampled every 0.2 s).
lags="$BENCH_DIR/lags"
( while :; do psql -qXAt -d postgres -c "SELECT coalesce(extract(epoch FROM replay_lag) * 1000, 0)::int, pg_wal_lsn_diff(sent_lsn, replay_lsn) FROM pg_stat_replication" >>"$lags"; sleep 0.2; done ) &
sampler=$!
read -r rps p50 p99 bad <<<"$(wrk_run -s "$here/api/report.lua" "http://127.0.0.1:$paired")"
kill $sampler; wait $sampler 2>/dev/null || true
bench_log "PUT report: $rps req/s (p50 $p50 ms, p99 $p99 ms, non-2xx $bad)"
lag_ms=$(cut -d'|' -f1 "$lags"); lag_bytes=$(cut -d'|' -f2 "$lags")

# Read your own writes: 8 sessions' worth of connections alternating PUT and GET (one token).
read -r rps p50 p99 bad <<<"$(BENCH_CONNECTIONS=8 BENCH_OFFSET=100000 wrk_run -s "$here/api/read-your-writes.lua" "http://127.0.0.1:$paired")"
bench_log "PUT then GET: $rps req/s (p50 $p50 ms, p99 $p99 ms, non-2xx $bad)"
metrics=$(curl -sf "http://127.0.0.1:$paired/metrics")
# quantile Q: the upper bound (ms) of the histogram bucket holding quantile Q of the waits.
quantile() {
    echo "$metrics" | awk -v q="$1" -F'[{}" ]+' '/^db_replica_read_your_writes_wait_bucket/ {
        for (i = 2; i < NF; i++) if ($i ~ /le=$/) le = $(i + 1)
        count[le] += $NF; if (!(le in seen)) { seen[le] = 1; order[++n] = le } }
        END { total = count["+Inf"]; for (i = 1; i <= n; i++) if (count[order[i]] >= q * total) { print (order[i] == "+Inf" ? "inf" : order[i] * 1000); exit } }'
}
waits=$(echo "$metrics" | awk '/^db_replica_read_your_writes_wait_count/ { s += $NF } END { print s + 0 }')
gave_up=$(echo "$metrics" | awk '/^db_replica_read_your_writes_wait_count\{caught_up="false"/ { print $NF }')
reads=$(echo "$metrics" | awk '/^db_reads_total/ { printf "%s ", $0 }')

echo "machine: $(bench_machine)"
echo "command: benchmarks/replica.sh $scale $runs $seconds (64 connections, ${seconds}s each, medians of $runs)"
a=$(bench_median ${results[alone]}); p=$(bench_median ${results[paired]})
echo "GET projects: primary alone $a req/s (p99 $(bench_median ${results[alone_p99]}) ms); primary + standby $p req/s (p99 $(bench_median ${results[paired_p99]}) ms); ratio $(bench_ratio "$p" "$a")"
echo "replay lag under PUT ($rps req/s): median $(bench_median $lag_ms) ms, max $(printf '%s\n' $lag_ms | sort -g | tail -1) ms; bytes behind median $(bench_median $lag_bytes), max $(printf '%s\n' $lag_bytes | sort -g | tail -1)"
echo "read-your-writes waits: $waits (gave up: ${gave_up:-0}); p50 <= $(quantile 0.5) ms, p99 <= $(quantile 0.99) ms (bucket bounds)"
echo "reads routed: $reads"
