"""scripts/backup under write load, restored to a point in time between two acknowledged writes.

The steps after the backup are those of docs/OPERATIONS.md ("Restore to a point in time").
"""

import datetime
import os
import shutil
import subprocess
import threading
import time

from clusters import ROOT, Cluster, load_demo, rename, scratch_folder, serving, shell


def utc(seconds):
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).isoformat()


class Load(threading.Thread):
    """Renames one project again and again, recording when each write was sent and acknowledged."""

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
            version = rename(self.api, self.project_id, f"load {step}")
            self.writes.append((sent, time.time(), version))


def test_backup_restores_to_a_point_in_time(tmp_path):
    with scratch_folder() as folder:
        primary = Cluster(folder / "primary").start()
        try:
            load_demo(primary)
            # Archiving first (its one restart is not what this test is about), as scripts/backup does.
            shell("py_archive_enable", primary.folder, primary.port, folder / "backups" / "wal")
            with serving(primary, tmp_path) as server:
                api = server.api("yuqing.editor")
                loaded, known = [p["id"] for p in api.get("/api/v1/projects", params={"limit": 2}).json()["items"]]
                load = Load(server.api("yuqing.editor"), loaded)
                load.start()
                subprocess.run(["scripts/backup"], cwd=ROOT, check=True, capture_output=True,
                               env=dict(os.environ, BACKUP_DIR=str(folder / "backups"), PROJECTYEAR_PG_DIR=str(primary.folder),
                                        PROJECTYEAR_PG_PORT=str(primary.port)))
                writes = []  # (sent, acknowledged, version) of the known writes, after the backup
                for step in range(1, 7):
                    sent = time.time()
                    writes.append((sent, None, rename(api, known, f"known {step}")))
                    writes[-1] = (sent, time.time(), writes[-1][2])
                    time.sleep(0.2)
                load.stopping.set()
                load.join()
            # The target: after the third known write was acknowledged, before the fourth was sent.
            target = (writes[2][1] + writes[3][0]) / 2
            segment = primary.sql("SELECT pg_walfile_name(pg_switch_wal())")
            wait_for(lambda: (folder / "backups" / "wal" / segment).exists())
            primary.stop()

            (base,) = (folder / "backups" / "base").iterdir()
            restored = Cluster(folder / "restored")
            shutil.copytree(base, restored.folder / "data")  # py_cluster_start gives it to the postgres user
            with open(restored.folder / "data" / "postgresql.auto.conf", "a") as conf:
                conf.write(f"restore_command = 'cp {folder}/backups/wal/%f %p'\n"
                           f"recovery_target_time = '{utc(target)}'\n"
                           "recovery_target_action = 'promote'\n"
                           "archive_mode = off\n")
            (restored.folder / "data" / "recovery.signal").touch()
            restored.start()
            restored.wait_until("SELECT NOT pg_is_in_recovery()")
            try:
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
                    # The restored cluster takes writes on its new timeline.
                    rename(api, known, "after the restore")
            finally:
                restored.stop()
        finally:
            primary.stop()


def wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)
