#!/usr/bin/env bash
# Server-sent events: N concurrent streams of one agency on one server process (default 1000),
# one notification inserted by another connection, and when each stream receives it; with the
# server's resident memory.
#
#   benchmarks/sse.sh [N]
. "$(dirname "$0")/lib.sh"
count=${1:-1000}

bench_start bc
ulimit -n 16384

url=$(bench_database bench_sse)
# serve and worker refuse a superuser: they log in as the logins migrate creates
export DATABASE_ADMIN_URL=$url
server_url="postgresql://projectyear_server_login@localhost:$PGPORT/bench_sse?host=$PGHOST"
DATABASE_URL=$server_url "$BENCH_BIN" migrate >/dev/null
DATABASE_URL=$url LOG_LEVEL=warning "$BENCH_BIN" demo --year 2026 >/dev/null
port=$(py_free_port 57500)
DATABASE_URL=$server_url HTTP_PORT=$port HTTP_MAX_CONNECTIONS=4000 LOG_LEVEL=warning "$BENCH_BIN" serve &
server=$!
trap 'kill "$server" 2>/dev/null; bench_cluster_stop' EXIT INT TERM
bench_wait_ready "$port"

agency=$(psql -qXAt -d bench_sse -c "SELECT id FROM app.agencies WHERE code = 'nanming'")
insert="INSERT INTO app.notifications (agency_id, kind, arguments, subject_type, subject_id, period)
        VALUES ($agency, 'report_due', '{\"code\": \"BENCH\", \"name\": \"基准测试\", \"month\": \"2026-04\", \"deadline\": \"2026-05-05\"}',
                'project', 1, 'bench-' || clock_timestamp())"
python3 "$(dirname "$0")/sse_clients.py" "http://127.0.0.1:$port" nanming.viewer bench-viewer "$count" "$server" "$insert" bench_sse
bench_machine
