#!/usr/bin/env bash
# Spreadsheets: the download of every project (rows/s, the server's peak memory) and the import of
# monthly reports through the API (CSV and .xlsx) against a raw COPY of the same rows into the same
# table (same triggers: audit, history, import source), on the same database, in one run.
#
#   benchmarks/spreadsheets.sh [PROJECTS [ROWS]]     defaults: 200000 100000
#
# Loads the demo county and adds PROJECTS projects spread over its districts with one INSERT.
# BENCH_BIN=path uses a binary already built (for example the debug one) instead of a release build.
#
# Also uploads a sheet of 1,000,000 rows and a zip bomb and reports the server's peak memory after
# each (the limits answer 422 before either is read whole).
. "$(dirname "$0")/lib.sh"
projects=${1:-200000}
rows=${2:-100000}

bench_start bc curl
url=$(bench_database bench_sheets)
DATABASE_URL=$url LOG_LEVEL=warning "$BENCH_BIN" demo --year 2026 >/dev/null
psql -qX -d bench_sheets -c "
    INSERT INTO app.projects (code, name, owner, category, industry, stage, major, district_id, lead_department_id, total_investment,
                              planned_start, planned_completion)
    SELECT 'BENCH-' || lpad(n::text, 7, '0'), '基准项目' || n, '业主单位' || (n % 500), 'industry', '工业', 'preliminary', n % 3 = 0,
           d.ids[1 + n % array_length(d.ids, 1)], l.id, (n % 100000) + 0.5, DATE '2026-01-01' + n % 365, DATE '2027-06-30'
      FROM generate_series(1, $projects) n,
           (SELECT array_agg(id ORDER BY id) AS ids FROM app.agencies WHERE kind = 'district') d,
           (SELECT department_id AS id FROM app.category_lead_departments WHERE category = 'industry') l" >/dev/null
psql -qX -d bench_sheets -c "VACUUM ANALYZE" >/dev/null
county=$(psql -qXAt -d bench_sheets -c "SELECT code FROM app.agencies WHERE kind = 'county' ORDER BY id LIMIT 1")
nprojects=$(psql -qXAt -d bench_sheets -c "SELECT count(*) FROM app.projects")

port=$(py_free_port 18600)
DATABASE_URL=$(bench_as projectyear_server_login "$url") HTTP_PORT=$port LOG_LEVEL=warning "$BENCH_BIN" serve &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; bench_cluster_stop' EXIT INT TERM
bench_wait_ready "$port"
token=$(bench_sign_in "$port" "$county.editor")
api="http://127.0.0.1:$port/api/v1"
work=$(mktemp -d /tmp/projectyear-sheets.XXXXXX)
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"; bench_cluster_stop' EXIT INT TERM
bench_log "$nprojects projects; server pid $server, RSS $(bench_rss "$server") MB after start"

echo "machine: $(bench_machine)"
echo "projects: $nprojects"
for format in csv xlsx; do
    seconds=$(curl -sf -o "$work/projects.$format" -w '%{time_total}' -H "authorization: Bearer $token" "$api/projects?format=$format")
    echo "download $format: $(printf '%.2f' "$seconds") s, $(echo "$nprojects / $seconds" | bc) rows/s, $(du -m "$work/projects.$format" | cut -f1) MB, server peak RSS $(bench_peak "$server") MB"
done

# The same ROWS reports three ways, each into a month with none (2025: the demo county's year is
# 2026, and months not yet begun are refused): CSV and .xlsx through the API, raw COPY.
psql -qXAt -d bench_sheets -c "SELECT code FROM app.projects ORDER BY code LIMIT $rows" > "$work/codes"
{ printf '项目代码,本月完成投资(万元),形象进度,存在问题\r\n'; awk '{ printf "%s,%d.%02d,主体施工,\r\n", $1, NR % 997, NR % 100 }' "$work/codes"; } > "$work/reports.csv"
python=$BENCH_ROOT/.build/e2e-venv/bin/python
[ -x "$python" ] || { echo "openpyxl is needed: run scripts/test --e2e-only once to install it into .build/e2e-venv" >&2; exit 1; }
"$python" - "$work/reports.csv" "$work/reports.xlsx" <<'EOF'
import csv, sys, openpyxl
book = openpyxl.Workbook(write_only=True)
sheet = book.create_sheet()
with open(sys.argv[1], encoding="utf-8", newline="") as source:
    for i, row in enumerate(csv.reader(source)):
        sheet.append(row if i == 0 else [row[0], float(row[1]), row[2], row[3]])
book.save(sys.argv[2])
EOF
upload() {
    curl -s -o "$work/answer.json" -w '%{time_total}' -X POST -H "authorization: Bearer $token" \
        -H "content-type: $2" --data-binary "@$1" "$api/imports/monthly-reports?month=$3"
}
csv_seconds=$(upload "$work/reports.csv" text/csv 2025-01)
echo "import csv: $(printf '%.2f' "$csv_seconds") s for $rows rows ($(head -c 300 "$work/answer.json")), server peak RSS $(bench_peak "$server") MB"
xlsx_seconds=$(upload "$work/reports.xlsx" application/vnd.openxmlformats-officedocument.spreadsheetml.sheet 2025-02)
echo "import xlsx: $(printf '%.2f' "$xlsx_seconds") s for $rows rows, $(du -k "$work/reports.xlsx" | cut -f1) KB file ($(head -c 300 "$work/answer.json")), server peak RSS $(bench_peak "$server") MB"
psql -qXAt -d bench_sheets -c "SELECT p.id || E'\t2025-03-01\t' || (n % 997) || '.' || lpad((n % 100)::text, 2, '0') || E'\t主体施工\t'
    FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM app.projects ORDER BY code LIMIT $rows) p" > "$work/copy.tsv"
copy_seconds=$(bench_time psql -qX -d bench_sheets -c "\\copy app.monthly_reports (project_id, month, investment_completed, progress, problems) FROM '$work/copy.tsv'")
echo "raw COPY: $copy_seconds s; API speed vs COPY: csv $(bench_ratio "$copy_seconds" "$csv_seconds"), xlsx $(bench_ratio "$copy_seconds" "$xlsx_seconds")"

# Hostile uploads: the server's peak memory after each.
python3 - "$work" <<'EOF'
import io, sys, zipfile
work = sys.argv[1]
def archive(name, write):
    with zipfile.ZipFile(f"{work}/{name}", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry:
            write(entry)
def million(entry):
    entry.write(b'<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>')
    for n in range(2, 1_000_002):
        entry.write(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>P{n}</t></is></c><c r="B{n}"><v>1</v></c></row>'.encode())
    entry.write(b"</sheetData></worksheet>")
def bomb(entry):
    for _ in range(2048):
        entry.write(b" " * (1 << 20))
archive("million.xlsx", million)
archive("bomb.xlsx", bomb)
EOF
for name in million bomb; do
    status=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X POST -H "authorization: Bearer $token" \
        --data-binary "@$work/$name.xlsx" "$api/imports/monthly-reports?month=2025-04")
    echo "upload $name.xlsx ($(du -k "$work/$name.xlsx" | cut -f1) KB): HTTP ${status% *} in ${status#* } s, server peak RSS $(bench_peak "$server") MB"
done
