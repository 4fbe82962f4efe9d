#!/usr/bin/env bash
# Availability under attack (issue 19, cases 1–4): while each attack runs from loopback, another
# user (a district viewer) reads `GET /api/v1/projects` one request after another on a kept-alive
# connection; prints that user's p50 and p99 per case (goal: p99 under 100 ms on 2 cores).
#
#   benchmarks/availability.sh [SECONDS]     default: 10 (each case)
#
# 1. 32 attachment uploads that send 40 bytes of a PNG and stall (Content-Length 100000).
# 2. 6 imports at once, again and again, of a 200 KB workbook whose shared strings inflate to
#    40 MiB (under the 48 MiB a part held in memory may take).
# 3. 16 honest 4 MiB uploads at 256 KiB/s each.
# 4. 32 sign-ins at once from one address with ever new usernames, again and again.
# Bounded and loopback only. The server uses the pool of `config/app.json` (16). BENCH_BIN=path
# uses a binary already built (for example the debug one) instead of a release build.
. "$(dirname "$0")/lib.sh"
seconds=${1:-10}

bench_start curl
url=$(bench_database bench_availability)
DATABASE_URL=$url LOG_LEVEL=warning "$BENCH_BIN" demo --year 2026 >/dev/null
county=$(psql -qXAt -d bench_availability -c "SELECT code FROM app.agencies WHERE kind = 'county' ORDER BY id LIMIT 1")
district=$(psql -qXAt -d bench_availability -c "SELECT code FROM app.agencies WHERE kind = 'district' ORDER BY id LIMIT 1")
projects=$(psql -qXAt -d bench_availability -c "SELECT string_agg(id::text, ',') FROM (SELECT id FROM app.projects ORDER BY id LIMIT 48) p")

port=$(py_free_port 18900)
DATABASE_URL=$(bench_as projectyear_server_login "$url") HTTP_PORT=$port LOG_LEVEL=warning "$BENCH_BIN" serve &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; bench_cluster_stop' EXIT INT TERM
bench_wait_ready "$port"
bench_log "server pid $server on port $port; $seconds s per case"
python3 "$BENCH_ROOT/benchmarks/availability.py" "$port" "$seconds" "$county.editor" "$district.viewer" "$projects"
