#!/usr/bin/env bash
# The month-end storm (issue 27): the province at once, against one server process.
#
#   benchmarks/storm.sh [SCALE [SECONDS [CLERKS [REVIEWERS]]]]     defaults: 100 60 500 20
#
# Loads `demo --scale SCALE` (SCALE × 2,000 projects), then for SECONDS: CLERKS district editors
# each saving December's report of one of their projects every 2–6 s, with the console's reads
# around it (the report before each save, the project list at the start and after every fifth
# save) and the console's notification stream open (CLERKS streams); REVIEWERS department editors
# (the reviewers of the projects their department leads) approving November's reports in batches
# of 20; a worker's reminder scan and a quarterly run
# (2026 Q3) started with the storm. Sessions are made in SQL beforehand (signing 500 people in
# would only measure bcrypt). Prints p50/p99 of saves and list loads, errors, the events the
# streams received, the scan's and the run's own times, and the server's peak memory.
# Goals: p99 save < 500 ms, 0 errors, server RSS < 200 MB.
. "$(dirname "$0")/lib.sh"
scale=${1:-100}
seconds=${2:-60}
clerks=${3:-500}
reviewers=${4:-20}

bench_start curl
url=$(bench_database bench_storm)
bench_log "loading demo --scale $scale"
DATABASE_URL=$url LOG_LEVEL=warning "$BENCH_BIN" demo --scale "$scale" --seed 1 --year 2026 >/dev/null
psql -qX -d bench_storm -c "VACUUM ANALYZE" >/dev/null
bench_log "$(psql -qXAt -d bench_storm -c "SELECT (SELECT count(*) FROM app.projects) || ' projects, ' ||
    (SELECT count(*) FROM app.monthly_reports) || ' reports, ' || (SELECT count(*) FROM app.agencies) || ' agencies'")"

# One session per person, made in SQL; the tokens file of storm.py.
tokens=$BENCH_DIR/tokens
psql -qXAt -d bench_storm -F ' ' -c "
    WITH clerks AS (
        SELECT u.id, 'storm-clerk-' || u.id AS token,
               (SELECT string_agg(p.id::text, ',' ORDER BY p.id) FROM app.projects p WHERE p.district_id = a.id) AS projects
          FROM app.users u JOIN app.agencies a ON a.id = u.agency_id
         WHERE a.kind = 'district' AND u.role = 'editor' ORDER BY u.id LIMIT $clerks),
    reviewers AS (
        SELECT u.id, 'storm-reviewer-' || u.id AS token
          FROM app.users u JOIN app.agencies a ON a.id = u.agency_id
         WHERE a.kind = 'department' AND u.role = 'editor' ORDER BY u.id LIMIT $reviewers),
    made AS (
        SELECT app.create_session(id, sha256(convert_to(token, 'UTF8')), now() + interval '1 day') FROM clerks
        UNION ALL SELECT app.create_session(id, sha256(convert_to(token, 'UTF8')), now() + interval '1 day') FROM reviewers)
    SELECT 'clerk', token, projects FROM clerks WHERE (SELECT count(*) FROM made) > 0
    UNION ALL SELECT 'reviewer', token, '' FROM reviewers
    UNION ALL SELECT 'stream', token, '' FROM clerks" >"$tokens"
bench_log "$(cut -d' ' -f1 "$tokens" | sort | uniq -c | tr '\n' ' ')"

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
port=$(py_free_port 18800)
DATABASE_URL=$(bench_as projectyear_server_login "$url") HTTP_PORT=$port HTTP_MAX_CONNECTIONS=4096 LOG_LEVEL=warning "$BENCH_BIN" serve >"$BENCH_DIR/server.log" 2>&1 &
server=$!
worker=
trap 'kill $server $worker 2>/dev/null; wait $server $worker 2>/dev/null; bench_cluster_stop' EXIT INT TERM
bench_wait_ready "$port" 150

# The worker starts with the storm: its reminder scan at once, and the quarterly run it claims.
psql -qX -d bench_storm -c "INSERT INTO app.assessment_runs (year, period) VALUES (2026, 'Q3')" >/dev/null
DATABASE_URL=$(bench_as projectyear_worker_login "$url") LOG_LEVEL=info WORKER_POLL=1 WORKER_REMINDERS=3600 \
    "$BENCH_BIN" worker >"$BENCH_DIR/worker.log" 2>&1 &
worker=$!
peak=0
(while kill -0 $server 2>/dev/null; do awk '/VmRSS/ { print $2 }' /proc/$server/status; sleep 1; done) >"$BENCH_DIR/rss" &
sampler=$!
bench_log "storm: $clerks clerks, $reviewers reviewers, $clerks streams for $seconds s (server pid $server)"
result=$(python3 "$BENCH_ROOT/benchmarks/storm.py" "$port" "$seconds" "$tokens")
kill $sampler 2>/dev/null
peak=$(sort -n "$BENCH_DIR/rss" | tail -1)
echo "machine: $(bench_machine); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: benchmarks/storm.sh $scale $seconds $clerks $reviewers"
echo "storm: $result"
echo "reminder scan: $(grep 'reminder scan done' "$BENCH_DIR/worker.log" | head -1 | sed -E 's/.*(created=)/\1/')"
echo "quarterly run: $(psql -qXAt -d bench_storm -c "SELECT status || ' in ' || round(extract(epoch FROM finished_at - started_at)::numeric, 2) || ' s' FROM app.assessment_runs WHERE year = 2026 AND period = 'Q3'")"
echo "server memory: peak resident $((peak / 1024)) MB during the storm (VmHWM $(awk '/VmHWM/ { print $2 }' /proc/$server/status) kB); server errors logged: $(grep -c ' error ' "$BENCH_DIR/server.log")"
