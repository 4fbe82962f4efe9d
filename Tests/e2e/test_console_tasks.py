"""The console's third-wave leftovers (issue 22), each checked in the browser at 1366×768 and
390×844 with screenshots (`console/tasks-*`): a clerk's overdue meeting decisions on the home's
task list, linking to the decision; the ranking board of a year with one published quarter, which
draws no trend and says why; and a viewer who finds no control to change anything on any page.

These checks write (a meeting, its decisions, another year's targets, statistics and a published
run), so they run on a demo county of their own.
"""

import time
from datetime import timedelta

import pytest
from selenium.webdriver.common.by import By

from test_console import DESKTOP, PHONE, YEAR, Console
from test_console_month import TODAY, both_widths


@pytest.fixture
def console(own_server, artifacts):
    windows = []

    def make(username, size=DESKTOP):
        window = Console(own_server, artifacts, username)
        windows.append(window)
        window.driver.set_window_size(*size)
        window.sign_in(username)
        return window

    yield make
    for window in windows:
        window.quit()


def decide(county, meeting, project, agency, due, text):
    """An agenda item added by hand to `meeting`, with a decision for `agency` due on `due`."""
    item = county.post(f"/api/v1/meetings/{meeting}/items", json={"summary": f"{text}（议题）", "subject": {"type": "project", "id": project}})
    assert item.status_code == 201, item.text
    decided = county.put(f"/api/v1/meetings/{meeting}/items/{item.json()['id']}/decision",
                         json={"text": text, "agency_id": agency, "due_date": due.isoformat()})
    assert decided.status_code in (200, 201), decided.text
    return item.json()["id"]


def test_the_clerks_home_lists_overdue_decisions_and_links_to_each(console, own_server):
    county, clerk = own_server.api("yuqing.editor"), own_server.api("nanming.editor")
    district = clerk.get("/api/v1/me").json()["agency"]["id"]
    other = next(a["id"] for a in clerk.get("/api/v1/agencies", params={"limit": 500}).json()["items"] if a["kind"] == "department")
    project = clerk.get("/api/v1/projects", params={"limit": 1}).json()["items"][0]["id"]
    meeting = county.post("/api/v1/meetings", json={"kind": "special", "title": "e2e 专题调度会", "date": TODAY.isoformat(),
                                                    "chair": "县长", "agency_ids": [district, other]})
    assert meeting.status_code == 201, meeting.text
    meeting = meeting.json()["id"]
    overdue = decide(county, meeting, project, district, TODAY - timedelta(days=3), "南明区限期完成征地拆迁")
    decide(county, meeting, project, district, TODAY + timedelta(days=10), "南明区下月完成管线迁改")
    decide(county, meeting, project, other, TODAY - timedelta(days=3), "牵头部门的逾期决定事项")
    page = console("nanming.editor")
    page.open("/")
    section = page.find("#decisions-overdue").find_element(By.XPATH, "..")
    assert "南明区限期完成征地拆迁" in section.text, "the overdue decision is a task"
    assert "下月完成管线迁改" not in section.text, "a decision not yet due is not"
    assert "牵头部门的逾期" not in section.text, "another agency's decision is not"
    assert both_widths(page, "tasks-home-decisions") <= 1
    page.find(f"a.go-decision[href*='item={overdue}']").click()
    page.wait(lambda: page.ready_path() == f"/meetings/{meeting}")
    row = page.find("#agenda-table tr.is-target")
    assert "南明区限期完成征地拆迁" in row.text
    assert page.driver.switch_to.active_element == row
    page.screenshot("tasks-meeting-decision")
    page.screenshot("tasks-meeting-decision-phone", size=PHONE)
    assert page.errors == []


def test_a_board_with_one_published_quarter_draws_no_trend_and_says_why(console, own_server):
    """A year before the demo's: targets and statistics entered, Q1 computed by the worker and
    published, nothing else; its board has one quarter of scores."""
    county = own_server.api("yuqing.editor")
    year = YEAR - 1
    districts = [a for a in county.get("/api/v1/agencies", params={"limit": 500}).json()["items"] if a["kind"] == "district"]
    for index, district in enumerate(districts):
        target = county.put(f"/api/v1/targets/{year}/{district['id']}",
                            json={"fai": 10000, "major_investment": None, "new_starts": None, "completions": None, "attraction_funds": None})
        assert target.status_code in (200, 201), target.text
        figure = county.put(f"/api/v1/statistics/fai/{district['id']}/{year}-03", json={"amount": 1000 + 150 * index})
        assert figure.status_code in (200, 201), figure.text
    run = county.post("/api/v1/assessments", json={"year": year, "period": "Q1"})
    assert run.status_code == 202, run.text
    deadline = time.monotonic() + 120
    while county.get(f"/api/v1/assessments/{run.json()['id']}").json()["status"] != "done":
        assert time.monotonic() < deadline, "the Q1 run did not finish"
        time.sleep(0.5)
    assert county.post(f"/api/v1/assessments/{run.json()['id']}/publish").status_code == 200
    ranked = county.get("/api/v1/rankings", params={"year": year, "period": "Q1"}).json()["groups"]["district"]
    assert sum(1 for e in ranked if e["rank"] is not None) == len(districts), "every district is ranked in Q1"
    page = console("yuqing.viewer")
    page.open(f"/ranking?year={year}&period=Q1")
    group = page.find("section[data-group=district]")
    assert group.find_elements(By.CSS_SELECTOR, "table.board tbody tr") and group.find_elements(By.CSS_SELECTOR, "svg .bar-row")
    assert not page.find_all(".board-trend"), "one published quarter draws no trend"
    note = group.find_element(By.CSS_SELECTOR, ".no-trend").text
    assert "从两个季度起" in note and "1 个季度" in note, note
    assert both_widths(page, "tasks-ranking-one-quarter") <= 1
    assert page.errors == []


# What a viewer may press: it reads, downloads, prints, filters, pages, or marks its own messages
# read. Any other button, any field outside a filter form, any form that submits, is a control
# that changes something.
READING = {"导出 Excel", "导出 CSV", "打印", "查看", "上一页", "下一页", "筛选", "清除筛选", "资金到位记录", "下载会议纪要",
           "下载 Word", "标为已读", "全部标为已读"}
CONTROLS = """
const reading = new Set(arguments[0]);
const found = [];
const main = document.getElementById('main');
const name = (el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent || el.name || '').trim().slice(0, 30)}"`;
const filtering = (el) => el.closest('.filters, [role=search], .pager');
for (const field of main.querySelectorAll('input, select, textarea')) {
  if (!field.disabled && !filtering(field)) found.push(`field ${name(field)}`);
}
for (const form of main.querySelectorAll('form')) {
  if (!filtering(form) && form.querySelector('button[type=submit], input:not([disabled]), select:not([disabled]), textarea:not([disabled])')) found.push(`form ${name(form)}`);
}
for (const button of main.querySelectorAll('button, [role=button]')) {
  if (filtering(button) || button.classList.contains('link-button') || reading.has(button.textContent.trim())) continue;
  found.push(`button ${name(button)}`);
}
return found;
"""


@pytest.fixture(scope="module")
def issued_bulletin(own_server):
    """An issued monthly bulletin (viewers read issued bulletins only)."""
    county = own_server.api("yuqing.editor")
    month = (TODAY.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    draft = county.post("/api/v1/bulletins", json={"kind": "monthly", "month": month})
    assert draft.status_code == 201, draft.text
    issued = county.post(f"/api/v1/bulletins/{draft.json()['id']}/issue", headers={"If-Match": f"\"{draft.json()['version']}\""})
    assert issued.status_code == 200, issued.text
    return issued.json()


def test_an_issued_bulletins_message_links_to_it(console, issued_bulletin):
    page = console("nanming.viewer")
    page.open("/notifications")
    assert page.find_all(f"#notification-list a[href$='/bulletins/{issued_bulletin['id']}']")


@pytest.mark.parametrize("username", ["nanming.viewer", "drc.viewer", "yuqing.viewer"])
def test_a_viewer_finds_no_control_that_changes_anything_on_any_page(console, own_server, issued_bulletin, username):
    api = own_server.api(username)
    page = console(username)
    paths = page.nav_paths()
    assert "/entry" not in paths and "/reviews" not in paths and "/users" not in paths
    project = api.get("/api/v1/projects", params={"limit": 1, "stage": "construction"}).json()["items"][0]
    paths += [f"/projects/{project['id']}", f"/bulletins/{issued_bulletin['id']}"]
    meetings = api.get("/api/v1/meetings").json()["items"]
    paths += [f"/meetings/{m['id']}" for m in meetings[:1]]
    found = []
    for path in paths:
        page.open(path)
        found += [f"{path}: {control}" for control in page.driver.execute_script(CONTROLS, sorted(READING))]
        if path.startswith("/projects/"):
            page.screenshot(f"tasks-viewer-{username.split('.')[0]}-project")
    assert found == [], f"{username} can change things:\n" + "\n".join(found)
    assert page.errors == []
