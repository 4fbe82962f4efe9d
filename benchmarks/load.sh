#!/usr/bin/env bash
# Load speed of `projectyear demo --scale N` against raw COPY of the very same rows.
#
#   benchmarks/load.sh [SCALE [RUNS [PROJECTS_PER_COUNTY]]]     defaults: 100 3 2000
#
# Each run loads the synthetic province into a fresh migrated database and times it; the rows
# are then dumped with \copy and, in another fresh database, loaded back with psql's \copy in
# one transaction with the same session_replication_role = replica (the ceiling: no generation,
# no formatting, same tables, indexes and constraints). Prints medians and the ratio.
. "$(dirname "$0")/lib.sh"
scale=${1:-100}
runs=${2:-3}
per_county=${3:-2000}
tables="agencies users category_lead_departments financing_platforms parks park_items projects monthly_reports
        funding_sources approvals problems attraction_teams deals receipts targets fai_statistics"

bench_start bc

generator=()
raw=()
rows=0
for run in $(seq 1 "$runs"); do
    url=$(bench_database bench_load)
    seconds=$(bench_time env DATABASE_URL="$url" "$BENCH_BIN" demo --scale "$scale" --projects-per-county "$per_county" --seed 1 --year 2026)
    generator+=("$seconds")
    bench_log "run $run: demo --scale $scale: $seconds s"

    dump="$BENCH_DIR/dump"
    mkdir -p "$dump"
    rows=0
    for t in $tables; do
        psql -qX -d bench_load -c "\\copy app.$t TO '$dump/$t.tsv'" >/dev/null
        rows=$((rows + $(psql -qXAt -d bench_load -c "SELECT count(*) FROM app.$t")))
    done
    url=$(bench_database bench_raw)
    script="$BENCH_DIR/raw.sql"
    { echo "BEGIN;"; echo "SET LOCAL session_replication_role = replica;"
      for t in $tables; do echo "\\copy app.$t FROM '$dump/$t.tsv'"; done
      echo "COMMIT;"; } >"$script"
    seconds=$(bench_time psql -qX -v ON_ERROR_STOP=1 -d bench_raw -f "$script")
    raw+=("$seconds")
    bench_log "run $run: raw COPY of the same $rows rows: $seconds s"
    rm -rf "$dump"
    psql -qX -d postgres -c "DROP DATABASE bench_raw" -c "DROP DATABASE bench_load"
done

g=$(bench_median "${generator[@]}")
r=$(bench_median "${raw[@]}")
echo "machine:   $(bench_machine)"
echo "command:   benchmarks/load.sh $scale $runs $per_county"
echo "rows:      $rows ($((scale * per_county)) projects, $((scale * per_county * 12)) monthly reports)"
echo "demo --scale (median of $runs): $g s   runs: ${generator[*]}"
echo "raw COPY     (median of $runs): $r s   runs: ${raw[*]}"
echo "ratio generator / raw COPY: $(bench_ratio "$g" "$r")"
echo "rows per second (generator): $(echo "$rows / $g" | bc)"
