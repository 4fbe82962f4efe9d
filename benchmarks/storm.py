"""The month-end storm of benchmarks/storm.sh, on asyncio with the standard library only.

    storm.py PORT SECONDS TOKENS_FILE

TOKENS_FILE holds one line per simulated person: `clerk TOKEN PROJECT_IDS`, `reviewer TOKEN` or
`stream TOKEN`. For SECONDS:
- each clerk loads the project list (as the console's entry page does), then every 2–6 s reads
  one of its projects' December report (to get its version) and saves it (PUT with If-Match),
  reading the list again after every fifth save;
- each reviewer (a department's editor) takes November's reports waiting for review (20 at a time) and approves
  them in one batch (`POST /api/v1/reviews/batch`), pausing 1–3 s;
- each stream holds `GET /api/v1/notifications/stream` open and counts the events it receives.
Prints one JSON object: counts, p50/p99 (ms) of saves and list loads, errors by kind.
"""
import asyncio, json, random, sys, time

port, seconds, tokens_file = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
stats = {"save": [], "list": [], "review_list": [], "approve": [], "errors": {}, "events": 0, "approved": 0}


def error(kind):
    stats["errors"][kind] = stats["errors"].get(kind, 0) + 1


class Connection:
    """One kept-alive HTTP/1.1 connection (Content-Length bodies only)."""

    async def open(self):
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", port, limit=1 << 22)

    async def request(self, method, path, token, body=None, headers=()):
        data = b"" if body is None else json.dumps(body).encode()
        head = [f"{method} {path} HTTP/1.1", "Host: storm", f"Authorization: Bearer {token}", f"Content-Length: {len(data)}"]
        if body is not None:
            head.append("Content-Type: application/json")
        head += list(headers)
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + data)
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("closed")
        status = int(status_line.split()[1])
        length = 0
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        payload = await self.reader.readexactly(length) if length else b""
        return status, payload


async def timed(kind, connection, *args, expect=(200,), **kwargs):
    start = time.monotonic()
    try:
        status, payload = await connection.request(*args, **kwargs)
    except Exception as exc:
        error(f"{kind}: {type(exc).__name__}")
        await connection.open()
        return None, b""
    stats[kind].append((time.monotonic() - start) * 1000)
    if status not in expect:
        error(f"{kind}: {status} {payload[:120].decode(errors='replace')}")
    return status, payload


async def clerk(token, projects, stop):
    connection = Connection()
    await connection.open()
    await asyncio.sleep(random.uniform(0, 3))
    await timed("list", connection, "GET", "/api/v1/projects?limit=50", token)
    saves = 0
    while not stop.is_set():
        await asyncio.sleep(random.uniform(2, 6))
        project = random.choice(projects)
        status, payload = await connection.request("GET", f"/api/v1/projects/{project}/reports/2026-12", token)
        if status == 200:
            version = json.loads(payload)["version"]
            headers, expect = [f'If-Match: "{version}"'], (200,)
        else:
            headers, expect = [], (201,)
        body = {"investment_completed": round(random.uniform(10, 900), 2), "progress": "月末报送", "problems": ""}
        await timed("save", connection, "PUT", f"/api/v1/projects/{project}/reports/2026-12", token, body, headers, expect=expect)
        saves += 1
        if saves % 5 == 0:
            await timed("list", connection, "GET", "/api/v1/projects?limit=50", token)


async def reviewer(token, stop):
    connection = Connection()
    await connection.open()
    while not stop.is_set():
        status, payload = await timed("review_list", connection, "GET", "/api/v1/reviews?status=submitted&month=2026-11&limit=20", token)
        items = json.loads(payload).get("items", []) if status == 200 else []
        if items:
            batch = {"decision": "approve", "items": [
                {"project_id": item["project"]["id"], "month": item["month"], "version": item["version"]} for item in items]}
            status, payload = await timed("approve", connection, "POST", "/api/v1/reviews/batch", token, batch)
            if status == 200:
                stats["approved"] += sum(1 for r in json.loads(payload)["results"] if r.get("status") == "approved")
        await asyncio.sleep(random.uniform(1, 3))


async def stream(token, stop):
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"GET /api/v1/notifications/stream HTTP/1.1\r\nHost: storm\r\nAuthorization: Bearer {token}\r\n\r\n".encode())
        status_line = await reader.readline()
        if b" 200" not in status_line:
            error(f"stream: {status_line.decode(errors='replace').strip()}")
            return
        while not stop.is_set():
            line = await asyncio.wait_for(reader.readline(), timeout=seconds + 30)
            if not line:
                error("stream: closed by the server")
                return
            if line.startswith(b"id:"):
                stats["events"] += 1
    except asyncio.TimeoutError:
        pass
    except Exception as exc:
        error(f"stream: {type(exc).__name__}")


def percentile(values, share):
    values = sorted(values)
    return round(values[min(len(values) - 1, int(len(values) * share))], 1) if values else None


async def main():
    stop = asyncio.Event()
    tasks = []
    for line in open(tokens_file):
        kind, token, *rest = line.split()
        if kind == "clerk":
            tasks.append(asyncio.create_task(clerk(token, rest[0].split(","), stop)))
        elif kind == "reviewer":
            tasks.append(asyncio.create_task(reviewer(token, stop)))
        else:
            tasks.append(asyncio.create_task(stream(token, stop)))
    await asyncio.sleep(seconds)
    stop.set()
    await asyncio.wait(tasks, timeout=30)
    summary = {kind: {"count": len(stats[kind]), "p50_ms": percentile(stats[kind], 0.5), "p99_ms": percentile(stats[kind], 0.99)}
               for kind in ("save", "list", "review_list", "approve")}
    summary.update(errors=stats["errors"], stream_events=stats["events"], approved=stats["approved"])
    print(json.dumps(summary, ensure_ascii=False))


asyncio.run(main())
