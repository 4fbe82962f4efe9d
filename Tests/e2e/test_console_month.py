"""The console for the month's real work (issue 22): the phone layout, returned reports, the entry
grid, sign-in, the review queue, 考核管理, the project page, the ranking board and printing, at
1366×768 and 390×844, with screenshots in the artifacts folder (`console/month-*`).

These checks write (reports entered, returned, approved), so they run on a demo county of their
own (`own_server`), leaving the shared one as loaded for the other console checks.
"""

import re
import struct
import time
import zlib
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from test_console import DESKTOP, PHONE, YEAR, Console, usual_amount
from test_console_phone import bulletin, pages_of  # noqa: F401 (bulletin is a fixture)

TODAY = datetime.now(ZoneInfo("Asia/Shanghai")).date()


@pytest.fixture
def console(own_server, artifacts):
    windows = []

    def make(username, size=DESKTOP, sign_in=True):
        window = Console(own_server, artifacts, username)
        windows.append(window)
        window.driver.set_window_size(*size)
        if sign_in:
            window.sign_in(username)
        return window

    yield make
    for window in windows:
        window.quit()


def overflow(page):
    """How many pixels the page is wider than its window (sideways scrolling)."""
    return page.driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")


def both_widths(page, name):
    """Screenshots of the current page at desktop and phone width; answers the phone's overflow."""
    page.screenshot(f"month-{name}", size=DESKTOP)
    page.screenshot(f"month-{name}-phone", size=PHONE)
    page.driver.set_window_size(*PHONE)
    wider = overflow(page)
    page.driver.set_window_size(*DESKTOP)
    return wider


def returned_report(api):
    """A returned report of the caller's district (the demo returns some of the last month's)."""
    month = api.get("/api/v1/warnings", params={"year": YEAR}).json()["month"]
    items = api.get("/api/v1/reports", params={"month": month, "limit": 500}).json()["items"]
    return next(r for r in items if r["status"] == "returned")


def active(page):
    return page.driver.switch_to.active_element


# 1. Phone -------------------------------------------------------------------------------------

def test_on_a_phone_the_menu_folds_into_one_button(console):
    page = console("nanming.editor", size=PHONE)
    page.driver.set_window_size(*PHONE)
    toggle = page.find("#nav-toggle")
    assert toggle.is_displayed() and toggle.get_attribute("aria-expanded") == "false"
    assert not page.find("#site-nav ul").is_displayed()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    links = [a for a in page.find_all("#site-nav a[data-nav]") if a.is_displayed()]
    assert {"/entry", "/notifications", "/ranking", "/land"} <= {a.get_attribute("data-nav") for a in links}
    page.screenshot("month-phone-menu", size=PHONE)
    assert overflow(page) <= 1
    page.driver.set_window_size(*DESKTOP)
    assert not page.find("#nav-toggle").is_displayed() and page.find("#site-nav ul").is_displayed()


def test_the_month_on_a_phone_one_card_per_project_fill_save_fix(console, own_server):
    page = console("nanming.editor", size=PHONE)
    page.open("/entry")
    page.driver.set_window_size(*PHONE)
    cards = page.find_all("#entry-grid tbody tr")
    assert cards and page.find("#entry-grid thead").is_displayed() is False
    first = cards[0]
    assert first.value_of_css_property("display") == "block"
    label = page.driver.execute_script(
        "return getComputedStyle(arguments[0], '::before').content", first.find_element(By.CSS_SELECTOR, "td[data-label] input.cell").find_element(By.XPATH, ".."))
    assert "本月完成投资" in label
    page.screenshot("month-phone-entry-empty", size=PHONE)
    page.driver.set_window_size(*PHONE)
    # fill every card
    for index, card in enumerate(cards):
        cell = card.find_element(By.CSS_SELECTOR, "input.cell")
        if not cell.is_enabled():
            continue
        page.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", cell)
        cell.click()
        cell.send_keys(Keys.CONTROL, "a")
        cell.send_keys(usual_amount(card, 100 + index, cents=3))
        progress = card.find_element(By.CSS_SELECTOR, "textarea[name=progress]")
        progress.click()
        progress.send_keys(Keys.CONTROL, "a")
        progress.send_keys(f"手机填报 第{index + 1}个项目")
    page.find("#save-all").click()
    for card in cards:
        if card.find_element(By.CSS_SELECTOR, "input.cell").is_enabled():
            page.wait(lambda card=card: "is-saved" in card.get_attribute("class"))
    assert overflow(page) <= 1
    page.screenshot("month-phone-entry-saved", size=PHONE)
    page.driver.set_window_size(*PHONE)
    # an error, then fixed
    cell = cards[0].find_element(By.CSS_SELECTOR, "input.cell")
    page.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", cell)
    cell.click()
    cell.send_keys(Keys.CONTROL, "a")
    cell.send_keys("十二")
    page.find("#save-all").click()
    page.wait(lambda: "is-failed" in cards[0].get_attribute("class"))
    assert cards[0].find_element(By.CSS_SELECTOR, "#" + cards[0].get_attribute("id").replace("row-", "r") + "-investment_completed-error").text
    page.screenshot("month-phone-entry-error", size=PHONE)
    page.driver.set_window_size(*PHONE)
    cell.send_keys(Keys.CONTROL, "a")
    cell.send_keys(usual_amount(cards[0], 100, cents=4))
    page.find("#save-all").click()
    page.wait(lambda: "is-saved" in cards[0].get_attribute("class"))
    page.errors = [e for e in page.errors if "status of 422" not in e]  # the error, on purpose
    assert page.errors == []


# 2. Returned reports --------------------------------------------------------------------------

def test_a_returned_report_is_lifted_marked_with_its_comment_and_not_counted(console, own_server):
    api = own_server.api("nanming.editor")
    report = returned_report(api)
    month_reports = api.get("/api/v1/reports", params={"month": report["month"], "limit": 500}).json()["items"]
    page = console("nanming.editor")
    page.open(f"/entry?month={report['month']}")
    rows = page.find_all("#entry-grid tbody tr")
    returned = [r for r in rows if "is-returned" in r.get_attribute("class")]
    assert returned and rows[:len(returned)] == returned, "returned reports come first"
    row = page.find(f"#row-{report['project']['id']}")
    assert "is-returned" in row.get_attribute("class") and report["review_comment"] in row.find_element(By.CSS_SELECTOR, ".returned-comment").text
    done = sum(1 for r in month_reports if r["status"] != "returned" and page.find_all(f"#row-{r['project']['id']}"))
    assert f"已报 {done} 个" in page.find("#entry-summary").text
    assert "被退回待修改" in page.find("#entry-summary").text
    assert both_widths(page, "entry-returned") <= 1


def test_the_home_is_a_task_list_across_months_linking_to_the_row(console, own_server):
    api = own_server.api("nanming.editor")
    report = returned_report(api)
    page = console("nanming.editor")
    page.open("/")
    section = page.find("#reports-returned").find_element(By.XPATH, "..")
    assert report["month"] in section.text and report["review_comment"] in section.text
    assert both_widths(page, "home-tasks") <= 1
    link = page.find(f"a.fix-returned[href*='report={report['id']}']")
    link.click()
    page.wait(lambda: page.ready_path() == "/entry")
    row = page.find(f"#row-{report['project']['id']}")
    assert "is-target" in row.get_attribute("class")
    assert active(page).get_attribute("id") == f"r{report['project']['id']}-investment"


def test_a_message_about_a_returned_report_links_to_its_row(console, own_server):
    api = own_server.api("nanming.editor")
    notices = api.get("/api/v1/notifications", params={"limit": 500}).json()["items"]
    notice = next(n for n in notices if n["kind"] == "report_returned")
    page = console("nanming.editor")
    page.open("/notifications")
    link = page.find(f"#notification-list a[href*='report={notice['subject']['id']}']")
    assert "/entry" in link.get_attribute("href")


def test_a_message_about_a_problem_links_to_its_project(console, own_server):
    api = own_server.api("drc.editor")
    notices = api.get("/api/v1/notifications", params={"limit": 500}).json()["items"]
    index, notice = next((i, n) for i, n in enumerate(notices) if n["subject"]["type"] == "problem")
    project = notice["subject"]["project_id"]
    assert project, notice
    page = console("drc.editor")
    page.open(f"/notifications?offset={index // 50 * 50}")  # the page of 50 that shows it
    assert page.find_all(f"#notification-list a[href$='/projects/{project}']")


# 3. The grid ----------------------------------------------------------------------------------

def planned_row(page):
    """A row with a plan for the month above 10 万元 and an editable figure."""
    for row in page.find_all("#entry-grid tbody tr"):
        cells = row.find_elements(By.CSS_SELECTOR, "td.ref")
        plan = cells[1].get_attribute("textContent").replace(",", "") if len(cells) > 1 else ""
        if re.fullmatch(r"[0-9.]+", plan) and float(plan) > 10 and row.find_element(By.CSS_SELECTOR, "input.cell").is_enabled():
            return row, float(plan)
    pytest.skip("no row with a plan this month")


def type_into(cell, text):
    cell.click()
    cell.send_keys(Keys.CONTROL, "a")
    cell.send_keys(text)


def test_the_grid_reads_numbers_as_clerks_type_them_and_shows_them_formatted(console, own_server):
    page = console("nanming.editor")
    page.open("/entry")
    row, plan = planned_row(page)
    project = row.get_attribute("data-project")
    cell = row.find_element(By.CSS_SELECTOR, "input.cell")
    full_width = f"{plan:.2f}".translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    type_into(cell, full_width)
    page.find("#save-all").click()
    page.wait(lambda: "is-saved" in row.get_attribute("class"))
    type_into(cell, f"{plan + 0.5:,.2f}万元")
    page.find("#save-all").click()
    page.wait(lambda: "is-saved" in row.get_attribute("class") and not row.find_elements(By.CSS_SELECTOR, ".cell-error:not(:empty)"))
    page.open(page.driver.current_url.split("#", 1)[1])
    cell = page.find(f"#r{project}-investment")
    assert cell.get_attribute("value") == f"{plan + 0.5:,.2f}"
    # 本年累计 ignores what is not a number
    ytd = page.find(f"#row-{project} td.num:not(.ref)")
    before = ytd.text
    type_into(cell, "-5")
    assert ytd.text != before and "-" not in ytd.text.replace("—", "")
    page.errors = []


def test_a_row_clears_its_error_when_the_saved_figure_is_typed_back(console):
    page = console("nanming.editor")
    page.open("/entry")
    row, plan = planned_row(page)
    cell = row.find_element(By.CSS_SELECTOR, "input.cell")
    type_into(cell, f"{plan:.2f}")
    page.find("#save-all").click()
    page.wait(lambda: "is-saved" in row.get_attribute("class"))
    saved = cell.get_attribute("value")
    type_into(cell, "abc")
    page.find("#save-all").click()
    page.wait(lambda: "is-failed" in row.get_attribute("class"))
    type_into(cell, saved)
    page.wait(lambda: "is-failed" not in row.get_attribute("class"))
    assert not [e.text for e in row.find_elements(By.CSS_SELECTOR, ".cell-error") if e.text]
    page.errors = [e for e in page.errors if "status of 422" not in e]
    assert page.errors == []


def test_a_figure_far_from_the_plan_asks_for_an_explanation_in_the_row(console, own_server):
    page = console("nanming.editor")
    page.open("/entry")
    row, plan = planned_row(page)
    project = row.get_attribute("data-project")
    explain = row.find_element(By.CSS_SELECTOR, ".explain")
    assert not explain.is_displayed()
    type_into(row.find_element(By.CSS_SELECTOR, "input.cell"), f"{plan * 5:.2f}")
    assert explain.is_displayed() and "情况说明" in explain.text
    assert both_widths(page, "entry-explanation") <= 1
    page.find("#save-all").click()
    page.wait(lambda: "is-failed" in row.get_attribute("class"))
    assert "情况说明" in row.find_element(By.CSS_SELECTOR, f"#r{project}-explanation-error").text
    type_into(row.find_element(By.CSS_SELECTOR, "textarea[name=explanation]"), "设备集中到货，投资集中入账")
    page.find("#save-all").click()
    page.wait(lambda: "is-saved" in row.get_attribute("class"))
    month = page.find("#entry-grid").get_attribute("data-month")
    stored = own_server.api("nanming.editor").get(f"/api/v1/projects/{project}/reports/{month}").json()
    assert stored["explanation"] == "设备集中到货，投资集中入账"
    page.errors = [e for e in page.errors if "status of 422" not in e]
    assert page.errors == []


def test_same_as_last_month_copies_the_progress_and_text_boxes_are_multi_line(console):
    page = console("nanming.editor")
    page.open("/entry")
    button = page.find_all("#entry-grid button.same-as-last")
    assert button, "some project has last month's progress"
    row = button[0].find_element(By.XPATH, "ancestor::tr")
    button[0].click()
    progress = row.find_element(By.CSS_SELECTOR, "textarea[name=progress]")
    assert progress.get_attribute("value") and int(progress.get_attribute("rows")) >= 3
    assert "is-dirty" in row.get_attribute("class")


# 4. Sign-in -----------------------------------------------------------------------------------

def test_sign_in_starts_on_the_username_names_the_county_and_offers_help(console, own_server):
    page = console("nanming.editor", sign_in=False)
    page.driver.get(f"{own_server.url}/#/signin")
    page.wait(lambda: page.find_all("#signin-help"))
    assert active(page).get_attribute("name") == "username"
    assert "余庆县" in page.find("#signin-county").text and "联系" in page.find("#signin-help").text
    assert "nanming" not in page.find("#signin-form").text
    assert both_widths(page, "signin") <= 1
    page.sign_in("yuqing.viewer")
    words = page.find("#whoami").text.replace("（", " · ").replace("）", "").split(" · ")
    assert len(words) == len(set(words)), page.find("#whoami").text


# 5. The review queue --------------------------------------------------------------------------

def test_the_review_queue_shows_context_filters_in_the_url_and_approves_in_a_batch(console, own_server):
    api = own_server.api("drc.editor")
    waiting = api.get("/api/v1/reviews", params={"limit": 500}).json()["items"]
    district = waiting[0]["district_id"]
    page = console("drc.editor")
    page.open(f"/reviews?district_id={district}")
    assert Select(page.find("#review-filters select[name=district_id]")).first_selected_option.get_attribute("value") == str(district)
    table = page.find("#review-table")
    assert "本月计划" in table.text and "上月完成" in table.text and "本年累计" in table.text
    assert "形象进度：" in table.text
    assert len(page.find_all("#review-table td .submitted-at")) == len(page.find_all("#review-table tbody tr"))
    assert both_widths(page, "reviews") <= 1
    # on a 1366-pixel screen every column, the buttons included, is in view without scrolling the table
    hidden = page.driver.execute_script(
        "const box = document.querySelector('#review-table').closest('.table-wrap') || document.querySelector('#review-table');"
        "return box.scrollWidth - box.clientWidth")
    assert hidden <= 1, f"the review table scrolls {hidden} px sideways at {DESKTOP[0]} px"
    boxes = page.find_all("input.review-check")[:2]
    chosen = [int(b.get_attribute("data-report")) for b in boxes]
    for box in boxes:
        box.click()
    assert "2" in page.find("#batch-approve").text
    page.find("#batch-approve").click()
    page.wait(lambda: all(not page.find_all(f"input.review-check[data-report='{c}']") for c in chosen))
    items = {r["id"]: r for r in waiting}
    for report_id in chosen:
        report = items[report_id]
        stored = api.get(f"/api/v1/projects/{report['project']['id']}/reports/{report['month']}").json()
        assert stored["status"] == "approved"
    # ready-made return comments
    page.find("button[data-return]").click()
    ready = page.wait(lambda: page.find_all("dialog button[data-comment]"))
    ready[0].click()
    assert page.find("dialog textarea[name=comment]").get_attribute("value") == ready[0].get_attribute("data-comment")
    page.screenshot("month-reviews-return")
    assert page.errors == []


# 6. 考核管理 and the county home ----------------------------------------------------------------

def due_period(day):
    past = lambda month: day.month > month + 1 or (day.month == month + 1 and day.day > 5)  # noqa: E731
    return "Q3" if past(9) else "Q2" if past(6) else "Q1"


def test_assessments_default_to_the_latest_due_period_and_say_when_there_are_none(console):
    page = console("yuqing.editor")
    page.open(f"/assessments?year={YEAR}")
    period = Select(page.find("#queue-form select[name=period]")).first_selected_option.get_attribute("value")
    assert period == due_period(TODAY)
    assert both_widths(page, "assessments") <= 1
    page.open(f"/assessments?year={YEAR + 1}")
    assert "还没有考核计算" in page.find("#no-runs").text


def test_the_county_home_pages_its_warnings_at_50(console, own_server):
    page = console("yuqing.editor")
    page.open("/")
    warnings = page.find("#warnings-title").find_element(By.XPATH, "..")
    rows = warnings.find_elements(By.CSS_SELECTOR, "table caption")
    project_table = next(c for c in rows if c.text == "项目预警").find_element(By.XPATH, "..")
    assert len(project_table.find_elements(By.CSS_SELECTOR, "tbody tr")) <= 50
    assert warnings.find_elements(By.CSS_SELECTOR, ".total")
    assert both_widths(page, "county-home") <= 1


# 7. The project page --------------------------------------------------------------------------

def png(width=8, height=6):
    """A small valid PNG (a red rectangle)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def test_the_project_page_shows_photo_thumbnails_and_asks_before_deleting(console, own_server):
    api = own_server.api("nanming.editor")
    project = api.get("/api/v1/projects", params={"limit": 1, "stage": "construction"}).json()["items"][0]
    uploaded = api.post(f"/api/v1/projects/{project['id']}/attachments", params={"filename": "工地.png"}, data=png(),
                        headers={"Content-Type": "image/png"})
    assert uploaded.status_code == 201, uploaded.text
    page = console("nanming.editor")
    page.open(f"/projects/{project['id']}")
    thumb = page.wait(lambda: page.find_all("#attachments img.thumb"))[0]
    page.wait(lambda: page.driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", thumb))
    assert both_widths(page, "project") <= 1
    page.find(f"button[data-delete-attachment='{uploaded.json()['id']}']").click()
    assert "确定删除" in page.wait(lambda: page.find_all("dialog"))[0].text
    page.find("dialog button.secondary").click()
    assert api.get(f"/api/v1/projects/{project['id']}/attachments").json()["total"] >= 1
    shown = page.driver.execute_script("return import('/js/format.js').then((m) => m.percentAgainst(0.7998, 0.8))")
    assert shown == "79.98%"


# 8. The leading group's board and 9. printing -------------------------------------------------

@pytest.fixture(scope="module")
def published(own_server):
    """Q3 and the (provisional) year-end run of the demo year, published by the county."""
    api = own_server.api("yuqing.editor")
    for period in ("Q3", "year"):
        run = api.post("/api/v1/assessments", json={"year": YEAR, "period": period})
        assert run.status_code == 202, run.text
        deadline = time.monotonic() + 120
        while api.get(f"/api/v1/assessments/{run.json()['id']}").json()["status"] != "done":
            assert time.monotonic() < deadline, f"the {period} run did not finish"
            time.sleep(0.5)
        assert api.post(f"/api/v1/assessments/{run.json()['id']}/publish").status_code == 200

def test_the_leading_group_lands_on_the_board_which_explains_each_unit(console, published):
    page = console("yuqing.viewer")
    assert page.ready_path() == "/ranking"
    assert both_widths(page, "ranking") <= 1
    behind_rows = [r for r in page.find_all("table.board tbody tr") if "进度滞后" in r.text]
    for row in behind_rows:
        assert row.find_elements(By.CSS_SELECTOR, "td.cell-behind[data-indicator]"), row.text
    labels = [t.text for t in page.find_all("svg .bar-row text") if re.fullmatch(r"[0-9.]+", t.text or "")]
    assert labels and all(re.fullmatch(r"\d+\.\d\d", x) for x in labels)
    page.find("section[data-group=district] table.board tbody tr").click()
    details = page.wait(lambda: page.find_all("#indicator-details"))[0]
    assert "权重" in details.text and "单位" in details.text and "目标来源" in details.text
    page.open(f"/ranking?year={YEAR}&period=Q3")
    assert "累计比例" in page.find("section[data-group=district]").get_attribute("textContent") or page.find_all("table.board")
    # The demo publishes its ended quarters (Q1–Q3), so Q3's board has a trend to draw.
    assert page.find_all(".board-trend"), "three published quarters draw a trend"


def test_the_printed_board_carries_office_time_pages_and_no_highlight(console, published):
    page = console("yuqing.viewer")
    page.open(f"/ranking?year={YEAR}&period=year")
    assert page.find_all("section.board-group.provisional"), "the year-end run is provisional (Q1, Q2, Q4 unpublished)"
    page.find("section[data-group=district] table.board tbody tr").click()
    page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    meta = page.find("section[data-group=district] .print-meta")
    assert meta.is_displayed() and "打印时间" in meta.text and "印发单位" in meta.text
    selected = page.find("table.board tr.is-selected")
    assert selected.value_of_css_property("background-color") in ("rgba(0, 0, 0, 0)", "transparent")
    for group in page.find_all("section.board-group.provisional"):
        assert group.find_element(By.CSS_SELECTOR, ".provisional-stamp").is_displayed()
    page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


# Keyboard alone ---------------------------------------------------------------------------------

def press(page, *keys):
    active(page).send_keys(*keys)


def tab_until(page, predicate, key=Keys.TAB, limit=300):
    for _ in range(limit):
        press(page, key)
        if predicate(active(page)):
            return active(page)
    raise AssertionError("the keyboard never reached it")


def test_the_clerks_whole_month_by_keyboard_alone(console, own_server):
    api = own_server.api("nanming.editor")
    page = console("nanming.editor", sign_in=False)
    page.driver.get(f"{own_server.url}/#/signin")
    page.wait(lambda: page.find_all("#signin-form"))
    # sign in: the cursor starts in 用户名
    press(page, "nanming.editor", Keys.TAB)
    press(page, own_server.password("editor"), Keys.ENTER)
    page.wait(lambda: page.ready_path() == "/")
    # from the task list, straight to a returned report's row
    link = tab_until(page, lambda el: "fix-returned" in (el.get_attribute("class") or ""))
    month = re.search(r"month=(\d{4}-\d{2})", link.get_attribute("href")).group(1)
    press(page, Keys.ENTER)
    page.wait(lambda: page.ready_path() == "/entry")
    rows = [r for r in page.find_all("#entry-grid tbody tr") if r.find_element(By.CSS_SELECTOR, "input.cell").is_enabled()]
    first = rows[0].find_element(By.CSS_SELECTOR, "input.cell").get_attribute("id")
    if active(page).get_attribute("id") != first:
        tab_until(page, lambda el: el.get_attribute("id") == first, key=Keys.SHIFT + Keys.TAB)
    # every project: figure, Enter, 形象进度, Enter, 存在问题, Enter (the row saves as it is left)
    for index, row in enumerate(rows):
        assert active(page).get_attribute("id") == row.find_element(By.CSS_SELECTOR, "input.cell").get_attribute("id")
        press(page, Keys.CONTROL, "a")
        press(page, usual_amount(row, 50 + index, cents=5), Keys.ENTER)
        if active(page).get_attribute("name") == "explanation":  # asked for (or kept from before)
            if not active(page).get_attribute("value"):
                press(page, "键盘填报的情况说明")
            press(page, Keys.ENTER)
        press(page, Keys.CONTROL, "a")
        press(page, f"键盘填报 第{index + 1}个项目", Keys.ENTER)
        press(page, Keys.CONTROL, "a")
        press(page, "无", Keys.ENTER)
    assert active(page).get_attribute("id") == "save-all"
    press(page, Keys.ENTER)
    for row in rows:
        page.wait(lambda row=row: "is-saved" in row.get_attribute("class"))
    page.screenshot("month-keyboard-entry")
    reports = {r["project"]["id"]: r for r in api.get("/api/v1/reports", params={"month": month, "limit": 500}).json()["items"]}
    for row in rows:
        report = reports[int(row.get_attribute("data-project"))]
        assert report["progress"].startswith("键盘填报") and report["status"] == "submitted"
    assert "被退回" not in page.find("#entry-summary").text
    assert page.errors == []


# Accessibility: axe-core on every page, for every role, at both widths ------------------------

@pytest.mark.parametrize("username", ["nanming.editor", "drc.editor", "yuqing.editor", "yuqing.viewer", "yuqing.admin"])
def test_every_page_passes_axe_with_no_serious_or_critical_violation(console, own_server, bulletin, username):
    from axe_selenium_python import Axe

    page = console(username)
    found = []
    for path in pages_of(page, own_server.api(username)):
        page.open(path)
        for size in (DESKTOP, PHONE):
            page.driver.set_window_size(*size)
            axe = Axe(page.driver)
            axe.inject()
            results = axe.run()
            for violation in results["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    targets = [n["target"] for n in violation["nodes"]][:3]
                    found.append(f"{path} at {size[0]}px: {violation['id']} ({violation['impact']}) {targets}")
        page.driver.set_window_size(*DESKTOP)
    assert found == [], "\n".join(found)


def test_the_sign_in_page_passes_axe(console, own_server):
    from axe_selenium_python import Axe

    page = console("nanming.editor", sign_in=False)
    page.driver.get(f"{own_server.url}/#/signin")
    page.wait(lambda: page.find_all("#signin-help"))
    found = []
    for size in (DESKTOP, PHONE):
        page.driver.set_window_size(*size)
        axe = Axe(page.driver)
        axe.inject()
        found += [f"{v['id']} at {size[0]}px" for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]
    assert found == []
