"""The coordination loop on the demo county: a county editor prepares a meeting, records a
decision, closes it and downloads the minutes; drafts, edits and issues a monthly and an
assessment bulletin. Each Word document is opened with python-docx (title, number and a table's
figures against the API) and converted to PDF with LibreOffice headless; the first page of each
PDF is saved as a PNG in the artifacts folder (`coordination/`), and the console's three pages
are screenshot there too.
"""
import shutil
import subprocess
import time
from datetime import date, datetime
from zoneinfo import ZoneInfo

import docx
import pytest

from test_console import Console

COUNTY = "yuqing.editor"
TODAY = datetime.now(ZoneInfo("Asia/Shanghai")).date()
LAST_MONTH = date(TODAY.year - (TODAY.month == 1), (TODAY.month - 2) % 12 + 1, 1).strftime("%Y-%m")


def money(value):
    return "—" if value is None else f"{value:,.2f}"


def document(response, folder, name):
    """Saves a .docx answer and opens it with python-docx."""
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    path = folder / f"{name}.docx"
    path.write_bytes(response.content)
    return path, docx.Document(str(path))


def first_page_png(path, folder):
    """Converts the document to PDF with LibreOffice headless and its first page to PNG."""
    binary = shutil.which("libreoffice") or shutil.which("soffice")
    assert binary, "LibreOffice is not installed (scripts/e2e installs libreoffice-writer-nogui)"
    subprocess.run([binary, "--headless", f"-env:UserInstallation=file://{folder}/lo-profile", "--convert-to", "pdf",
                    "--outdir", str(folder), str(path)], check=True, capture_output=True, timeout=180)
    pdf = folder / (path.stem + ".pdf")
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(folder / path.stem)],
                   check=True, capture_output=True, timeout=120)
    return folder / (path.stem + ".png")


def texts(document):
    return [p.text for p in document.paragraphs]


def table_rows(document, header):
    """The rows (as text lists) of the first table whose header row starts with `header`."""
    for table in document.tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if rows and rows[0][: len(header)] == header:
            return rows[1:]
    raise AssertionError(f"no table with header {header}")


@pytest.fixture(scope="module")
def folder(artifacts):
    path = artifacts / "coordination"
    path.mkdir(parents=True, exist_ok=True)
    return path


def published_run(api):
    """A published assessment run of the demo, or one queued, computed and published now."""
    runs = api.get("/api/v1/assessments", params={"year": TODAY.year}).json()["items"]
    published = [r for r in runs if r["status"] == "published"]
    if published:
        return published[0]
    run = api.post("/api/v1/assessments", json={"year": TODAY.year, "period": "Q1"}).json()
    for _ in range(300):
        state = api.get(f"/api/v1/assessments/{run['id']}").json()
        if state["status"] in ("done", "failed", "published"):
            break
        time.sleep(1)
    assert state["status"] == "done", state
    answer = api.post(f"/api/v1/assessments/{run['id']}/publish")
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_the_minutes_of_a_closed_meeting_open_in_word_and_libreoffice(own_server, folder):
    api = own_server.api(COUNTY)
    agencies = api.get("/api/v1/agencies").json()["items"]
    department = next(a for a in agencies if a["kind"] == "department")
    meeting = api.post("/api/v1/meetings", json={
        "kind": "monthly", "title": "e2e月度调度会", "date": TODAY.isoformat(), "chair": "县长",
        "agency_ids": [a["id"] for a in agencies if a["kind"] != "county"]}).json()
    assert meeting["agenda"], "the demo has overdue problems and projects behind plan"
    item = meeting["agenda"][0]
    decided = api.put(f"/api/v1/meetings/{meeting['id']}/items/{item['id']}/decision",
                      json={"text": "限期解决并报告进展", "agency_id": department["id"], "due_date": TODAY.isoformat()})
    assert decided.status_code == 201, decided.text
    closed = api.post(f"/api/v1/meetings/{meeting['id']}/close", headers={"If-Match": f"\"{meeting['version']}\""})
    assert closed.status_code == 200, closed.text
    path, minutes = document(api.get(f"/api/v1/meetings/{meeting['id']}/minutes", params={"format": "docx"}), folder, "minutes")
    assert "e2e月度调度会会议纪要" in texts(minutes)
    decisions = table_rows(minutes, ["序号", "项目名称", "决定事项", "责任单位", "办结期限"])
    assert decisions == [["1", item["subject"]["name"], "限期解决并报告进展", department["name"], TODAY.isoformat()]]
    assert len(table_rows(minutes, ["序号", "来源"])) == len(meeting["agenda"])
    assert first_page_png(path, folder).exists()


def test_a_monthly_bulletin_issued_opens_with_its_number_and_figures(own_server, folder):
    api = own_server.api(COUNTY)
    draft = api.post("/api/v1/bulletins", json={"kind": "monthly", "month": LAST_MONTH})
    assert draft.status_code == 201, draft.text
    bulletin = draft.json()
    edited = api.patch(f"/api/v1/bulletins/{bulletin['id']}", json={"lead_text": bulletin["lead_text"] + "\n特此通报。"},
                       headers={"If-Match": f"\"{bulletin['version']}\""})
    assert edited.status_code == 200, edited.text
    issued = api.post(f"/api/v1/bulletins/{bulletin['id']}/issue", headers={"If-Match": f"\"{edited.json()['version']}\""})
    assert issued.status_code == 200, issued.text
    number = issued.json()["number"]
    assert number.startswith(f"余发改通〔{TODAY.year}〕")
    path, word = document(api.get(f"/api/v1/bulletins/{bulletin['id']}", params={"format": "docx"}), folder, "bulletin-monthly")
    paragraphs = texts(word)
    assert bulletin["title"] in paragraphs
    assert number in paragraphs
    investment = next(t for t in bulletin["figures"]["tables"] if t["code"] == "investment")
    rows = table_rows(word, [c["label"] for c in investment["columns"]])
    assert [r[0] for r in rows] == [r["agency"] for r in investment["rows"]]
    assert [r[3] for r in rows] == [money(r["actual_to_date"]) for r in investment["rows"]]
    shutil.copy(first_page_png(path, folder), folder / "bulletin-first-page.png")


def test_an_assessment_bulletin_names_the_ranking(own_server, folder):
    api = own_server.api(COUNTY)
    run = published_run(api)
    draft = api.post("/api/v1/bulletins", json={"kind": "assessment", "run_id": run["id"]})
    assert draft.status_code == 201, draft.text
    bulletin = draft.json()
    issued = api.post(f"/api/v1/bulletins/{bulletin['id']}/issue", headers={"If-Match": f"\"{bulletin['version']}\""}).json()
    path, word = document(api.get(f"/api/v1/bulletins/{bulletin['id']}", params={"format": "docx"}), folder, "bulletin-assessment")
    assert bulletin["title"] in texts(word) and issued["number"] in texts(word)
    ranking = api.get("/api/v1/rankings", params={"year": run["year"], "period": run["period"]}).json()
    rows = table_rows(word, ["排名", "单位", "综合得分"])
    expected = {(str(e["rank"]), e["agency"]["name"], f"{e['score']:.2f}") for e in ranking["groups"]["district"] if e["rank"]}
    assert expected and {(r[0], r[1], r[2]) for r in rows if r[0] != "—"} == expected
    assert first_page_png(path, folder).exists()


def test_the_console_pages_of_the_loop(own_server, artifacts, folder):
    page = Console(own_server, artifacts, COUNTY)
    try:
        page.sign_in(COUNTY)
        for path in ["/meetings", "/bulletins"]:
            page.load(path)
            page.screenshot(f"../coordination/console-{path.strip('/')}")
        meetings = own_server.api(COUNTY).get("/api/v1/meetings").json()["items"]
        if meetings:
            page.load(f"/meetings/{meetings[0]['id']}")
            page.screenshot("../coordination/console-meeting")
        bulletins = own_server.api(COUNTY).get("/api/v1/bulletins").json()["items"]
        if bulletins:
            page.load(f"/bulletins/{bulletins[0]['id']}")
            page.screenshot("../coordination/console-bulletin")
        page.collect_log("loop pages")
        assert page.errors == []
    finally:
        page.quit()
    # the leading group's account is the demo's 包保县领导 of every major project
    leader = Console(own_server, artifacts, "yuqing.viewer")
    try:
        leader.sign_in("yuqing.viewer")
        leader.load("/service")
        leader.wait(lambda: leader.find_all("#service-table tbody tr th a"))
        leader.screenshot("../coordination/console-service")
        leader.collect_log("my projects")
        assert leader.errors == []
    finally:
        leader.quit()
