#!/usr/bin/env bash
# The worker's reminder scan (提醒与督办) over the province of `demo --scale 100` (200,000
# projects, 2,400,000 reports): the time of the first scan, and that a second scan (another
# worker process, as after a restart) creates nothing.
#
#   benchmarks/reminders.sh
#
# The scan runs for the database's today (Asia/Shanghai) against the 2026 province; its time is
# the worker's own ("reminder scan done … seconds=").
. "$(dirname "$0")/lib.sh"

bench_start bc

url=$(bench_database bench_reminders)
# serve and worker refuse a superuser: they log in as the logins migrate creates
export DATABASE_ADMIN_URL=$url
export DATABASE_WORKER_URL="postgresql://projectyear_worker_login@localhost:$PGPORT/bench_reminders?host=$PGHOST"
DATABASE_URL="postgresql://projectyear_server_login@localhost:$PGPORT/bench_reminders?host=$PGHOST" "$BENCH_BIN" migrate >/dev/null
bench_log "loading the province (demo --scale 100)"
DATABASE_URL=$url LOG_LEVEL=warning "$BENCH_BIN" demo --scale 100 --seed 1 --year 2026 >/dev/null
psql -qX -d bench_reminders -c "VACUUM ANALYZE" >/dev/null
psql -qXAt -d bench_reminders -c "SELECT (SELECT count(*) FROM app.projects) || ' projects, ' ||
    (SELECT count(*) FROM app.monthly_reports) || ' reports, ' || (SELECT count(*) FROM app.problems) || ' problems, ' ||
    (SELECT count(*) FROM app.agencies) || ' agencies; today ' || (now() AT TIME ZONE 'Asia/Shanghai')::date"

# scan: starts a worker, waits for its first scan, stops it; prints the scan's log line.
scan() {
    local log; log=$(mktemp)
    DATABASE_URL=$(bench_as projectyear_worker_login "$url") LOG_LEVEL=info WORKER_REMINDERS=3600 "$BENCH_BIN" worker >"$log" 2>&1 &
    local pid=$!
    for _ in $(seq 1 600); do
        grep -q "reminder scan done" "$log" && break
        sleep 0.5
    done
    kill -TERM "$pid"; wait "$pid" || true
    grep "reminder scan done" "$log"
    rm -f "$log"
}

bench_log "first scan"
scan
bench_log "second scan (must create nothing)"
scan
psql -qXAt -d bench_reminders -c "SELECT kind || ': ' || count(*) FROM app.notifications GROUP BY kind ORDER BY kind"
psql -qXAt -d bench_reminders -c "SELECT 'duplicates: ' || count(*) FROM (SELECT 1 FROM app.notifications
    GROUP BY agency_id, kind, subject_type, subject_id, period HAVING count(*) > 1) d"
bench_machine
