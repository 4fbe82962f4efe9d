"""Availability cases of benchmarks/availability.sh: each attack runs in threads while a
district viewer reads GET /api/v1/projects on one kept-alive connection; prints p50/p99 (ms)."""
import http.client, io, json, socket, statistics, sys, threading, time, zipfile

port, seconds, editor, viewer = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
projects = sys.argv[5].split(",")
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def sign_in(username, password):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    c.request("POST", "/api/v1/sessions", json.dumps({"username": username, "password": password}),
              {"Content-Type": "application/json"})
    r = c.getresponse()
    body = json.loads(r.read())
    return body.get("token")


def raw(head, body=b"", timeout=60):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.sendall(head.encode() + body)
    return s


def stalled_uploads(token, stop):
    held = []
    for i in range(32):
        head = (f"POST /api/v1/projects/{projects[i % len(projects)]}/attachments?filename=x.png HTTP/1.1\r\nHost: x\r\n"
                f"Authorization: Bearer {token}\r\nContent-Type: image/png\r\nContent-Length: 100000\r\n\r\n")
        held.append(raw(head, PNG[:40]))
    stop.wait()
    for s in held: s.close()


def workbook():
    strings = "".join(f"<si><t>{'x' * 8000}{i}</t></si>" for i in range(5000))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + strings + "</sst>")
        z.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>')
    return out.getvalue()


def imports(token, stop):
    data = workbook()
    def one():
        while not stop.is_set():
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            c.request("POST", "/api/v1/imports/projects?dry_run=true", data,
                      {"Authorization": f"Bearer {token}", "Content-Type": "application/octet-stream"})
            c.getresponse().read()
            c.close()
    run_threads(one, 6, stop)


def slow_uploads(token, stop):
    def one(index):
        size, sent = 4 << 20, 0
        head = (f"POST /api/v1/projects/{projects[index]}/attachments?filename=s{index}.png HTTP/1.1\r\nHost: x\r\n"
                f"Authorization: Bearer {token}\r\nContent-Type: image/png\r\nContent-Length: {size}\r\n\r\n")
        s = raw(head, PNG)
        sent = len(PNG)
        piece = bytes([index]) * (32 << 10)
        while sent < size and not stop.is_set():
            n = min(len(piece), size - sent)
            s.sendall(piece[:n]); sent += n
            time.sleep(n / (256 << 10))
        s.close()
    threads = [threading.Thread(target=one, args=(i,)) for i in range(16)]
    for t in threads: t.start()
    for t in threads: t.join()


def sign_ins(_token, stop):
    counter = iter(range(10 ** 9))
    def one():
        while not stop.is_set():
            sign_in(f"nobody-{next(counter)}", "guess")
    run_threads(one, 32, stop)


def run_threads(target, count, stop):
    threads = [threading.Thread(target=target) for _ in range(count)]
    for t in threads: t.start()
    for t in threads: t.join()


def measure(token, duration):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    times, bad, end = [], 0, time.monotonic() + duration
    while time.monotonic() < end:
        start = time.monotonic()
        c.request("GET", "/api/v1/projects?limit=20", headers={"Authorization": f"Bearer {token}"})
        r = c.getresponse(); r.read()
        times.append((time.monotonic() - start) * 1000)
        if r.status != 200: bad += 1
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.99) - 1)], len(times), bad


editor_token = sign_in(editor, "bench-editor")
viewer_token = sign_in(viewer, "bench-viewer")
print(f"{'case':<40} {'requests':>8} {'non-200':>8} {'p50 ms':>8} {'p99 ms':>8}")
p50, p99, n, bad = measure(viewer_token, seconds)
print(f"{'0 no attack':<40} {n:>8} {bad:>8} {p50:>8.1f} {p99:>8.1f}")
for name, attack in [("1 32 stalled uploads", stalled_uploads), ("2 6 inflating imports at once", imports),
                     ("3 16 uploads of 4 MiB at 256 KiB/s", slow_uploads), ("4 32 sign-ins, new usernames", sign_ins)]:
    stop = threading.Event()
    attacker = threading.Thread(target=attack, args=(editor_token, stop))
    attacker.start()
    time.sleep(1)
    p50, p99, n, bad = measure(viewer_token, seconds)
    stop.set()
    attacker.join()
    print(f"{name:<40} {n:>8} {bad:>8} {p50:>8.1f} {p99:>8.1f}", flush=True)
