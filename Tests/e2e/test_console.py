"""The web console in a real browser (headless Chromium driven by Selenium) on the demo county.

Every page is opened by a full load and must show its first data within a second (the console
marks `page-ready <path>` when a page has rendered; the mark's time is measured from the start of
navigation), must log no error in the browser console, and is saved as a screenshot in the
artifacts folder (`console/`).
"""

import base64
import json
import re
import shutil
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.print_page_options import PrintOptions
from selenium.webdriver.support.ui import Select, WebDriverWait

DESKTOP = (1366, 768)
PHONE = (390, 844)
READY_WITHIN_MS = 1000
YEAR = datetime.now(ZoneInfo("Asia/Shanghai")).year


class Console:
    """One browser window on the console: sign in, open pages, measure, look, collect the log."""

    def __init__(self, server, artifacts, name):
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN",
                         f"--window-size={DESKTOP[0]},{DESKTOP[1]}", "--disable-gpu"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
        self.server = server
        self.folder = artifacts / "console"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.name = name
        self.errors = []
        self.timings = {}

    def quit(self):
        self.driver.quit()

    def wait(self, condition, seconds=30):
        try:
            return WebDriverWait(self.driver, seconds).until(lambda d: condition())
        except TimeoutException:
            main = self.driver.execute_script("return document.getElementById('main')?.innerText?.slice(0, 400)")
            log = [e["message"] for e in self.driver.get_log("browser")]
            raise TimeoutException(f"{self.name} at {self.driver.current_url}: page shows {main!r}; browser log {log}") from None

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def ready_path(self):
        return self.driver.execute_script("return document.getElementById('main').dataset.ready || null")

    def collect_log(self, where):
        for entry in self.driver.get_log("browser"):
            if entry["level"] == "SEVERE":
                self.errors.append(f"{where}: {entry['message']}")

    def sign_in(self, username):
        self.driver.get(f"{self.server.url}/#/signin")
        self.wait(lambda: self.find_all("#signin-form"))
        role = username.rsplit(".", 1)[1]
        self.find("input[name=username]").send_keys(username)
        self.find("input[name=password]").send_keys(self.server.password(role))
        self.find("#signin-submit").click()
        # the leading group (county viewers) lands on the ranking board, everyone else at home
        landing = "/ranking" if username.startswith("yuqing.") and role == "viewer" else "/"
        self.wait(lambda: self.ready_path() == landing)
        self.collect_log(f"{username} sign-in")

    def load(self, path):
        """Loads `path` afresh (not a same-page hash change) and answers ms until its first data showed."""
        self.driver.get("about:blank")
        self.driver.get(f"{self.server.url}/#{path}")
        bare = path.split("?")[0]
        self.wait(lambda: self.ready_path() == bare)
        if bare.startswith("/projects/") and bare != "/projects/new":  # sections fill in after the details
            self.wait(lambda: self.driver.execute_script("return document.querySelector('.page')?.dataset.complete === 'true'"))
        return self.driver.execute_script(
            "const m = performance.getEntriesByName(arguments[0], 'mark'); return m.length ? m[0].startTime : null",
            f"page-ready {bare}")

    def open(self, path, shot=None):
        """Opens a page and measures it; on a shared, busy machine a slow load is measured twice more
        and the best of the three counts."""
        elapsed = self.load(path)
        for _ in range(2):
            if elapsed is not None and elapsed <= READY_WITHIN_MS:
                break
            again = self.load(path)
            elapsed = again if elapsed is None or (again is not None and again < elapsed) else elapsed
        self.timings[path] = elapsed
        self.collect_log(f"{self.name} {path}")
        if shot:
            self.screenshot(shot)
        return elapsed

    def screenshot(self, shot, size=DESKTOP):
        """A screenshot of the whole page at `size`'s width."""
        self.driver.set_window_size(*size)
        time.sleep(0.2)
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(size[0], min(max(size[1], height), 8000))
        time.sleep(0.2)
        path = self.folder / f"{shot}.png"
        self.driver.save_screenshot(str(path))
        self.driver.set_window_size(*DESKTOP)
        return path

    def nav_paths(self):
        return [a.get_attribute("data-nav") for a in self.find_all("#site-nav a[data-nav]")]


@pytest.fixture
def console(server, artifacts, request):
    windows = []

    def make(username):
        window = Console(server, artifacts, username)
        windows.append(window)
        window.sign_in(username)
        return window

    yield make
    for window in windows:
        window.quit()


def first_project(api, **filters):
    return api.get("/api/v1/projects", params={"limit": 1, **filters}).json()["items"][0]


def test_district_editor_sees_only_its_own_projects(server, console):
    page = console("nanming.editor")
    page.open("/projects", shot="district-projects")
    api = server.api("nanming.editor")
    total = api.get("/api/v1/projects", params={"limit": 1}).json()["total"]
    assert int(page.find(".total").get_attribute("data-total")) == total
    county_total = server.api("yuqing.viewer").get("/api/v1/projects", params={"limit": 1}).json()["total"]
    assert total < county_total
    districts = {cell.text for cell in page.find_all("#project-table tbody td.district")}
    assert districts == {"南明区"}
    # The same rows as a spreadsheet, where the API offers one.
    parameters = api.get("/api/v1/openapi.json").json()["paths"]["/api/v1/projects"]["get"].get("parameters", [])
    if any(p["name"] == "format" for p in parameters):
        assert page.find_all("button[data-download=xlsx]") and page.find_all("button[data-download=csv]")
    assert page.errors == []


def usual_amount(row, fallback, cents=1):
    """A figure the month's plan accepts without 情况说明 (the plan itself, `cents` more), or
    `fallback` where the row shows no plan."""
    cells = row.find_elements(By.CSS_SELECTOR, "td.ref")
    plan = cells[1].get_attribute("textContent").replace(",", "") if len(cells) > 1 else "—"
    value = float(plan) + cents / 100 if re.fullmatch(r"[0-9.]+", plan) and float(plan) > 1 else fallback
    return f"{value:.2f}"


def test_district_editor_enters_a_month_for_three_projects(server, console):
    page = console("nanming.editor")
    page.open("/entry", shot="district-entry")
    month = page.find("#entry-grid").get_attribute("data-month")
    rows = page.find_all("#entry-grid tbody tr")
    assert len(rows) >= 4
    typed = {}
    page.find(f"#{rows[0].get_attribute('id')} input.cell").click()
    for index, row in enumerate(rows[:3]):
        project = int(row.get_attribute("data-project"))
        amount = usual_amount(row, 1200 + index * 11 + 0.5)
        cell = row.find_element(By.CSS_SELECTOR, "input.cell")
        cell.click()
        cell.send_keys(Keys.CONTROL, "a")
        cell.send_keys(amount, Keys.ENTER)  # Enter moves to 形象进度
        page.driver.switch_to.active_element.send_keys(Keys.CONTROL, "a")
        page.driver.switch_to.active_element.send_keys(f"e2e 第{index + 1}行形象进度", Keys.ENTER)
        page.driver.switch_to.active_element.send_keys(Keys.CONTROL, "a")
        page.driver.switch_to.active_element.send_keys("无", Keys.ENTER)  # leaves the row: it saves
        typed[project] = float(amount)
    for row in rows[:3]:
        page.wait(lambda row=row: "is-saved" in row.get_attribute("class"))
    # A wrong figure: the row turns red with the API's message beside the cell.
    bad = rows[3].find_element(By.CSS_SELECTOR, "input.cell")
    bad.click()
    bad.send_keys(Keys.CONTROL, "a")
    bad.send_keys("-5", Keys.TAB)
    page.driver.find_element(By.ID, "save-all").click()
    page.wait(lambda: "is-failed" in rows[3].get_attribute("class"))
    assert rows[3].find_element(By.CSS_SELECTOR, ".cell-error").text != ""
    page.screenshot("district-entry-saved")
    api = server.api("nanming.editor")
    for project, amount in typed.items():
        reports = api.get(f"/api/v1/projects/{project}/reports", params={"limit": 500}).json()["items"]
        report = next(r for r in reports if r["month"] == month)
        assert float(report["investment_completed"]) == amount
        assert report["progress"].startswith("e2e 第")
    # A second session changes the first row's report; the clerk's next change of it is refused
    # with the other figures shown, what was typed stays, and saving again goes through.
    first = int(rows[0].get_attribute("data-project"))
    version = next(r["version"] for r in api.get(f"/api/v1/projects/{first}/reports", params={"limit": 500}).json()["items"]
                   if r["month"] == month)
    other = server.api("yuqing.editor").put(f"/api/v1/projects/{first}/reports/{month}", headers={"If-Match": f'"{version}"'},
                                             json={"investment_completed": 999.99, "progress": "县里改过", "problems": "",
                                                   "explanation": "县里核实后调整"})
    assert other.status_code == 200, other.text
    cell = rows[0].find_element(By.CSS_SELECTOR, "input.cell")
    page.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", cell)  # rows are taller now
    cell.click()
    cell.send_keys(Keys.CONTROL, "a")
    changed = usual_amount(rows[0], 1300, cents=2)
    cell.send_keys(changed, Keys.TAB)
    page.find("#save-all").click()
    page.wait(lambda: "is-failed" in rows[0].get_attribute("class"))
    assert "别人已修改" in rows[0].text and "999.99" in rows[0].text
    assert cell.get_attribute("value") == changed
    page.screenshot("district-entry-conflict")
    page.find("#save-all").click()
    page.wait(lambda: "is-saved" in rows[0].get_attribute("class"))
    reports = api.get(f"/api/v1/projects/{first}/reports", params={"limit": 500}).json()["items"]
    assert float(next(r for r in reports if r["month"] == month)["investment_completed"]) == float(changed)
    page.errors = [e for e in page.errors if "status of 422" not in e and "status of 412" not in e]  # on purpose
    assert page.errors == []


def test_a_stale_edit_shows_what_the_other_session_changed_and_keeps_what_was_typed(server, console):
    api = server.api("nanming.editor")
    project = first_project(api, stage="construction")
    page = console("nanming.editor")
    page.open(f"/projects/{project['id']}", shot="district-project")
    # Approved months are locked for the district: their rows offer no change.
    months = page.find_all("#report-grid tbody tr")
    approved = [row for row in months if "已审核" in row.text]
    assert approved and all("修改" not in row.text for row in approved)
    assert any("修改" in row.text for row in months if "已报送" in row.text)
    page.find("#edit-project").click()
    owner = page.find("#project-form input[name=owner]")
    owner.clear()
    owner.send_keys("e2e 新业主单位")
    # Meanwhile a second session renames the project.
    current = api.get(f"/api/v1/projects/{project['id']}")
    renamed = project["name"] + "（二期）"
    answer = server.api("yuqing.editor").patch(f"/api/v1/projects/{project['id']}", json={"name": renamed},
                                                headers={"If-Match": current.headers["ETag"]})
    assert answer.status_code == 200, answer.text
    page.find("#project-form button[type=submit]").click()
    notice = page.wait(lambda: page.find_all("#conflict-notice"))[0]
    assert "别人刚刚修改" in notice.text and renamed in notice.text
    assert page.find("#project-form input[name=owner]").get_attribute("value") == "e2e 新业主单位"
    page.screenshot("district-project-conflict")
    page.find("#conflict-reload").click()
    assert page.find("#project-form input[name=name]").get_attribute("value") == renamed
    page.find("#project-form button[type=submit]").click()
    page.wait(lambda: page.find_all("#details dd[data-field=owner]"))
    stored = api.get(f"/api/v1/projects/{project['id']}").json()
    assert stored["name"] == renamed and stored["owner"] == "e2e 新业主单位"
    page.errors = [e for e in page.errors if "status of 412" not in e]  # the conflict, on purpose
    assert page.errors == []


def test_county_editor_queues_and_publishes_and_the_board_shows_the_top_three(server, console, artifacts):
    page = console("yuqing.editor")
    page.open(f"/assessments?year={YEAR}", shot="county-assessments")
    Select(page.find("#queue-form select[name=period]")).select_by_value("year")
    page.find("#queue").click()
    publish = page.wait(lambda: page.find_all("button[data-publish]"), seconds=90)[0]
    page.screenshot("county-assessment-done")
    publish.click()
    page.wait(lambda: page.find_all("#confirm-publish"))[0].click()
    page.wait(lambda: page.find_all("#run-table tr.run-published"), seconds=30)
    page.open(f"/ranking?year={YEAR}&period=year")
    ranking = server.api("yuqing.viewer").get("/api/v1/rankings", params={"year": YEAR, "period": "year"}).json()
    for group in ("district", "department"):
        expected = [e["agency"]["code"] for e in ranking["groups"][group] if e["rank"] is not None and e["rank"] <= 3]
        rows = page.find_all(f"section[data-group={group}] table.board tbody tr")
        shown = [r.get_attribute("data-agency") for r in rows if r.get_attribute("data-rank") in ("1", "2", "3")]
        assert shown == expected
        commended = [r.get_attribute("data-agency") for r in rows if "通报表扬" in r.text]
        assert commended == [e["agency"]["code"] for e in ranking["groups"][group] if e["commended"]]
        bars = page.find_all(f"section[data-group={group}] svg .bar-row")
        assert len(bars) == len([e for e in ranking["groups"][group] if e["score"] is not None])
    title = page.find("section[data-group=district] .board-title").text
    assert title.startswith(f"{YEAR}年度项目建设年考核排名（区县组）")
    # One agency's figures on click.
    page.find("section[data-group=district] table.board tbody tr").click()
    assert page.wait(lambda: page.find_all("#indicator-details tbody tr"))
    page.screenshot("county-ranking-board")
    page.driver.set_window_size(1366, 1400)
    page.find("section[data-group=district]").screenshot(str(artifacts / "ranking-board.png"))
    # Printed, each group fits one A4 landscape page.
    options = PrintOptions()
    options.orientation, options.page_width, options.page_height, options.background = "landscape", 29.7, 21.0, True
    pdf = base64.b64decode(page.driver.print_page(options))
    (page.folder / "ranking-board.pdf").write_bytes(pdf)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 2
    assert page.errors == []


def test_a_viewer_sees_no_edit_controls(server, console):
    project = first_project(server.api("nanming.viewer"), stage="construction")
    page = console("nanming.viewer")
    assert "/entry" not in page.nav_paths()
    controls = "#edit-project, [data-add], #new-project, #save-all, #edit-plan, button.item-chip, #queue, [data-publish]"
    page.open(f"/projects/{project['id']}", shot="viewer-project")
    attachments = page.find("#attachments-title").find_element(By.XPATH, "..")
    assert page.find_all(controls) == [] and attachments.find_elements(By.CSS_SELECTOR, "input, button.button") == []
    assert "null" not in attachments.text
    # The viewer's home shows the month's returned reports too, without the clerk's link to fix them.
    page.open("/")
    returned = page.find("#reports-returned").find_element(By.XPATH, "..")
    assert "去修改" not in returned.text
    page.open("/projects")
    page.open("/parks")
    assert page.find_all(controls) == []
    county = console("yuqing.viewer")
    county.open(f"/assessments?year={YEAR}")
    county.open(f"/targets?year={YEAR}")
    assert county.find_all(controls) == []
    assert all(not i.is_enabled() for i in county.find_all("#target-grid input"))
    assert page.errors == [] and county.errors == []


def test_a_department_reviewer_approves_and_returns_and_the_district_sees_the_comment(server, console):
    paths = server.api("drc.editor").get("/api/v1/openapi.json").json()["paths"]
    if "/api/v1/reviews" not in paths:
        pytest.skip("the server has no report review yet")
    waiting = server.api("drc.editor").get("/api/v1/reviews", params={"status": "submitted", "limit": 2}).json()["items"]
    assert len(waiting) == 2
    page = console("drc.editor")
    assert "/reviews" in page.nav_paths()
    page.open("/reviews?status=submitted", shot="department-reviews")
    page.find(f"button[data-approve='{waiting[0]['id']}']").click()
    # the page shows itself afresh after an approval: wait for the new list, not only for the old to go
    page.wait(lambda: not page.find_all(f"button[data-approve='{waiting[0]['id']}']")
              and page.find_all(f"button[data-return='{waiting[1]['id']}']"))
    page.find(f"button[data-return='{waiting[1]['id']}']").click()
    comment = page.wait(lambda: page.find_all("dialog textarea[name=comment]"))[0]
    comment.send_keys("形象进度与照片不符，请核实后重报")
    page.find("dialog button[type=submit]").click()
    page.wait(lambda: not page.find_all("dialog"))
    district = server.api("yuqing.viewer")
    statuses = {}
    for item in waiting:
        reports = district.get(f"/api/v1/projects/{item['project']['id']}/reports", params={"limit": 500}).json()["items"]
        statuses[item["id"]] = next(r for r in reports if r["month"] == item["month"])
    assert statuses[waiting[0]["id"]]["status"] == "approved"
    assert statuses[waiting[1]["id"]]["status"] == "returned"
    assert statuses[waiting[1]["id"]]["review_comment"] == "形象进度与照片不符，请核实后重报"
    assert page.errors == []
    # The district that entered the returned report sees the comment in its monthly grid.
    project = district.get(f"/api/v1/projects/{waiting[1]['project']['id']}").json()
    code = next(a["code"] for a in district.get("/api/v1/agencies", params={"limit": 500}).json()["items"] if a["id"] == project["district_id"])
    clerk = console(f"{code}.editor")
    clerk.open(f"/entry?month={waiting[1]['month']}", shot="district-entry-returned")
    row = clerk.find(f"#row-{project['id']}")
    assert "已退回" in row.text and "形象进度与照片不符" in row.text
    assert clerk.errors == []


def test_the_district_home_lists_its_returned_reports_with_the_comment(server, console):
    api = server.api("nanming.editor")
    month = api.get("/api/v1/warnings", params={"year": YEAR}).json()["month"]
    returned = [r for r in api.get("/api/v1/reports", params={"month": month, "limit": 500}).json()["items"]
                if r["status"] == "returned"]
    assert returned, "the demo returns some of the district's reports"
    page = console("nanming.editor")
    page.open("/", shot="district-home-returned")
    section = page.find("#reports-returned").find_element(By.XPATH, "..")
    for report in returned:
        assert report["project"]["name"] in section.text and report["review_comment"] in section.text
    assert "均已报送" not in section.text
    assert page.errors == []


@pytest.mark.parametrize("username", ["nanming.editor", "drc.editor", "yuqing.editor", "yuqing.viewer", "yuqing.admin"])
def test_every_page_renders_its_data_within_a_second_without_console_errors(server, console, username):
    page = console(username)
    paths = page.nav_paths()
    assert paths[0] == "/"
    project = first_project(server.api(username))
    for path in paths + [f"/projects/{project['id']}"]:
        shot = f"{username}-{path.strip('/').replace('/', '-') or 'home'}"
        try:
            page.open(path, shot=shot)
        except TimeoutException:
            pytest.fail(f"{path} did not render for {username}: {page.errors}")
    (page.folder / f"timings-{username}.json").write_text(json.dumps(page.timings, indent=1, ensure_ascii=False))
    slow = {path: ms for path, ms in page.timings.items() if ms is None or ms > READY_WITHIN_MS}
    assert slow == {}, f"pages slower than {READY_WITHIN_MS} ms: {slow}"
    assert page.errors == []


def test_pages_can_be_read_on_a_phone(server, console):
    page = console("nanming.viewer")
    for path in ("/", "/projects", f"/ranking?year={YEAR}"):
        page.open(path)
        page.screenshot(f"phone-{path.strip('/').split('?')[0] or 'home'}", size=PHONE)
        page.driver.set_window_size(*PHONE)
        overflow = page.driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} is wider than a phone by {overflow}px"
        page.driver.set_window_size(*DESKTOP)
    assert page.errors == []


def test_a_projects_history_reads_as_people_write_it(server, console):
    """A report submitted, returned, resubmitted and approved, then the project imported: the
    project page's 修改记录 shows labels, names, Chinese vocabulary and county times, never an ASCII
    field name, a raw code, a user id or a UTC timestamp."""
    import io

    import openpyxl

    clerk, county = server.api("nanming.editor"), server.api("yuqing.editor")
    month = datetime.now(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m")
    project, report = None, None
    for candidate in clerk.get("/api/v1/projects", params={"limit": 100, "stage": "construction"}).json()["items"]:
        reports = clerk.get(f"/api/v1/projects/{candidate['id']}/reports", params={"limit": 500}).json()["items"]
        report = next((r for r in reports if r["month"] == month), None)
        if report is None or report["status"] != "approved":
            project = candidate
            break
    assert project, "the demo has a district project whose report of this month is not yet approved"
    path = f"/api/v1/projects/{project['id']}/reports/{month}"

    def put(version, amount):
        headers = {"If-Match": f'"{version}"'} if version else {}
        answer = clerk.put(path, json={"investment_completed": amount, "progress": "主体结构施工", "problems": ""}, headers=headers)
        assert answer.status_code in (200, 201), answer.text
        return answer.json()["version"]

    def review(version, decision, comment=None):
        body = {"decision": decision, **({"comment": comment} if comment else {})}
        answer = county.post(f"{path}/review", json=body, headers={"If-Match": f'"{version}"'})
        assert answer.status_code == 200, answer.text
        return answer.json()["version"]

    version = put(report["version"] if report else None, 1234.5)
    version = review(version, "return", "请补充现场照片。")
    version = put(version, 2345.67)
    review(version, "approve")
    # the project imported from its own download, with a new owner
    download = clerk.get("/api/v1/projects", params={"format": "xlsx", "q": project["code"]})
    assert download.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(download.content))
    sheet = book.active
    headers = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[headers.index("项目编号")].value == project["code"])
    row[headers.index("业主单位")].value = "南明区城市建设投资有限公司"
    upload = io.BytesIO()
    book.save(upload)
    imported = clerk.post("/api/v1/imports/projects", data=upload.getvalue(), params={"filename": "项目库.xlsx"},
                          headers={"Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    assert imported.status_code == 200, imported.text
    page = console("nanming.editor")
    page.open(f"/projects/{project['id']}")
    page.find("#show-history").click()
    page.wait(lambda: page.find_all("#history table"))
    page.screenshot("project-history")
    text = page.find("#history").text
    assert "由导入 #" in text and "已退回" in text and "2,345.67 万元" in text and "南明区城市建设投资有限公司" in text
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), "an ASCII field name"
    assert not re.search(r"\b(submitted|approved|returned|construction|new_start|true|false|null|undefined)\b", text)
    assert not re.search(r"：\s*\d+\s*→|→\s*\d+\s*$", text, re.M), "a user id"
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|[+-]00:00", text), "a UTC timestamp"
    assert page.errors == []
    # the import named in the history is a link to its row in 导入记录
    import_id = clerk.get("/api/v1/imports", params={"limit": 1}).json()["items"][0]["id"]
    link = page.find(f"#history a[data-import='{import_id}']")
    assert link.text.startswith(f"由导入 #{import_id}")
    link.click()
    page.wait(lambda: page.ready_path() == "/imports" and page.find_all("#marked-import"))
    marked = page.find("#import-table tr.is-marked")
    assert f"#{import_id}" in marked.text and "项目导入" in marked.text and "项目库.xlsx" in marked.text
    assert "导入 #" in page.find("#marked-import").text
    page.screenshot("imports-marked")
    page.screenshot("imports-marked-phone", size=PHONE)
    page.driver.set_window_size(*PHONE)
    overflow = page.driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    inside = page.driver.execute_script("const w = document.getElementById('import-table').parentElement; return w.scrollWidth - w.clientWidth")
    page.driver.set_window_size(*DESKTOP)
    assert overflow <= 1 and inside <= 1, f"导入记录 is wider than a phone by {overflow}px, its table scrolls by {inside}px"
    assert page.errors == []
