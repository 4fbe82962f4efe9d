"""scripts/backup and scripts/restore under write load, as docs/OPERATIONS.md tells an operator.

- A point-in-time restore beside the running cluster, then a second restore (to the latest
  moment) from a base backup taken of the restored cluster ("Restore to a point in time").
- The machine lost: the cluster killed under writes, its data gone, restored on a "new machine"
  from a copy of the backup folder alone; every write acknowledged more than the recovery point
  objective before the kill is there ("The machine is gone: restore on a new one").
"""

import datetime
import os
import shutil
import subprocess
import threading
import time

from clusters import ROOT, Cluster, Run, fresh_clone, load_demo, rename, scratch_folder, serving, shell
from conftest import Server, free_port

# The archive timeout the checks use (seconds), short to keep them quick, and the objective
# docs/OPERATIONS.md states for it: archive_timeout + 5 s.
ARCHIVE_TIMEOUT = 2
OBJECTIVE = ARCHIVE_TIMEOUT + 5


def utc(seconds):
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).isoformat()


def script(name, *arguments, cwd=ROOT, **settings):
    """Runs scripts/NAME as an operator would; returns its standard output."""
    completed = subprocess.run([f"scripts/{name}", *map(str, arguments)], cwd=cwd, capture_output=True, text=True,
                               env=dict(os.environ, PROJECTYEAR_ARCHIVE_TIMEOUT=str(ARCHIVE_TIMEOUT),
                                        **{k: str(v) for k, v in settings.items()}))
    assert completed.returncode == 0, f"scripts/{name} failed:\n{completed.stdout}\n{completed.stderr}"
    return completed.stdout


def backup(cluster, backups):
    return script("backup", BACKUP_DIR=backups, PROJECTYEAR_PG_DIR=cluster.folder, PROJECTYEAR_PG_PORT=cluster.port)


class Load(threading.Thread):
    """Renames one project again and again, recording when each write was sent and acknowledged,
    until stopped or the database is gone."""

    def __init__(self, api, project_id):
        super().__init__(daemon=True)
        self.api, self.project_id = api, project_id
        self.writes = []  # (sent, acknowledged, version)
        self.stopping = threading.Event()

    def run(self):
        step = 0
        while not self.stopping.is_set():
            step += 1
            sent = time.time()
            try:
                version = rename(self.api, self.project_id, f"load {step}")
            except Exception:  # the cluster was killed under it
                return
            self.writes.append((sent, time.time(), version))


def test_restore_to_a_point_in_time_beside_the_cluster_and_again_from_a_backup_of_the_restore(tmp_path):
    with scratch_folder() as folder:
        primary = Cluster(folder / "primary").start()
        restored = Cluster(folder / "restored", free_port())
        again = Cluster(folder / "again", free_port())
        try:
            load_demo(primary)
            # Archiving first (its one restart is not what this test is about), as scripts/backup does.
            shell("py_archive_enable", primary.folder, primary.port, folder / "backups" / "wal")
            with serving(primary, tmp_path) as server:
                api = server.api("yuqing.editor")
                loaded, known = [p["id"] for p in api.get("/api/v1/projects", params={"limit": 2}).json()["items"]]
                load = Load(server.api("yuqing.editor"), loaded)
                load.start()
                backup(primary, folder / "backups")
                writes = []  # (sent, acknowledged, version) of the known writes, after the backup
                for step in range(1, 7):
                    sent = time.time()
                    version = rename(api, known, f"known {step}")
                    writes.append((sent, time.time(), version))
                    time.sleep(0.2)
                load.stopping.set()
                load.join()
            # The target: after the third known write was acknowledged, before the fourth was sent.
            target = (writes[2][1] + writes[3][0]) / 2
            segment = primary.sql("SELECT pg_walfile_name(pg_switch_wal())")
            wait_for(lambda: (folder / "backups" / "wal" / segment).exists())

            # Beside the primary, which keeps running.
            printed = script("restore", "--to", utc(target), "--into", restored.folder, "--port", restored.port,
                             BACKUP_DIR=folder / "backups")
            assert f"DATABASE_URL=postgresql://projectyear_server_login@localhost:{restored.port}/projectyear" in printed
            assert primary.sql("SELECT NOT pg_is_in_recovery()") == "t"
            assert restored.sql("SELECT pg_is_in_recovery()") == "f"
            with serving(restored, tmp_path) as server:
                api = server.api("yuqing.editor")
                project = api.get(f"/api/v1/projects/{known}").json()
                assert (project["name"], project["version"]) == ("known 3", writes[2][2])
                # Of the load: every write acknowledged before the target, none sent after it.
                version = api.get(f"/api/v1/projects/{loaded}").json()["version"]
                acknowledged = [v for sent, ack, v in load.writes if ack < target]
                unsent = [v for sent, ack, v in load.writes if sent > target]
                assert acknowledged and unsent
                assert max(acknowledged) <= version < min(unsent)

            # A new base backup of the restored cluster carries no recovery target of its own…
            backup(restored, folder / "backups-2")
            (base,) = (folder / "backups-2" / "base").iterdir()
            settings = (base / "postgresql.auto.conf").read_text()
            assert "recovery_target_time" not in settings and "restore_command" not in settings
            # …and restores to its latest moment, with a write taken after it.
            with serving(restored, tmp_path) as server:
                rename(server.api("yuqing.editor"), known, "after the second backup")
            segment = restored.sql("SELECT pg_walfile_name(pg_switch_wal())")
            wait_for(lambda: (folder / "backups-2" / "wal" / segment).exists())
            restored.stop()
            script("restore", "--to", "latest", "--into", again.folder, "--port", again.port, BACKUP_DIR=folder / "backups-2")
            with serving(again, tmp_path) as server:
                assert server.api("yuqing.editor").get(f"/api/v1/projects/{known}").json()["name"] == "after the second backup"
        finally:
            again.stop()
            restored.stop()
            primary.stop()


def test_the_machine_is_lost_under_writes_and_restored_on_a_new_one_within_the_objective(tmp_path):
    with scratch_folder() as folder:
        old = Cluster(folder / "old" / "postgres").start()
        new = None
        try:
            load_demo(old)
            shell("py_archive_enable", old.folder, old.port, folder / "old" / "backups" / "wal",
                  environment=dict(os.environ, PROJECTYEAR_ARCHIVE_TIMEOUT=str(ARCHIVE_TIMEOUT)))
            with serving(old, tmp_path) as server:
                api = server.api("yuqing.editor")
                project = api.get("/api/v1/projects", params={"limit": 1}).json()["items"][0]["id"]
                load = Load(api, project)
                load.start()
                backup(old, folder / "old" / "backups")
                backed_up = time.time()
                time.sleep(3 * OBJECTIVE)
                # The machine dies: no clean stop, no last segment switch.
                old.stop(mode="immediate")
                killed = time.time()
                load.join()
            shutil.rmtree(old.folder / "data")

            # The new machine, step by step as docs/OPERATIONS.md says: a clone, the backup folder
            # copied to .data/backups, scripts/restore --to latest, scripts/run.
            clone = fresh_clone(folder / "new")
            shutil.copytree(folder / "old" / "backups", clone / ".data" / "backups")
            new = Cluster(clone / ".data" / "postgres", free_port())
            script("restore", "--to", "latest", cwd=clone, PROJECTYEAR_PG_PORT=new.port)
            run = Run(clone, free_port(), new.port)
            try:
                run.wait_ready()
                server = Server(run.url, None, {})
                version = server.api("yuqing.editor").get(f"/api/v1/projects/{project}").json()["version"]
            finally:
                run.ctrl_c()
            kept = [v for sent, ack, v in load.writes if backed_up < ack < killed - OBJECTIVE]
            assert kept, "no write was acknowledged between the backup and the objective before the kill"
            assert max(kept) <= version <= max(v for _, _, v in load.writes)
        finally:
            if new:
                new.stop()
            old.stop()


def wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)
