"""The FastAPI + asyncpg peer of ProjectYear's two hot paths, for benchmarks/api.sh.

`GET /api/v1/projects` and `PUT /api/v1/projects/{id}/reports/{month}` doing per request exactly
what the server does, as PostgreSQL's statement log shows (benchmarks/api.sh compares the two logs
before it measures): the server's statements (Sources/Store/Queries), byte for byte, with the same
parameters; the same row-level-security settings per transaction; `BEGIN READ ONLY` for the list;
the server's least-privilege login; a 10-second session cache revoked through
`LISTEN projectyear_sessions` as the server's `SessionCache` is (off while not listening); no pool
reset between requests (the server sends none); the same status codes, If-Match handling,
情况说明 rule and JSON (the list byte for byte). Tuned as users of this stack tune it: uvicorn with
uvloop and httptools, asyncpg's pool (which prepares and caches every statement), orjson, handlers
that skip pydantic. Run by the script as

    DATABASE_URL=… POOL_SIZE=8 uvicorn app:app --workers 2 --loop uvloop --http httptools

POOL_SIZE is per worker: 2 workers × 8 = the server's pool of 16.
"""
import datetime
import os
import re
import time
from decimal import Decimal

import asyncpg
import orjson
from fastapi import FastAPI, Request, Response

SESSION = "SELECT * FROM app.session_caller(sha256(convert_to($1, 'UTF8')))"
SET_CALLER = """SELECT set_config('role', $1, true),
       set_config('app.user_id', $2, true),
       set_config('app.agency_id', $3, true),
       set_config('app.agency_kind', $4, true),
       set_config('app.role', $5, true)"""
COLUMNS = """p.id, p.version, p.updated_at, p.code, p.name, p.owner, p.category, p.industry, p.stage, p.major,
p.district_id, p.lead_department_id, p.park_id, p.total_investment, p.planned_start, p.planned_completion,
p.actual_start, p.actual_completion, p.land_area, p.eia_class, p.green_channel, p.central_soe, p.national_code"""
LIST = f"""SELECT * FROM (SELECT {COLUMNS}, count(*) OVER () AS total FROM app.projects p WHERE ($1::bigint IS NULL OR p.district_id = $2)
   AND ($3::bigint IS NULL OR p.lead_department_id = $4)
   AND ($5::text IS NULL OR p.category = $6)
   AND ($7::text IS NULL OR p.stage = $8)
   AND ($9::boolean IS NULL OR p.major = $10)
   AND ($11::bigint IS NULL OR p.park_id = $12)
   AND ($13::text IS NULL OR p.name ILIKE $14 OR p.code ILIKE $15 OR p.national_code ILIKE $16)) p ORDER BY p.code LIMIT $17 OFFSET $18"""
PROJECT_KEYS = ("code", "name", "owner", "category", "industry", "stage", "major", "district_id",
                "lead_department_id", "park_id", "total_investment", "planned_start", "planned_completion",
                "actual_start", "actual_completion", "land_area", "eia_class", "green_channel", "central_soe",
                "national_code", "id", "version", "updated_at")
REPORT_SELECT = """SELECT r.id, r.project_id, r.month, r.investment_completed, r.progress, r.problems, r.explanation, r.submitted_at,
       r.submitted_by, n.display_name AS submitted_by_name, r.version, r.status, r.first_submitted_at,
       r.review_comment, r.reviewed_by, v.display_name AS reviewed_by_name, r.reviewed_at FROM app.monthly_reports r
  LEFT JOIN app.user_display_names(ARRAY[r.submitted_by]) n ON true
  LEFT JOIN app.user_display_names(ARRAY[r.reviewed_by]) v ON true"""
REPORT = REPORT_SELECT + " WHERE r.project_id = $1 AND r.month = $2"
# The project's plan for the month, its report and the report's lock, in one statement.
ENTRY = f"""SELECT pl.monthly[$1::int] AS planned, coalesce(app.report_locked(x.status), false) AS locked, x.*
  FROM app.projects p
  LEFT JOIN app.investment_plans pl ON pl.project_id = p.id AND pl.year = $2
  LEFT JOIN LATERAL ({REPORT_SELECT} WHERE r.project_id = p.id AND r.month = $3) x ON true
 WHERE p.id = $4"""
INSERT_REPORT = """INSERT INTO app.monthly_reports (project_id, month, investment_completed, progress, problems, explanation)
VALUES ($1, $2, $3, $4, $5,
        $6)
ON CONFLICT (project_id, month) DO NOTHING"""
REPLACE_REPORT = """UPDATE app.monthly_reports SET investment_completed = $1,
       progress = $2, problems = $3, explanation = $4,
       submitted_at = now(), submitted_by = app.current_user_id()
 WHERE project_id = $5 AND month = $6 AND version = $7"""
REASONS = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 409: "Conflict", 412: "Precondition Failed",
           415: "Unsupported Media Type", 422: "Unprocessable Content", 428: "Precondition Required"}
OPTIONS = orjson.OPT_UTC_Z | orjson.OPT_OMIT_MICROSECONDS
SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))
MONEY = re.compile(r"^[0-9]+(\.[0-9]{1,2})?$")

app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
pool: asyncpg.Pool


class Problem(Exception):
    def __init__(self, status, detail, errors=None, extensions=None):
        self.status, self.detail, self.errors, self.extensions = status, detail, errors, extensions or {}


@app.exception_handler(Problem)
async def problem_response(_request, problem: Problem):
    body = {"detail": problem.detail, "status": problem.status, "title": REASONS[problem.status], "type": "about:blank"}
    if problem.errors:
        body["errors"] = [{"field": f, "message": m} for f, m in problem.errors]
    body.update(problem.extensions)
    return Response(orjson.dumps(body, option=orjson.OPT_SORT_KEYS), problem.status, media_type="application/problem+json")


CACHE_SECONDS = 10.0
sessions: dict = {}      # token -> (user row, expiry on the monotonic clock)
listening = False        # the cache answers only while its LISTEN connection is up
generation = 0           # bumped by every revocation, so a lookup that raced one is not stored
listener: asyncpg.Connection  # kept referenced: a collected connection closes


async def no_reset(_connection):
    """The server sends nothing between two requests on a pooled connection; neither does the peer."""


def revoke(_connection, _pid, _channel, payload):
    global generation
    generation += 1
    user_id = int(payload)
    for token in [t for t, (user, _) in sessions.items() if user["user_id"] == user_id]:
        del sessions[token]


def listener_lost(_connection):
    global listening
    listening = False
    sessions.clear()


@app.on_event("startup")
async def startup():
    global pool, listener, listening
    size = int(os.environ.get("POOL_SIZE", "8"))
    pool = await asyncpg.create_pool(os.environ["DATABASE_URL"], min_size=size, max_size=size, reset=no_reset,
                                     server_settings={"TimeZone": "UTC", "DateStyle": "ISO, YMD"})
    listener = await asyncpg.connect(os.environ["DATABASE_URL"])
    listener.add_termination_listener(listener_lost)
    await listener.add_listener("projectyear_sessions", revoke)
    listening = True


def json_default(value):
    if isinstance(value, Decimal):
        return orjson.Fragment(format(value.normalize(), "f"))
    raise TypeError


def json_response(value, status=200, headers=None):
    return Response(orjson.dumps(value, default=json_default, option=OPTIONS), status, headers,
                    media_type="application/json; charset=utf-8")


async def caller(request: Request):
    """The session's user, from `Authorization: Bearer <token>` (401 otherwise), cached for 10 s
    as the server's SessionCache caches it."""
    header = request.headers.get("authorization")
    token = header[7:].strip() if header and header.lower().startswith("bearer ") else ""
    if not token or len(token) > 200:
        raise Problem(401, "the Authorization header must be: Bearer <token>" if header else "sign in first")
    if listening:
        cached = sessions.get(token)
        if cached is not None and cached[1] > time.monotonic():
            return cached[0]
    ticket = generation
    row = await pool.fetchrow(SESSION, token)
    if row is None:
        raise Problem(401, "the token is unknown or expired; sign in again with POST /api/v1/sessions")
    if listening and ticket == generation:
        if len(sessions) >= 10_000:
            sessions.clear()
        sessions[token] = (row, time.monotonic() + CACHE_SECONDS)
    return row


async def set_caller(connection, user):
    await connection.execute(SET_CALLER, "projectyear_app", str(user["user_id"]), str(user["agency_id"]),
                             user["agency_kind"], user["role"])


def integer(query, name, default, low, high, errors):
    text = query.get(name)
    if text is None:
        return default
    if not re.fullmatch(r"-?[0-9]+", text) or not low <= int(text) <= high:
        errors.append((name, f"must be an integer from {low} to {high}"))
        return default
    return int(text)


@app.get("/api/v1/projects")
async def list_projects(request: Request):
    user = await caller(request)
    query, errors = request.query_params, []
    limit = integer(query, "limit", 50, 1, 500, errors)
    offset = integer(query, "offset", 0, 0, 2**31 - 1, errors)
    district = integer(query, "district_id", None, 1, 2**63 - 1, errors)
    department = integer(query, "lead_department_id", None, 1, 2**63 - 1, errors)
    park = integer(query, "park_id", None, 1, 2**63 - 1, errors)
    major = {"true": True, "false": False, None: None}.get(query.get("major"), "bad")
    if major == "bad":
        errors.append(("major", "must be true or false"))
    text = query.get("q")
    pattern = None if text is None else "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    if errors:
        raise Problem(422, "the request has invalid fields; see errors", errors)
    category, stage = query.get("category"), query.get("stage")
    async with pool.acquire() as connection:
        async with connection.transaction(readonly=True):
            await set_caller(connection, user)
            rows = await connection.fetch(LIST, district, district, department, department, category, category,
                                          stage, stage, major, major, park, park, pattern, pattern, pattern, pattern, limit, offset)
            if rows:
                total = rows[0]["total"]
            elif offset > 0:
                first = await connection.fetch(LIST, district, district, department, department, category, category,
                                               stage, stage, major, major, park, park, pattern, pattern, pattern, pattern, 1, 0)
                total = first[0]["total"] if first else 0
            else:
                total = 0
    items = [{key: row[key] for key in PROJECT_KEYS} for row in rows]
    return json_response({"items": items, "total": total, "limit": limit, "offset": offset})


def user_reference(row, column):
    return None if row[column] is None else {"id": row[column], "display_name": row[column + "_name"]}


def report_json(row):
    return {"id": row["id"], "project_id": row["project_id"], "month": row["month"].strftime("%Y-%m"),
            "investment_completed": row["investment_completed"], "progress": row["progress"], "problems": row["problems"],
            "explanation": row["explanation"],
            "submitted_at": row["submitted_at"], "submitted_by": user_reference(row, "submitted_by"),
            "status": row["status"], "first_submitted_at": row["first_submitted_at"],
            "review_comment": row["review_comment"], "reviewed_by": user_reference(row, "reviewed_by"),
            "reviewed_at": row["reviewed_at"], "version": row["version"]}


def read_report(raw: bytes):
    """`{"investment_completed","progress","problems","explanation"}` as the server's ReportBody
    reads it (422 otherwise)."""
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise Problem(400, "the body is not valid JSON")
    if not isinstance(body, dict):
        raise Problem(422, "the body must be a JSON object")
    errors = [(field, "is not a known field; remove it") for field in sorted(body)
              if field not in ("investment_completed", "progress", "problems", "explanation")]
    amount = body.get("investment_completed")
    if amount is None:
        errors.append(("investment_completed", "required: a non-negative amount in 万元 with at most two decimals"))
    elif isinstance(amount, bool) or not isinstance(amount, (int, float)) or not MONEY.match(repr(amount)):
        errors.append(("investment_completed", "must be a non-negative amount in 万元 with at most two decimals"))
    texts = {}
    for field in ("progress", "problems", "explanation"):
        value = body.get(field, "")
        if not isinstance(value, str) or len(value.strip()) > 4000:
            errors.append((field, "must be text of at most 4000 characters"))
        texts[field] = value.strip() if isinstance(value, str) else ""
    if errors:
        raise Problem(422, "the request has invalid fields; see errors", errors)
    return Decimal(repr(amount)), texts["progress"], texts["problems"], texts["explanation"]


def check_explanation(amount, plan, explanation):
    """The server's ExplanationRule: a figure below 30% or above 300% of the month's plan needs 情况说明."""
    if plan is not None and plan > 0 and (amount < plan * Decimal("0.30") or amount > plan * Decimal("3.00")) \
            and not explanation:
        raise Problem(422, "the figure is far from the month's plan; give an explanation",
                      [("explanation", "required when the figure is below 30% or above 300% of the month's plan")])


@app.put("/api/v1/projects/{project}/reports/{month}")
async def put_report(project: str, month: str, request: Request):
    user = await caller(request)
    if user["role"] == "viewer":
        raise Problem(403, "this needs an editor or admin")
    if not project.isdigit() or int(project) <= 0:
        raise Problem(400, "id in the path must be a positive integer id")
    if not re.fullmatch(r"[0-9]{4}-(0[1-9]|1[0-2])", month):
        raise Problem(422, "the request has invalid fields; see errors", [("month", "must be a month YYYY-MM")])
    if month > datetime.datetime.now(SHANGHAI).strftime("%Y-%m"):
        raise Problem(422, "the request has invalid fields; see errors", [("month", f"{month} has not begun")])
    project_id, first_day = int(project), datetime.date(int(month[:4]), int(month[5:]), 1)
    version = None
    if "if-match" in request.headers:
        tag = request.headers["if-match"].strip().replace("W/", "").strip('"')
        if not tag.isdigit() or int(tag) <= 0:
            raise Problem(400, 'If-Match must be an ETag such as "3"')
        version = int(tag)
    if not request.headers.get("content-type", "").lower().startswith("application/json"):
        raise Problem(415, "send the body as JSON with Content-Type: application/json")
    amount, progress, problems, explanation = read_report(await request.body())
    async with pool.acquire() as connection:
        async with connection.transaction():
            await set_caller(connection, user)
            entry = await connection.fetchrow(ENTRY, first_day.month, first_day.year, first_day, project_id)
            if entry is None:
                raise Problem(404, f"project {project_id} not found")
            check_explanation(amount, entry["planned"], explanation)
            if entry["id"] is None:
                if version is not None:
                    raise Problem(412, f"there is no report for {month} yet; send the PUT without If-Match to create it")
                inserted = await connection.execute(INSERT_REPORT, project_id, first_day, amount, progress, problems, explanation)
                record, created = await connection.fetchrow(REPORT, project_id, first_day), True
                if inserted != "INSERT 0 1":
                    raise Problem(428, f'the report for {month} exists; send If-Match: "{record["version"]}" to replace it')
            else:
                if version is None:
                    raise Problem(428, f'the report for {month} exists; send If-Match: "{entry["version"]}" to replace it')
                if entry["version"] != version:
                    raise Problem(412, f"the resource changed since you read it (now version {entry['version']}); "
                                  "read it again and retry", extensions={"current_version": entry["version"]})
                if entry["locked"] and user["agency_kind"] != "county":
                    raise Problem(409, f"the report of {month} is approved and locked; ask a county editor to reopen it")
                changed = await connection.execute(REPLACE_REPORT, amount, progress, problems, explanation, project_id, first_day, version)
                record, created = await connection.fetchrow(REPORT, project_id, first_day), False
                if changed == "UPDATE 0":
                    raise Problem(403, "your agency or role may not change this report")
    headers = {"etag": f'"{record["version"]}"'}
    if created:
        headers["location"] = f"/api/v1/projects/{project_id}/reports/{month}"
    return json_response(report_json(record), 201 if created else 200, headers)
