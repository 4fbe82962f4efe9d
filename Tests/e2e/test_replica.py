"""A primary and a hot standby on loopback (pg_basebackup -R, as scripts/run --replica makes
them) with `projectyear serve` reading from the standby. The checks run in file order on one pair
of clusters; the last one promotes the standby."""

import subprocess
import threading
import time

import pytest
import requests

from clusters import BINARY, ROOT, Cluster, environment, load_demo, rename, scratch_folder, serving, shell

WAIT_MS = 500


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    with scratch_folder() as folder:
        primary = Cluster(folder / "primary").start()
        replica = Cluster(folder / "replica")
        try:
            load_demo(primary)
            shell("py_replica_start", primary.folder, primary.port, replica.folder, replica.port)
            logs = tmp_path_factory.mktemp("replica")
            with serving(primary, logs, DATABASE_REPLICA_URLS=replica.url(user="projectyear_server_login"), DATABASE_REPLICA_WAIT=str(WAIT_MS)) as server:
                wait_for(lambda: replica_states(server) == ["streaming"])
                yield primary, replica, server, logs
        finally:
            replica.stop()
            primary.stop()


def replica_states(server):
    return [r["state"] for r in requests.get(f"{server.url}/health/ready", timeout=5).json().get("replicas", [])]


def replica_reads(server):
    """How many reads the server sent to a standby so far (from /metrics)."""
    text = requests.get(f"{server.url}/metrics", timeout=5).text
    lines = [l for l in text.splitlines() if l.startswith("db_reads_total") and 'target="replica"' in l]
    return float(lines[0].split()[-1]) if lines else 0.0


def wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_the_standby_streams_the_primarys_writes(pair):
    primary, replica, server, _ = pair
    assert primary.sql("SELECT state FROM pg_stat_replication") == "streaming"
    assert replica.sql("SELECT pg_is_in_recovery()") == "t"
    api = server.api("yuqing.editor")
    project = api.get("/api/v1/projects", params={"limit": 1}).json()["items"][0]["id"]
    version = rename(api, project, "streamed")
    replica.wait_until(f"SELECT version = {version} FROM app.projects WHERE id = {project}", "projectyear")


def test_a_session_reads_its_own_write_through_the_standby(pair):
    primary, replica, server, _ = pair
    api = server.api("yuqing.editor")
    project = api.get("/api/v1/projects", params={"limit": 1}).json()["items"][0]["id"]
    before = replica_reads(server)
    for step in range(20):
        current = api.get(f"/api/v1/projects/{project}").json()
        answer = api.patch(f"/api/v1/projects/{project}", json={"name": f"own write {step}"},
                           headers={"If-Match": f'"{current["version"]}"'})
        assert answer.status_code == 200 and "/" in answer.headers["X-Commit-LSN"]
        assert api.get(f"/api/v1/projects/{project}").json()["name"] == f"own write {step}"
    assert replica_reads(server) >= before + 40  # the reads went to the standby

    # With replay paused the standby cannot catch up: the writer's read waits, then uses the
    # primary and sees its write; another session still reads the standby's older row.
    other = server.api("yuqing.viewer")
    replica.sql("SELECT pg_wal_replay_pause()")
    try:
        rename(api, project, "while paused")
        started = time.monotonic()
        assert api.get(f"/api/v1/projects/{project}").json()["name"] == "while paused"
        assert time.monotonic() - started >= WAIT_MS / 1000
        assert other.get(f"/api/v1/projects/{project}").json()["name"] == "own write 19"
    finally:
        replica.sql("SELECT pg_wal_replay_resume()")


def test_a_deactivation_the_standby_has_not_replayed_still_signs_the_user_out(pair):
    """The session cache is filled from the primary only: a standby behind a deactivation must not
    put the user back into the cache (reads and writes would pass for the cache's lifetime)."""
    primary, replica, server, _ = pair
    admin, viewer = server.api("yuqing.admin"), server.api("yuqing.viewer")
    me = viewer.get("/api/v1/me")
    assert me.status_code == 200
    user = admin.get(f"/api/v1/users/{me.json()['id']}").json()
    replica.sql("SELECT pg_wal_replay_pause()")
    try:
        answer = admin.patch(f"/api/v1/users/{user['id']}", json={"active": False},
                             headers={"If-Match": f'"{user["version"]}"'})
        assert answer.status_code == 200, answer.text
        time.sleep(0.5)  # the revocation reaches the server's listener
        assert viewer.get("/api/v1/me").status_code == 401
        assert viewer.get("/api/v1/projects").status_code == 401
    finally:
        replica.sql("SELECT pg_wal_replay_resume()")
        current = admin.get(f"/api/v1/users/{user['id']}").json()
        admin.patch(f"/api/v1/users/{user['id']}", json={"active": True}, headers={"If-Match": f'"{current["version"]}"'})


def test_analysts_see_exactly_their_agency_on_the_standby(pair):
    primary, replica, server, _ = pair
    subprocess.run([BINARY, "analyst", "add", "--agency", "nanming", "--login", "ana_nanming"], cwd=ROOT,
                   input="analyst-pass-1\n", text=True, check=True, capture_output=True,
                   env=environment(primary))
    replica.wait_until("SELECT count(*) = 1 FROM pg_roles WHERE rolname = 'ana_nanming'")

    def as_analyst(sql):
        return subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(replica.port), "-U", "ana_nanming", "-d", "projectyear",
                               "-qtAc", sql], check=True, capture_output=True, text=True,
                              env={"PGPASSWORD": "analyst-pass-1", "PATH": "/usr/bin:/bin"}).stdout.strip()

    nanming = primary.sql("SELECT id FROM app.agencies WHERE code = 'nanming'", "projectyear")
    assert as_analyst("SELECT string_agg(DISTINCT district_id::text, ',') FROM reporting.projects") == nanming
    assert as_analyst("SELECT pg_is_in_recovery()") == "t"
    # The time limits of analyst logins (AnalystQueries.timeLimits) hold on the standby too.
    assert as_analyst("SHOW statement_timeout") == "5min"
    assert as_analyst("SHOW idle_in_transaction_session_timeout") == "10min"


def test_killing_the_standby_mid_load_fails_no_request(pair):
    primary, replica, server, _ = pair
    api = server.api("nanming.viewer")
    failures, answered, stop = [], [], threading.Event()

    def load():
        while not stop.is_set():
            try:
                answer = api.get("/api/v1/projects", params={"limit": 50})
                (answered if answer.status_code == 200 else failures).append(answer.status_code)
            except requests.RequestException as error:
                failures.append(repr(error))

    threads = [threading.Thread(target=load) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        wait_for(lambda: len(answered) >= 5, seconds=60)
        replica.stop(mode="immediate")
        killed_at = len(answered)
        wait_for(lambda: len(answered) >= killed_at + 10, seconds=60)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert failures == []
    wait_for(lambda: replica_states(server) == ["down"], seconds=60)
    replica.start()
    wait_for(lambda: replica_states(server) == ["streaming"], seconds=60)


def test_promoting_the_standby_after_the_primary_stops(pair):
    primary, replica, server, logs = pair
    api = server.api("yuqing.editor")
    project = api.get("/api/v1/projects", params={"limit": 1}).json()["items"][0]["id"]
    version = rename(api, project, "before failover")
    replica.wait_until(f"SELECT version = {version} FROM app.projects WHERE id = {project}", "projectyear")
    # docs/OPERATIONS.md, "Failover": stop the primary, promote the standby, point the server at it.
    primary.stop()
    shell("py_pg", "/usr/lib/postgresql/15/bin/pg_ctl", "-D", replica.folder / "data", "-w", "promote")
    replica.wait_until("SELECT NOT pg_is_in_recovery()")
    with serving(replica, logs) as promoted:
        api = promoted.api("yuqing.editor")
        assert api.get(f"/api/v1/projects/{project}").json()["name"] == "before failover"
        assert rename(api, project, "after failover") == version + 1
