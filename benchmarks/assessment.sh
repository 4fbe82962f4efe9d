#!/usr/bin/env bash
# The year-end assessment against one bare aggregate query that reads the same rows, in the same
# run, at two sizes ten times apart (to check that 10× the data costs at most about 10× the time).
#
#   benchmarks/assessment.sh [RUNS]     default: 3
#   YEARS=5 SCALES=10 benchmarks/assessment.sh 3   five campaign years in the tables, 200,000 projects only
#
# Sizes: `demo --scale 1 --projects-per-county 20000` (20,000 projects, 240,000 reports) and
# `--scale 10 --projects-per-county 20000` (200,000 projects, 2,400,000 reports, 190 agencies).
# The run time is the worker's own (finished_at − started_at of the run row).
. "$(dirname "$0")/lib.sh"
runs=${1:-3}
years=${YEARS:-1} # YEARS=5: five campaign years of data in the tables (demo --years 5), the run and the aggregate of 2026
scales=${SCALES:-1 10}

bench_start bc


declare -A medians
for scale in $scales; do
    url=$(bench_database bench_assess)
    DATABASE_URL=$url LOG_LEVEL=warning "$BENCH_BIN" demo --scale "$scale" --projects-per-county 20000 --seed 1 --year 2026 --years "$years" >/dev/null
    psql -qX -d bench_assess -c "VACUUM ANALYZE" >/dev/null
    counts=$(psql -qXAt -d bench_assess -c "SELECT (SELECT count(*) FROM app.projects) || ' projects, ' ||
        (SELECT count(*) FROM app.monthly_reports) || ' reports, ' || (SELECT count(*) FROM app.receipts) || ' receipts, ' ||
        (SELECT count(*) FROM app.agencies) || ' agencies'")
    bench_log "scale $scale: $counts"
    DATABASE_URL=$(bench_as projectyear_worker_login "$url") LOG_LEVEL=warning WORKER_POLL=1 "$BENCH_BIN" worker &
    worker=$!
    run_times=(); bare_times=()
    for run in $(seq 1 "$runs"); do
        id=$(psql -qXAt -d bench_assess -c "INSERT INTO app.assessment_runs (year, period) VALUES (2026, 'year') RETURNING id" | head -1)
        while [ "$(psql -qXAt -d bench_assess -c "SELECT status IN ('done', 'failed') FROM app.assessment_runs WHERE id = $id")" != t ]; do sleep 0.2; done
        seconds=$(psql -qXAt -d bench_assess -c "SELECT round(extract(epoch FROM finished_at - started_at)::numeric, 2) FROM app.assessment_runs WHERE id = $id")
        status=$(psql -qXAt -d bench_assess -c "SELECT status FROM app.assessment_runs WHERE id = $id")
        run_times+=("$seconds")
        bare=$(bench_time psql -qX -d bench_assess -f "$BENCH_ROOT/benchmarks/bare_aggregate.sql")
        bare_times+=("$bare")
        bench_log "scale $scale run $run: year-end run $seconds s ($status); bare aggregate $bare s"
    done
    kill "$worker"; wait "$worker" 2>/dev/null || true
    medians[run_$scale]=$(bench_median "${run_times[@]}")
    medians[bare_$scale]=$(bench_median "${bare_times[@]}")
    medians[counts_$scale]=$counts
    psql -qX -d postgres -c "DROP DATABASE bench_assess" >/dev/null
done

echo "machine: $(bench_machine)"
echo "command: YEARS=$years SCALES=\"$scales\" benchmarks/assessment.sh $runs"
for scale in $scales; do
    echo "scale $scale (${medians[counts_$scale]}): year-end run ${medians[run_$scale]} s, bare aggregate ${medians[bare_$scale]} s, ratio $(bench_ratio "${medians[run_$scale]}" "${medians[bare_$scale]}")"
done
if [ "$scales" = "1 10" ]; then echo "10x data: run time x$(bench_ratio "${medians[run_10]}" "${medians[run_1]}")"; fi
