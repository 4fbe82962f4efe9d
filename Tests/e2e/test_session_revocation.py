"""Two server processes on one database: a token cached by one stops working there as soon as the
session ends or the user changes on the other (LISTEN/NOTIFY, SessionCache; milliseconds, bounded
at 3 s for a loaded machine)."""

import os
import subprocess
import time

import requests

from conftest import ROOT, _wait_ready, free_port


def _second_server(server, tmp_path):
    binary = os.environ.get("PROJECTYEAR_BIN", str(ROOT / ".build" / "debug" / "projectyear"))
    port = free_port()
    # A long cache lifetime, so only the revocation can end a cached token within the test.
    environment = dict(server.environment, HTTP_PORT=str(port), SESSION_CACHE_SECONDS="60")
    log = open(tmp_path / "second.log", "w")
    process = subprocess.Popen([binary, "serve"], cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    _wait_ready(url, process)
    time.sleep(0.5)  # its revocation listener connects right after start-up
    return process, url


def _status_within(url, token, expected, seconds=3.0):
    """The first status that equals `expected` within `seconds`, else the last one seen."""
    deadline = time.monotonic() + seconds
    while True:
        status = requests.get(f"{url}/api/v1/me", headers={"Authorization": f"Bearer {token}"}, timeout=10).status_code
        if status == expected or time.monotonic() > deadline:
            return status
        time.sleep(0.05)


def _sign_in(server, username):
    answer = requests.post(f"{server.url}/api/v1/sessions", timeout=30,
                           json={"username": username, "password": server.password(username.rsplit(".", 1)[1])})
    answer.raise_for_status()
    return answer.json()["token"]


def test_sign_out_and_deactivation_on_one_server_revoke_the_other_servers_cache(server, tmp_path):
    process, other = _second_server(server, tmp_path)
    try:
        # Sign-out on the first server: the second, which has the token cached, refuses it.
        token = _sign_in(server, "huaxi.viewer")
        assert requests.get(f"{other}/api/v1/me", headers={"Authorization": f"Bearer {token}"}, timeout=10).status_code == 200
        assert requests.delete(f"{server.url}/api/v1/sessions/current",
                               headers={"Authorization": f"Bearer {token}"}, timeout=10).status_code == 204
        assert _status_within(other, token, 401) == 401

        # Deactivation by the county admin on the first server.
        token = _sign_in(server, "huaxi.viewer")
        assert _status_within(other, token, 200) == 200
        admin = server.api("yuqing.admin")
        users = admin.get("/api/v1/users", params={"limit": 500}).json()["items"]
        viewer = next(user for user in users if user["username"] == "huaxi.viewer")
        changed = admin.patch(f"/api/v1/users/{viewer['id']}", json={"active": False},
                              headers={"If-Match": f'"{viewer["version"]}"'})
        assert changed.status_code == 200, changed.text
        assert _status_within(other, token, 401) == 401
        reactivated = admin.patch(f"/api/v1/users/{viewer['id']}", json={"active": True},
                                  headers={"If-Match": f'"{changed.json()["version"]}"'})
        assert reactivated.status_code == 200, reactivated.text
    finally:
        process.terminate()
        process.wait(timeout=20)
