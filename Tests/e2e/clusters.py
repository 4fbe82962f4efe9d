"""Private PostgreSQL clusters and servers for the backup and replication checks, and fresh
clones of the repository that run `scripts/run` as a newcomer or an operator does.

Each check makes its own clusters under a temporary folder with the functions of
scripts/postgres.sh (the ones scripts/run uses), never touching the shared test cluster, and runs
`projectyear` on them exactly as an operator would.
"""

import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from conftest import PASSWORDS, ROOT, Server, _run, _stop, _wait_ready, free_port

BINARY = os.environ.get("PROJECTYEAR_BIN", str(ROOT / ".build" / "debug" / "projectyear"))


def shell(function, *arguments, environment=None):
    """Runs a function of scripts/postgres.sh (as the `postgres` user where it must)."""
    completed = subprocess.run(["bash", "-c", '. scripts/postgres.sh && "$@"', "bash", function, *map(str, arguments)],
                               cwd=ROOT, capture_output=True, text=True, env=environment)
    if completed.returncode != 0:
        raise RuntimeError(f"{function} failed:\n{completed.stdout}\n{completed.stderr}")
    return completed.stdout.strip()


@contextmanager
def scratch_folder():
    """A temporary folder the `postgres` user can reach, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="projectyear-clusters-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class Cluster:
    """A PostgreSQL cluster in `folder/data` with its socket in `folder/run`, on its own port."""

    def __init__(self, folder, port=None):
        self.folder = Path(folder)
        self.port = port or free_port()

    def start(self):
        shell("py_cluster_start", self.folder, self.port)
        return self

    def stop(self, mode="fast"):
        if (self.folder / "data" / "postmaster.pid").exists():
            shell("py_pg", "/usr/lib/postgresql/15/bin/pg_ctl", "-D", self.folder / "data", "-m", mode, "-w", "stop")

    def sql(self, statement, database="postgres"):
        """Runs one statement as postgres and returns its bare output."""
        return shell("py_pg", "/usr/lib/postgresql/15/bin/psql", "-h", self.folder / "run", "-p", self.port,
                     "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-qtAc", statement)

    def url(self, database="projectyear", user="postgres"):
        return f"postgresql://{user}@localhost:{self.port}/{database}"

    def wait_until(self, statement, database="postgres", seconds=30):
        """Waits until `statement` answers `t`."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.sql(statement, database) == "t":
                return
            time.sleep(0.1)
        raise AssertionError(f"not true within {seconds} s: {statement}")


def environment(cluster, database="projectyear", **settings):
    """The environment of `projectyear` commands on `cluster`: migrations and the demo as the
    superuser, the server and the worker as their own logins; the e2e demo passwords."""
    return dict(os.environ, DATABASE_ADMIN_URL=cluster.url(database), LOG_LEVEL="warning",
                DATABASE_URL=cluster.url(database, "projectyear_server_login"),
                DATABASE_WORKER_URL=cluster.url(database, "projectyear_worker_login"),
                DEMO_ADMIN_PASSWORD=PASSWORDS["admin"], DEMO_EDITOR_PASSWORD=PASSWORDS["editor"],
                DEMO_VIEWER_PASSWORD=PASSWORDS["viewer"], **settings)


def load_demo(cluster, database="projectyear"):
    """Creates `database` on `cluster`, migrates it and loads the demo county."""
    cluster.sql(f"CREATE DATABASE {database}")
    settings = environment(cluster, database)
    _run(BINARY, "migrate", environment=settings)
    _run(BINARY, "demo", environment=settings)


@contextmanager
def serving(cluster, logs, **settings):
    """Runs `projectyear serve` on `cluster` and yields a conftest `Server` for it."""
    port = free_port()
    settings = environment(cluster, HTTP_HOST="127.0.0.1", HTTP_PORT=str(port), **settings)
    log = Path(logs) / f"serve-{uuid.uuid4().hex[:6]}.log"
    with open(log, "w") as output:
        process = subprocess.Popen([BINARY, "serve"], cwd=ROOT, env=settings, stdout=output, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_ready(url, process)
            yield Server(url, settings["DATABASE_URL"], settings)
        finally:
            _stop(process)


def rename(api, project_id, name):
    """PATCHes a project's name with its current version; returns the new version."""
    current = api.get(f"/api/v1/projects/{project_id}")
    current.raise_for_status()
    answer = api.patch(f"/api/v1/projects/{project_id}", json={"name": name},
                       headers={"If-Match": f'"{current.json()["version"]}"'})
    answer.raise_for_status()
    return answer.json()["version"]


def fresh_clone(folder):
    """The repository's files (tracked, and new ones not ignored) as they are in the work tree."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.split(b"\0")
    for name in filter(None, (n.decode() for n in listed)):
        source = ROOT / name
        if source.is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / name)
    return folder


class Run:
    """`scripts/run` in a clone, as in a terminal: its own process group, its output collected."""

    def __init__(self, clone, http_port, pg_port):
        settings = {k: v for k, v in os.environ.items()
                    if not k.startswith(("PG", "DATABASE_", "DEMO_")) and k not in ("HTTP_HOST", "HTTP_PORT")}
        settings.update(PROJECTYEAR_BIN=BINARY, HTTP_PORT=str(http_port), PROJECTYEAR_PG_PORT=str(pg_port),
                        LOG_LEVEL="warning")
        self.url = f"http://127.0.0.1:{http_port}"
        self.process = subprocess.Popen(["scripts/run"], cwd=clone, env=settings, start_new_session=True,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines = []
        self.reader = threading.Thread(target=lambda: self.lines.extend(self.process.stdout), daemon=True)
        self.reader.start()

    @property
    def output(self):
        return "".join(self.lines)

    def wait_ready(self, seconds=600):
        """Waits until it has printed where it serves (after the passwords) and the server is ready."""
        deadline = time.monotonic() + seconds
        while "serving on" not in self.output:
            assert self.process.poll() is None, f"scripts/run exited with {self.process.returncode}:\n{self.output}"
            assert time.monotonic() < deadline, f"scripts/run did not start within {seconds} s:\n{self.output}"
            time.sleep(1)
        _wait_ready(self.url, self.process)

    def ctrl_c(self):
        os.killpg(self.process.pid, signal.SIGINT)
        self.process.wait(timeout=90)
        self.reader.join(timeout=10)
