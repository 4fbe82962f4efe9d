"""A newcomer follows the README on a fresh clone (issue 25).

The clone is the repository's files as they stand, with no `.data/` and no `.build/`; the steps
are the README's: `scripts/run`, the demo passwords where the README says they are, the ranking
board, Ctrl-C, a second start (the demo is not loaded again, the passwords are shown again).
`PROJECTYEAR_BIN` makes `scripts/run` use the debug build instead of building the release one.
"""

import datetime
import re
import stat
from zoneinfo import ZoneInfo

import requests

from clusters import Run, fresh_clone, scratch_folder
from conftest import ROOT, free_port

PASSWORDS_FILE = ".data/demo-passwords.txt"
DEADLINE_DAY = 5  # report_deadline_day of config/default-scheme.json


def passwords(clone):
    """The passwords by role, read as the README says: from .data/demo-passwords.txt."""
    path = clone / PASSWORDS_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600, "readable only by its owner"
    return dict(re.findall(r"^(admin|editor|viewer)\s+(\S+)$", path.read_text(), re.MULTILINE))


def finished_quarter(today):
    """The latest quarter of this year whose run the calendar has made due (its last month's
    reports were due on the deadline day), or None early in the year."""
    due = [q for q in (1, 2, 3) if today >= datetime.date(today.year, 3 * q + 1, DEADLINE_DAY + 1)]
    return f"Q{due[-1]}" if due else None


def test_a_fresh_clone_runs_as_the_readme_says():
    readme = (ROOT / "README.md").read_text()
    for words in ("## Before you start", "**Stop and start afresh**", "scripts/run", PASSWORDS_FILE, "rm -rf .data/",
                  "projectyear user password"):
        assert words in readme
    assert readme.count("- `docker-compose.yml`") == 1
    with scratch_folder() as folder:
        clone = fresh_clone(folder / "clone")
        assert not (clone / ".data").exists()
        http_port, pg_port = free_port(), free_port()
        run = Run(clone, http_port, pg_port)
        try:
            run.wait_ready()
            known = passwords(clone)
            assert set(known) == {"admin", "editor", "viewer"}
            # Printed again at the end of start-up, after the compile and load lines.
            tail = run.output[run.output.rindex("demo users' passwords"):]
            assert all(password in tail for password in known.values())
            answer = requests.post(f"{run.url}/api/v1/sessions", timeout=30,
                                   json={"username": "yuqing.viewer", "password": known["viewer"]})
            assert answer.status_code == 201, answer.text
            viewer = {"Authorization": f"Bearer {answer.json()['token']}"}
            today = datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date()
            quarter = finished_quarter(today)
            ranking = requests.get(f"{run.url}/api/v1/rankings", headers=viewer, timeout=30,
                                   params={"year": today.year, "period": quarter or "Q1"})
            if quarter:
                assert ranking.status_code == 200, ranking.text
                assert ranking.json()["groups"]["district"][0]["rank"] == 1
            else:
                assert ranking.status_code == 404
        finally:
            if run.process.poll() is None:
                run.ctrl_c()
        # Ctrl-C stopped the server, the worker and the cluster.
        assert not (clone / ".data" / "postgres" / "data" / "postmaster.pid").exists()
        assert "Ctrl-C stops the server, the worker and the cluster" in run.output

        # A later start keeps the data (no second demo) and shows the same passwords again.
        again = Run(clone, http_port, pg_port)
        try:
            again.wait_ready()
            assert "demo data already loaded" in again.output
            assert all(password in again.output for password in known.values())
        finally:
            if again.process.poll() is None:
                again.ctrl_c()
