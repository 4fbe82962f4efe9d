#!/usr/bin/env bash
# The fifth campaign year against the first (issue 27): the same province loaded with one year of
# history and with five (`demo --scale SCALE --years 1|5`, 2022–2026), each path measured on both
# databases alternately, RUNS times:
#
#   benchmarks/years.sh [SCALE [RUNS [SECONDS]]]     defaults: 10 3 5
#
# - GET /api/v1/projects (a district's editor), GET /api/v1/plans?year=2026 (the plan list),
#   GET /api/v1/projects/{id}/plans/2026 (one plan page), PUT …/reports/{month} (a new report each
#   request, a district of its own per measurement): wrk, 64 connections, SECONDS each; and
#   GET /api/v1/reviews?status=submitted&month=2026-11 (the county editor's review queue of the
#   month, as the console filters it; 8 connections: a county's reviewers); requests per second and p99;
# - the reminder scan (a worker's first scan of a fresh copy of each database, its own timing,
#   RUNS times, alternately);
# - the year-end run (2026, `year`: the worker's finished_at − started_at) and the bare aggregate of
#   the same rows (2026's reports, receipts and statistics) by psql.
# Prints medians and the ratio year 5 / year 1 of each (time) or year 1 / year 5 (throughput):
# the goal is at most 1.1.
. "$(dirname "$0")/lib.sh"
scale=${1:-10}
runs=${2:-3}
seconds=${3:-5}
here=$(cd "$(dirname "$0")" && pwd)

bench_start bc wrk curl
declare -A url port pid
pids=()
trap 'for p in "${pids[@]}"; do kill $p 2>/dev/null; wait $p 2>/dev/null; done; bench_cluster_stop' EXIT INT TERM
for years in 1 5; do
    db=bench_years$years
    url[$years]=$(bench_database $db)
    bench_log "loading demo --scale $scale --years $years"
    DATABASE_URL=${url[$years]} LOG_LEVEL=warning "$BENCH_BIN" demo --scale "$scale" --seed 1 --year 2026 --years $years >/dev/null
    psql -qX -d $db -c "VACUUM ANALYZE" >/dev/null
    bench_log "years $years: $(psql -qXAt -d $db -c "SELECT (SELECT count(*) FROM app.projects) || ' projects, ' ||
        (SELECT count(*) FROM app.monthly_reports) || ' reports, ' || (SELECT count(*) FROM app.investment_plans) || ' plans, ' ||
        (SELECT count(*) FROM app.history) || ' history rows'")"
    port[$years]=$(py_free_port $((18700 + years * 10)))
    DATABASE_URL="$(bench_as projectyear_server_login "${url[$years]}")" HTTP_PORT="${port[$years]}" LOG_LEVEL=warning DATABASE_POOL_MAX=16 "$BENCH_BIN" serve >&2 &
    pids+=($!); pid[$years]=$!
done
for years in 1 5; do
    for _ in $(seq 1 150); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${port[$years]}/api/v1/projects")" = 401 ] && break
        sleep 0.2
    done
done
sql() { psql -qXAt -d bench_years1 -c "$1"; } # ids and codes are the same in both databases (same seed)
district() { # N: "code ids" of the N-th district (0-based, in id order)
    sql "SELECT a.code, string_agg(p.id::text, ',' ORDER BY p.id)
           FROM (SELECT * FROM app.agencies WHERE kind = 'district' ORDER BY id OFFSET $1 LIMIT 1) a
           JOIN app.projects p ON p.district_id = a.id GROUP BY a.code" | tr '|' ' '
}
read -r list_code list_ids <<<"$(district 0)"
county=$(sql "SELECT code FROM app.agencies WHERE kind = 'county' ORDER BY id LIMIT 1")
declare -A editor reviewer
for years in 1 5; do editor[$years]=$(bench_sign_in "${port[$years]}" "$list_code.editor"); reviewer[$years]=$(bench_sign_in "${port[$years]}" "$county.editor"); done
bench_log "paths as $list_code.editor and $county.editor"

declare -A results
record() { local key=$1; shift; results[$key]+="$* "; }
measure=0
for run in $(seq 1 "$runs"); do
    order=(1 5); [ $((run % 2)) -eq 0 ] && order=(5 1)
    for years in "${order[@]}"; do
        base="http://127.0.0.1:${port[$years]}/api/v1"
        for path in "projects" "plans?year=2026" "projects/${list_ids%%,*}/plans/2026"; do
            read -r rps _ p99 bad <<<"$(wrk_run -H "Authorization: Bearer ${editor[$years]}" "$base/$path")"
            record "GET /$path $years" "$rps"; record "GET /$path $years p99" "$p99"
            bench_log "run $run years $years GET /$path: $rps req/s, p99 $p99 ms, non-2xx $bad"
        done
        # a county's reviewers, a few at once, with the console's month filter
        read -r rps _ p99 bad <<<"$(BENCH_CONNECTIONS=8 wrk_run -H "Authorization: Bearer ${reviewer[$years]}" "$base/reviews?status=submitted&month=2026-11")"
        record "GET /reviews?status=submitted&month=2026-11 $years" "$rps"; record "GET /reviews?status=submitted&month=2026-11 $years p99" "$p99"
        bench_log "run $run years $years GET /reviews?status=submitted&month=2026-11 (8 connections): $rps req/s, p99 $p99 ms, non-2xx $bad"
        measure=$((measure + 1))
        read -r code ids <<<"$(district "$measure")"
        token=$(bench_sign_in "${port[$years]}" "$code.editor")
        read -r rps _ p99 bad <<<"$(BENCH_TOKEN=$token BENCH_PROJECTS=$ids wrk_run -s "$here/api/report.lua" "http://127.0.0.1:${port[$years]}")"
        record "PUT /projects/{id}/reports/{month} $years" "$rps"; record "PUT /projects/{id}/reports/{month} $years p99" "$p99"
        bench_log "run $run years $years PUT report ($code): $rps req/s, p99 $p99 ms, non-2xx $bad"
    done
done
for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; pids=()

# The reminder scan: a worker's first scan of a fresh copy of each database (a scan writes what is
# due, so a second scan of the same rows would find nothing to do), RUNS times, alternately.
scan_copy() { # YEARS RUN: starts a worker on a copy of the database, records its first scan
    local copy=bench_years$1_scan log=$BENCH_DIR/scan.$1.$2.log worker scan
    psql -qX -v ON_ERROR_STOP=1 -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $copy" \
        -c "CREATE DATABASE $copy TEMPLATE bench_years$1 STRATEGY FILE_COPY" >&2
    : >"$log"
    DATABASE_URL=$(bench_as projectyear_worker_login "$(sed "s#/bench_years$1?#/$copy?#" <<<"${url[$1]}")") \
        LOG_LEVEL=info WORKER_POLL=3600 WORKER_REMINDERS=3600 "$BENCH_BIN" worker >"$log" 2>&1 &
    worker=$!
    for _ in $(seq 1 1200); do grep -q "reminder scan done" "$log" && break; sleep 0.5; done
    kill "$worker"; wait "$worker" 2>/dev/null || true
    scan=$(grep -o 'seconds=[0-9.]*' "$log" | head -1 | cut -d= -f2)
    [ -n "$scan" ] || { tail -5 "$log" >&2; bench_log "no reminder scan in $log"; exit 1; }
    record "reminder scan $1" "$scan"
    bench_log "run $2 years $1: reminder scan $scan s ($(grep -o 'created=[0-9]*' "$log" | head -1))"
    psql -qX -d postgres -c "DROP DATABASE $copy" >&2
}
for run in $(seq 1 "$runs"); do
    order=(1 5); [ $((run % 2)) -eq 0 ] && order=(5 1)
    for years in "${order[@]}"; do scan_copy "$years" "$run"; done
done

# The worker: the year-end run (once its own first scan is done).
for years in 1 5; do
    db=bench_years$years log=$BENCH_DIR/worker.$years.log
    DATABASE_URL=$(bench_as projectyear_worker_login "${url[$years]}") LOG_LEVEL=info WORKER_POLL=1 WORKER_REMINDERS=3600 \
        "$BENCH_BIN" worker >"$log" 2>&1 &
    worker=$!
    for _ in $(seq 1 1200); do grep -q "reminder scan done" "$log" && break; sleep 0.5; done
    for run in $(seq 1 "$runs"); do
        id=$(psql -qXAt -d $db -c "INSERT INTO app.assessment_runs (year, period) VALUES (2026, 'year') RETURNING id" | head -1)
        while [ "$(psql -qXAt -d $db -c "SELECT status IN ('done', 'failed') FROM app.assessment_runs WHERE id = $id")" != t ]; do sleep 0.2; done
        took=$(psql -qXAt -d $db -c "SELECT round(extract(epoch FROM finished_at - started_at)::numeric, 3) FROM app.assessment_runs WHERE id = $id")
        bare=$(bench_time psql -qX -d $db -f "$BENCH_ROOT/benchmarks/bare_aggregate.sql")
        record "year-end run $years" "$took"; record "bare aggregate $years" "$bare"
        bench_log "years $years run $run: year-end run $took s ($(psql -qXAt -d $db -c "SELECT status FROM app.assessment_runs WHERE id = $id")), bare aggregate $bare s"
    done
    kill "$worker"; wait "$worker" 2>/dev/null || true
done

median() { bench_median ${results[$1]}; }
echo "machine: $(bench_machine); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: benchmarks/years.sh $scale $runs $seconds (medians of $runs; ratios year 5 against year 1, cost: ≤ 1.1 is the goal)"
for path in "GET /projects" "GET /plans?year=2026" "GET /projects/${list_ids%%,*}/plans/2026" "GET /reviews?status=submitted&month=2026-11" "PUT /projects/{id}/reports/{month}"; do
    one=$(median "$path 1"); five=$(median "$path 5")
    echo "$path: year 1 $one req/s (p99 $(median "$path 1 p99") ms), year 5 $five req/s (p99 $(median "$path 5 p99") ms); cost year 5 / year 1: $(bench_ratio "$one" "$five")"
done
for step in "reminder scan" "year-end run" "bare aggregate"; do
    echo "$step: year 1 $(median "$step 1") s, year 5 $(median "$step 5") s; year 5 / year 1: $(bench_ratio "$(median "$step 5")" "$(median "$step 1")")"
done
for years in 1 5; do
    echo "year-end run / bare aggregate with $years year(s) of data: $(bench_ratio "$(median "year-end run $years")" "$(median "bare aggregate $years")")"
done
