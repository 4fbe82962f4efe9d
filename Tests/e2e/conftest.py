"""End-to-end fixtures: a real `projectyear` server and worker on the demo county.

The session-scoped `server` fixture makes a fresh database on the cluster named by PGHOST/PGPORT/
PGUSER (scripts/test starts a throwaway one), migrates it, loads the demo with known passwords,
and starts `projectyear serve` and `projectyear worker` on free ports. Tests talk to it over HTTP
exactly as any client does.
"""

import contextlib
import os
import socket
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
PASSWORDS = {"admin": "e2e-admin-pass-1", "editor": "e2e-editor-pass-1", "viewer": "e2e-viewer-pass-1"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def psql(sql, database="postgres"):
    subprocess.run(["psql", "-v", "ON_ERROR_STOP=1", "-qAt", "-d", database, "-c", sql],
                   check=True, capture_output=True, text=True)


class Server:
    """A running server: its base URL and ways to sign in as the demo users."""

    def __init__(self, url, database_url, environment):
        self.url = url
        self.database_url = database_url
        self.environment = environment
        self._tokens = {}

    @staticmethod
    def password(role):
        """The demo password of a role (`admin`, `editor`, `viewer`)."""
        return PASSWORDS[role]

    def token(self, username):
        """Signs in as a demo user (`<agency code>.<role>`) and returns a bearer token."""
        if username not in self._tokens:
            role = username.rsplit(".", 1)[1]
            answer = requests.post(f"{self.url}/api/v1/sessions",
                                   json={"username": username, "password": PASSWORDS[role]}, timeout=30)
            answer.raise_for_status()
            self._tokens[username] = answer.json()["token"]
        return self._tokens[username]

    def api(self, username):
        """A requests session signed in as `username`, with paths relative to the server."""
        session = _BaseURLSession(self.url)
        session.headers["Authorization"] = f"Bearer {self.token(username)}"
        return session


class _BaseURLSession(requests.Session):
    def __init__(self, base):
        super().__init__()
        self.base = base

    def request(self, method, url, *args, **kwargs):
        if url.startswith("/"):
            url = self.base + url
        kwargs.setdefault("timeout", 60)
        return super().request(method, url, *args, **kwargs)


def _run(binary, *arguments, environment):
    completed = subprocess.run([binary, *arguments], cwd=ROOT, env=environment, capture_output=True, text=True)
    if completed.returncode != 0:
        raise RuntimeError(f"projectyear {' '.join(arguments)} failed:\n{completed.stdout}\n{completed.stderr}")


def _wait_ready(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            if requests.get(f"{url}/health/ready", timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not become ready within a minute")


def _stop(*processes):
    """Stops processes gracefully (SIGTERM), killing any that take more than 20 s."""
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def artifacts():
    """The folder for screenshots and downloaded files (kept after the run)."""
    folder = Path(os.environ.get("E2E_ARTIFACTS", ROOT / ".build" / "e2e-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    with running_server(tmp_path_factory) as running:
        yield running


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    """Like `server`, for one module whose checks write freely (so others keep the demo as loaded)."""
    with running_server(tmp_path_factory) as running:
        yield running


@contextlib.contextmanager
def running_server(tmp_path_factory):
    """A server and worker on a fresh demo database of their own (for tests that write freely)."""
    binary = os.environ.get("PROJECTYEAR_BIN", str(ROOT / ".build" / "debug" / "projectyear"))
    database = f"e2e_{uuid.uuid4().hex[:12]}"
    psql(f"CREATE DATABASE {database}")
    host, port, user = os.environ["PGHOST"], os.environ["PGPORT"], os.environ.get("PGUSER", "postgres")
    database_url = f"postgresql://{user}@/{database}?host={host}&port={port}"
    # migrate and demo run as the cluster's superuser; serve and worker as their least-privilege
    # logins (created by migrate), as scripts/run sets them.
    login_url = f"postgresql://{{}}@/{database}?host={host}&port={port}"
    http_port = free_port()
    environment = dict(os.environ, DATABASE_ADMIN_URL=database_url, DATABASE_URL=login_url.format("projectyear_server_login"),
                       DATABASE_WORKER_URL=login_url.format("projectyear_worker_login"),
                       HTTP_HOST="127.0.0.1", HTTP_PORT=str(http_port),
                       LOG_LEVEL="warning", WORKER_POLL="1",
                       DEMO_ADMIN_PASSWORD=PASSWORDS["admin"], DEMO_EDITOR_PASSWORD=PASSWORDS["editor"],
                       DEMO_VIEWER_PASSWORD=PASSWORDS["viewer"])
    _run(binary, "migrate", environment=environment)
    _run(binary, "demo", environment=environment)
    # serve and worker log in as their own logins (migration 0019); they refuse the superuser
    def as_login(login):
        return dict(environment, DATABASE_URL=database_url.replace(f"{user}@", f"{login}@", 1))
    logs = tmp_path_factory.mktemp("server")
    with open(logs / "serve.log", "w") as serve_log, open(logs / "worker.log", "w") as worker_log:
        serve = subprocess.Popen([binary, "serve"], cwd=ROOT, env=as_login("projectyear_server_login"),
                                 stdout=serve_log, stderr=subprocess.STDOUT)
        worker = subprocess.Popen([binary, "worker"], cwd=ROOT, env=as_login("projectyear_worker_login"),
                                  stdout=worker_log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{http_port}"
        try:
            _wait_ready(url, serve)
            yield Server(url, database_url, environment)
        finally:
            _stop(serve, worker)
            psql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
