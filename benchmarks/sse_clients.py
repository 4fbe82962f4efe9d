"""N concurrent subscribers of GET /api/v1/notifications/stream on one server process.

Opens N streams for one user, waits until every stream is connected, inserts one notification
for the user's agency from another connection (psql), and measures when each stream receives
it. Prints the fan-out latency percentiles and the server's resident memory.

    python3 sse_clients.py URL USERNAME PASSWORD N SERVER_PID PSQL_INSERT_SQL DATABASE
"""
import asyncio
import json
import subprocess
import sys
import time
import urllib.request


def sign_in(url, username, password):
    request = urllib.request.Request(
        url + "/api/v1/sessions", data=json.dumps({"username": username, "password": password}).encode(),
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)["token"]


async def subscriber(host, port, token, connected, arrived, index):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write((f"GET /api/v1/notifications/stream HTTP/1.1\r\nHost: {host}\r\n"
                  f"Authorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n").encode())
    await writer.drain()
    data = b""
    while True:
        chunk = await reader.read(65536)
        if not chunk:
            return
        data += chunk
        if index not in connected and b": connected" in data:
            connected.add(index)
        if b"\nid: " in data or data.startswith(b"id: "):
            arrived[index] = time.monotonic()
            writer.close()
            return


def memory(pid):
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = value.strip()
    return values


async def main():
    url, username, password, count, pid, insert_sql, database = sys.argv[1:8]
    count, host, port = int(count), url.split("//")[1].split(":")[0], int(url.rsplit(":", 1)[1])
    token = sign_in(url, username, password)
    connected, arrived = set(), {}
    tasks = []
    for index in range(count):
        tasks.append(asyncio.create_task(subscriber(host, port, token, connected, arrived, index)))
        if index % 100 == 99:
            await asyncio.sleep(0.05)
    deadline = time.monotonic() + 60
    while len(connected) < count and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    print(f"{len(connected)} of {count} streams connected")
    idle = memory(pid)
    print(f"server memory with {len(connected)} idle streams: RSS {idle.get('VmRSS')}, peak {idle.get('VmHWM')}")
    started = time.monotonic()
    subprocess.run(["psql", "-qX", "-d", database, "-c", insert_sql], check=True)
    inserted = time.monotonic()
    await asyncio.wait(tasks, timeout=10)
    latencies = sorted((arrived[i] - started) * 1000 for i in arrived)
    if not latencies:
        print("no stream received the notification")
        return
    def pct(p):
        return latencies[min(len(latencies) - 1, int(round(p / 100 * len(latencies))) - 1)]
    print(f"insert committed after {(inserted - started) * 1000:.0f} ms (psql process included)")
    print(f"received by {len(latencies)} of {count}: p50 {pct(50):.0f} ms, p99 {pct(99):.0f} ms, max {latencies[-1]:.0f} ms "
          "(from before the insert)")
    after = memory(pid)
    print(f"server memory after the fan-out: RSS {after.get('VmRSS')}, peak {after.get('VmHWM')}")


asyncio.run(main())
