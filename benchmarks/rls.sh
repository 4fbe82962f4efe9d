#!/usr/bin/env bash
# Row-level security overhead (a benchmark, not a test; see docs/BENCHMARKS.md).
#
# On a throwaway PostgreSQL 15 cluster: migrates a database, loads 200,000 projects and 2,400,000
# monthly reports over 200 districts (benchmarks/rls_data.sql), then times, as a district editor
# under RLS and as the superuser with an explicit WHERE:
#   list  the district's project list, first page of 50 (the query of ProjectQueries.list)
#   tva   the district's rows of reporting.targets_vs_actuals for the year
# Prints the EXPLAIN ANALYZE plans (standard error), then the median of RUNS runs of each,
# RLS and superuser runs alternating so both see the same machine load (planning included,
# every row fetched), and the RLS / superuser ratio (target: ≤ 2).
#
#   benchmarks/rls.sh                 # RUNS=15 DISTRICT=D17
#   KEEP=1 benchmarks/rls.sh          # leave the cluster running and print how to reach it
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/postgres.sh

RUNS=${RUNS:-15}
DISTRICT=${DISTRICT:-D17}
py_ensure_packages
dir=$(mktemp -d /tmp/projectyear-bench.XXXXXX)
chmod 755 "$dir"
cleanup() { if [ "${KEEP:-0}" != 1 ]; then py_cluster_stop "$dir"; rm -rf "$dir"; fi; }
trap cleanup EXIT INT TERM

port=$(py_free_port 55700)
PY_FAST=1 py_cluster_start "$dir" "$port"
export PGHOST="$dir/run" PGPORT="$port" PGUSER=postgres PGDATABASE=bench
[ "${KEEP:-0}" = 1 ] && py_log "cluster kept: PGHOST=$PGHOST PGPORT=$PGPORT PGUSER=postgres PGDATABASE=bench"
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }

createdb bench
for migration in sql/migrations/*.sql; do psql -f "$migration" >/dev/null; done
py_log "loading 200,000 projects and 2,400,000 monthly reports (a few minutes)"
start=$(date +%s)
psql -f benchmarks/rls_data.sql >/dev/null
py_log "loaded in $(( $(date +%s) - start ))s"
psql -f benchmarks/rls_queries.sql >/dev/null

columns="p.id, p.version, p.updated_at, p.code, p.name, p.owner, p.category, p.industry, p.stage, p.major,
 p.district_id, p.lead_department_id, p.park_id, p.total_investment, p.planned_start, p.planned_completion,
 p.actual_start, p.actual_completion, p.land_area, p.eia_class, p.green_channel, p.central_soe"
district_id=$(psql -At -c "SELECT id FROM app.agencies WHERE code = '$DISTRICT'")
user_id=$(psql -At -c "SELECT id FROM app.users WHERE username = lower('$DISTRICT') || '-editor'")
# The same text for both; the superuser's adds the WHERE that RLS adds for the district.
list_sql() { echo "SELECT * FROM (SELECT $columns, count(*) OVER () AS total FROM app.projects p $1) p ORDER BY p.code LIMIT 50 OFFSET 0"; }
tva_sql() { echo "SELECT * FROM reporting.targets_vs_actuals WHERE year = 2024 $1"; }
as_district="SELECT set_config('role', 'projectyear_app', true), set_config('app.user_id', '$user_id', true),
  set_config('app.agency_id', '$district_id', true), set_config('app.agency_kind', 'district', true),
  set_config('app.role', 'editor', true);"

caller="jsonb_build_object('user_id', $user_id, 'agency_id', $district_id, 'agency_kind', 'district', 'role', 'editor')"

# explain NAME SQL AS_CALLER(0|1): the plan, on standard error.
explain() {
    local setup=""
    [ "$3" = 1 ] && setup=$as_district
    py_log "$1"
    printf 'BEGIN;\n\\o /dev/null\n%s\n\\o\nEXPLAIN (ANALYZE, COSTS OFF) %s;\nROLLBACK;\n' "$setup" "$2" | psql -At | sed 's/^/    /' >&2
}

declare -A median
for query in list tva; do
    rls=$("${query}_sql" "")
    if [ "$query" = list ]; then su=$(list_sql "WHERE p.district_id = $district_id"); else su=$(tva_sql "AND agency_id = $district_id"); fi
    explain "$query under RLS as the editor of $DISTRICT" "$rls" 1
    explain "$query as the superuser with an explicit WHERE" "$su" 0
    read -r r s rr sr < <(psql -At -F ' ' -c "SELECT * FROM bench.paired_ms(\$q\$$rls\$q\$, \$q\$$su\$q\$, $caller, $RUNS)")
    [ "$rr" = "$sr" ] || { py_log "$query: RLS returned $rr rows, the superuser $sr"; exit 1; }
    median[${query}_rls]=$r median[${query}_superuser]=$s median[${query}_rows]=$rr
done

echo
printf '%-6s %6s %14s %18s %8s\n' query rows "rls (ms)" "superuser (ms)" ratio
for query in list tva; do
    r=${median[${query}_rls]} s=${median[${query}_superuser]}
    printf '%-6s %6s %14s %18s %8s\n' "$query" "${median[${query}_rows]}" "$r" "$s" "$(awk -v r="$r" -v s="$s" 'BEGIN { printf "%.2f", r / s }')"
done
echo "(medians of $RUNS alternating runs each, district $DISTRICT: 1,000 projects, 12,000 reports; PostgreSQL $(psql -At -c 'SHOW server_version'), jit $(psql -At -c 'SHOW jit'))"
