"""The console on a phone (issue 22): every page, for every role, at 390×844 scrolls only up and
down. Not the page (its width) and not a box inside it: no table is wider than its container and
no scrolling box scrolls sideways. Each page is saved as a screenshot at both widths
(`console/phone-<user>-<page>.png` and `console/desktop-<user>-<page>.png`).

The checks draft a bulletin (so its page is visited), so they run on a demo county of their own.
"""

import time

import pytest

from test_console import DESKTOP, PHONE, Console
from test_coordination import LAST_MONTH

ROLES = ["nanming.editor", "drc.editor", "yuqing.editor", "yuqing.viewer", "yuqing.admin"]

# What scrolls sideways on the page: the page itself, a table wider than its container, or a box
# that scrolls (form fields excepted: their text scrolls inside them by nature).
SIDEWAYS = """
const found = [];
const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
const where = (el) => { const t = el.closest('table'); return t ? ` in ${name(t)} ${t.caption ? t.caption.textContent : ''}` : ''; };
const page = document.documentElement.scrollWidth - window.innerWidth;
if (page > 1) found.push(`the page is ${page}px wider than the window`);
for (const table of document.querySelectorAll('table')) {
  if (!table.offsetParent) continue;
  const room = table.parentElement.clientWidth;
  const width = table.getBoundingClientRect().width;
  if (width > room + 1) found.push(`${name(table)} is ${Math.round(width - room)}px wider than its container${where(table)}`);
}
for (const el of document.body.querySelectorAll('*')) {
  if (el.matches('input, textarea, select, option') || !el.offsetParent) continue;
  const overflow = getComputedStyle(el).overflowX;
  if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
    found.push(`${name(el)} scrolls sideways by ${el.scrollWidth - el.clientWidth}px${where(el)}`);
  }
}
return found;
"""


@pytest.fixture(scope="module")
def bulletin(own_server):
    """A drafted monthly bulletin (its page has the widest tables of figures)."""
    api = own_server.api("yuqing.editor")
    draft = api.post("/api/v1/bulletins", json={"kind": "monthly", "month": LAST_MONTH})
    assert draft.status_code == 201, draft.text
    return draft.json()


def pages_of(window, api):
    """Every page of the user's menu, a project, and the details of a meeting and a bulletin."""
    paths = window.nav_paths()
    project = api.get("/api/v1/projects", params={"limit": 1}).json()["items"][0]
    paths.append(f"/projects/{project['id']}")
    if "/meetings" in paths:
        meetings = api.get("/api/v1/meetings").json()["items"]
        if meetings:
            paths.append(f"/meetings/{meetings[0]['id']}")
    if "/bulletins" in paths:
        bulletins = api.get("/api/v1/bulletins").json()["items"]
        if bulletins:
            paths.append(f"/bulletins/{bulletins[0]['id']}")
    return paths


@pytest.mark.parametrize("username", ROLES)
def test_no_page_scrolls_sideways_on_a_phone(own_server, artifacts, bulletin, username):
    window = Console(own_server, artifacts, username)
    try:
        window.sign_in(username)
        found = []
        for path in pages_of(window, own_server.api(username)):
            window.open(path)
            shot = f"{username}-{path.strip('/').replace('/', '-') or 'home'}"
            window.screenshot(f"desktop-{shot}", size=DESKTOP)
            window.screenshot(f"phone-{shot}", size=PHONE)
            window.driver.set_window_size(*PHONE)
            window.wait(lambda: window.driver.execute_script("return window.innerWidth") <= PHONE[0])
            time.sleep(0.2)  # the layout at the new width
            found += [f"{path}: {problem}" for problem in window.driver.execute_script(SIDEWAYS)]
            window.driver.set_window_size(*DESKTOP)
        assert found == [], f"sideways scrolling at {PHONE[0]}px for {username}:\n" + "\n".join(found)
        assert window.errors == []
    finally:
        window.quit()
