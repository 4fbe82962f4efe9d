#!/usr/bin/env bash
# Attachments: the upload and download of a 10 MiB file through the API against psql pushing the
# same bytes into PostgreSQL and reading them back, on the same database, in one run; then the
# server's peak memory while CLIENTS clients upload distinct 10 MiB files at once.
#
#   benchmarks/attachments.sh [RUNS [CLIENTS]]     defaults: 5 32
#
# Loads the demo county and signs in as the county editor (who may add attachments to any
# project). Every file is a valid PDF made here (one page and a stream of random bytes) of exactly
# 10 MiB, the largest the API takes, and every one is new, so no upload is answered from a stored
# copy. psql's side is a binary-format `\copy` of a one-row (run, bytea) table whose column is
# stored like the attachments' pieces (`storage external`), and `\copy (SELECT …) TO` back;
# psql's `\timing` and curl's `time_total` time the transfer alone, not the process start. curl
# sends `Expect: 100-continue` for a large body, as clients do; the server answers `100 Continue`.
#
# BENCH_BIN=path uses a binary already built (for example the debug one) instead of a release
# build. BENCH_POOL (default 40) is the server's pool: an upload holds one connection while it
# runs, so with fewer connections than clients some uploads wait for one instead of streaming.
. "$(dirname "$0")/lib.sh"
runs=${1:-5}
clients=${2:-32}
pool=${BENCH_POOL:-40}
size=$((10 << 20))

bench_start bc curl
url=$(bench_database bench_files)
DATABASE_URL=$url LOG_LEVEL=warning "$BENCH_BIN" demo --year 2026 >/dev/null
psql -qX -d bench_files -c "CREATE TABLE bench_blobs (run integer PRIMARY KEY, data bytea NOT NULL)" \
    -c "ALTER TABLE bench_blobs ALTER COLUMN data SET STORAGE EXTERNAL" >/dev/null
county=$(psql -qXAt -d bench_files -c "SELECT code FROM app.agencies WHERE kind = 'county' ORDER BY id LIMIT 1")
# one project per upload, so no project's quota (500 MiB) comes into it
mapfile -t projects < <(psql -qXAt -d bench_files -c "SELECT id FROM app.projects ORDER BY id LIMIT $((runs + clients))")
if [ ${#projects[@]} -lt $((runs + clients)) ]; then
    echo "the demo county has ${#projects[@]} projects; RUNS + CLIENTS must be at most that" >&2
    exit 1
fi

port=$(py_free_port 18700)
DATABASE_URL=$(bench_as projectyear_server_login "$url") HTTP_PORT=$port LOG_LEVEL=warning DATABASE_POOL_MAX=$pool "$BENCH_BIN" serve &
server=$!
work=$(mktemp -d /tmp/projectyear-files.XXXXXX)
chmod 755 "$work"
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"; bench_cluster_stop' EXIT INT TERM
bench_wait_ready "$port"
token=$(bench_sign_in "$port" "$county.editor")
api="http://127.0.0.1:$port/api/v1"
start_rss=$(bench_rss "$server")
bench_log "server pid $server on port $port (pool $pool), RSS $start_rss MB after start"

# make_file PDF [COPY RUN]: a new PDF of exactly $size bytes; with COPY, also the same bytes as a
# binary-format COPY file of the row (RUN, bytes).
make_file() {
    python3 - "$size" "$@" <<'EOF'
import os, struct, sys
size, path = int(sys.argv[1]), sys.argv[2]
def pdf(stream):
    head = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
    body, offsets = bytearray(head), []
    for number, text in enumerate(objects + [b"<< /Length %d >>" % len(stream)], start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + text
        if number == len(objects) + 1:
            body += b"\nstream\n" + stream + b"\nendstream"
        body += b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref)
    return bytes(body)
n = size  # the stream's length, less the structure around it (whose numbers grow with it)
while (total := len(pdf(bytes(n)))) != size:
    n -= total - size
data = pdf(os.urandom(n))
assert len(data) == size, len(data)
open(path, "wb").write(data)
if len(sys.argv) > 3:
    run = int(sys.argv[4])
    with open(sys.argv[3], "wb") as copy:
        copy.write(b"PGCOPY\n\xff\r\n\x00" + struct.pack("!ii", 0, 0))
        copy.write(struct.pack("!hiii", 2, 4, run, len(data)) + data + struct.pack("!h", -1))
EOF
}
mib_per_s() { echo "$size / 1048576 / $1" | bc -l | xargs printf '%.1f'; }
# psql_seconds COMMAND: runs one psql meta-command with \timing; prints its seconds.
psql_seconds() {
    psql -qX -d bench_files -c '\timing on' -c "$1" | awk '/^Time:/ { printf "%.4f", $2 / 1000 }'
}

declare -A results
for run in $(seq 1 "$runs"); do
    project=${projects[$((run - 1))]}
    make_file "$work/run.pdf" "$work/run.copy" "$run"
    read -r status seconds < <(curl -s -o "$work/answer.json" -w '%{http_code} %{time_total}\n' -X POST \
        -H "authorization: Bearer $token" -H 'content-type: application/pdf' --data-binary "@$work/run.pdf" \
        "$api/projects/$project/attachments?filename=run-$run.pdf")
    [ "$status" = 201 ] || { echo "upload of run $run answered $status: $(cat "$work/answer.json")" >&2; exit 1; }
    id=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "$work/answer.json")
    up=$(mib_per_s "$seconds")
    seconds=$(curl -sf -o "$work/back.pdf" -w '%{time_total}' -H "authorization: Bearer $token" "$api/attachments/$id/content")
    cmp -s "$work/run.pdf" "$work/back.pdf" || { echo "the download of attachment $id differs from the upload" >&2; exit 1; }
    down=$(mib_per_s "$seconds")
    pg_up=$(mib_per_s "$(psql_seconds "\\copy bench_blobs FROM '$work/run.copy' WITH (FORMAT binary)")")
    pg_down=$(mib_per_s "$(psql_seconds "\\copy (SELECT run, data FROM bench_blobs WHERE run = $run) TO '$work/back.copy' WITH (FORMAT binary)")")
    cmp -s "$work/run.copy" "$work/back.copy" || { echo "psql read back other bytes than it wrote (run $run)" >&2; exit 1; }
    results[up]+="$up "; results[down]+="$down "; results[pg_up]+="$pg_up "; results[pg_down]+="$pg_down "
    bench_log "run $run: upload api $up MiB/s, psql $pg_up MiB/s; download api $down MiB/s, psql $pg_down MiB/s"
done
single_peak=$(bench_peak "$server")

# CLIENTS uploads at once, each of its own new file to its own project; VmRSS sampled meanwhile.
bench_log "making $clients files of 10 MiB"
for i in $(seq 1 "$clients"); do make_file "$work/client-$i.pdf"; done
pids=()
start=$(date +%s.%N)
for i in $(seq 1 "$clients"); do
    curl -s -o "$work/client-$i.json" -w '%{http_code}\n' -X POST -H "authorization: Bearer $token" \
        -H 'content-type: application/pdf' --data-binary "@$work/client-$i.pdf" \
        "$api/projects/${projects[$((runs + i - 1))]}/attachments?filename=client-$i.pdf" >"$work/client-$i.status" &
    pids+=($!)
done
alive() { for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && return 0; done; return 1; }
sampled=0
while alive; do
    now=$(bench_rss "$server"); [ "$now" -gt "$sampled" ] && sampled=$now
    sleep 0.05
done
wait "${pids[@]}" || true
wall=$(echo "$(date +%s.%N) - $start" | bc -l | xargs printf '%.2f')
statuses=$(cat "$work"/client-*.status | sort | uniq -c | awk '{ printf "%s%s×%s", (NR > 1 ? ", " : ""), $1, $2 }')
concurrent_peak=$(bench_peak "$server")

median() { bench_median $1; }
up=$(median "${results[up]}"); pg_up=$(median "${results[pg_up]}")
down=$(median "${results[down]}"); pg_down=$(median "${results[pg_down]}")
echo "machine: $(bench_machine)"
echo "command: benchmarks/attachments.sh $runs $clients (binary $BENCH_BIN, pool $pool, files of 10 MiB, medians of $runs)"
echo "upload: api $up MiB/s; psql \\copy $pg_up MiB/s; api/psql $(bench_ratio "$up" "$pg_up")"
echo "download: api $down MiB/s; psql \\copy $pg_down MiB/s; api/psql $(bench_ratio "$down" "$pg_down")"
echo "server memory: RSS $start_rss MB after start; VmHWM $single_peak MB after the single uploads and downloads"
echo "$clients uploads at once: $statuses in $wall s ($(echo "$clients * 10 / $wall" | bc -l | xargs printf '%.1f') MiB/s in all)"
verdict=$([ "$concurrent_peak" -lt 150 ] && echo met || echo "not met")
echo "server memory during them: VmRSS sampled every 0.05 s, max $sampled MB; VmHWM $concurrent_peak MB (goal < 150 MB: $verdict)"
