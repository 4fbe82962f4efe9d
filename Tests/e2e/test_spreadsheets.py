"""Spreadsheets as county staff use them: downloads open in openpyxl and LibreOffice with the same
values as the JSON lists; templates filled in by openpyxl and by LibreOffice import; a download
uploaded again changes nothing; hostile and wrong files get a clear 4xx in bounded time."""

import csv
import datetime
import io
import shutil
import subprocess
import time
import zipfile
from decimal import Decimal

import openpyxl
import pytest

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DISTRICT = "nanming.editor"
COUNTY = "yuqing.editor"


def libreoffice():
    binary = shutil.which("libreoffice") or shutil.which("soffice")
    if binary is None:
        pytest.fail("LibreOffice is not installed (scripts/e2e installs libreoffice-calc-nogui)")
    return binary


def convert(path, target, folder):
    """Converts `path` with LibreOffice headless (`csv` is written as UTF-8, comma separated)."""
    filter_name = "csv:Text - txt - csv (StarCalc):44,34,76" if target == "csv" else target
    reading = ["--infilter=CSV:44,34,76"] if path.suffix == ".csv" else []
    subprocess.run([libreoffice(), "--headless", f"-env:UserInstallation=file://{folder}/lo-profile", *reading,
                    "--convert-to", filter_name, "--outdir", str(folder), str(path)],
                   check=True, capture_output=True, timeout=180)
    return folder / (path.stem + "." + target)


def workbook(response):
    assert response.status_code == 200, response.text
    return openpyxl.load_workbook(io.BytesIO(response.content))


def money(value):
    return Decimal(str(value)).quantize(Decimal("0.01"))


def upload(api, data, month, **params):
    return api.post("/api/v1/imports/monthly-reports", params={"month": month, **params}, data=data,
                    headers={"Content-Type": XLSX})


def demo_month(api):
    """The latest month with reports of the district's first reporting project."""
    projects = api.get("/api/v1/projects", params={"limit": 500}).json()["items"]
    months = set()
    for project in projects[:20]:
        months |= {r["month"] for r in api.get(f"/api/v1/projects/{project['id']}/reports").json()["items"]}
    return max(months)


def test_projects_download_opens_in_openpyxl_with_the_json_values(server, artifacts):
    api = server.api(DISTRICT)
    listed = api.get("/api/v1/projects", params={"limit": 500}).json()
    response = api.get("/api/v1/projects", params={"format": "xlsx"})
    assert response.headers["content-type"] == XLSX
    assert "filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E5%BA%93-" in response.headers["content-disposition"]  # 项目库-
    (artifacts / "projects.xlsx").write_bytes(response.content)
    sheet = workbook(response).active
    assert sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert header[:3] == ("项目编号", "项目名称", "业主单位")
    assert len(rows) - 1 == listed["total"]
    column = {name: index for index, name in enumerate(header)}
    for row, item in zip(rows[1:], listed["items"]):
        assert row[column["项目编号"]] == item["code"]
        assert row[column["项目名称"]] == item["name"]
        assert money(row[column["总投资（万元）"]]) == money(item["total_investment"])
        start = row[column["计划开工"]]
        assert (start.date().isoformat() if start else None) == item["planned_start"]
        assert row[column["版本（导入用，勿改）"]] == item["version"]
    assert header[-1] == "版本（导入用，勿改）"
    money_cell = sheet.cell(row=2, column=column["总投资（万元）"] + 1)
    assert money_cell.number_format == "#,##0.00" and money_cell.data_type == "n"
    assert sheet.cell(row=2, column=column["计划开工"] + 1).is_date or rows[1][column["计划开工"]] is None


def test_download_opens_in_libreoffice_with_the_json_values(server, tmp_path):
    api = server.api(DISTRICT)
    listed = api.get("/api/v1/projects", params={"limit": 500}).json()["items"]
    path = tmp_path / "projects.xlsx"
    path.write_bytes(api.get("/api/v1/projects", params={"format": "xlsx"}).content)
    with open(convert(path, "csv", tmp_path), encoding="utf-8") as converted:
        rows = list(csv.reader(converted))
    assert rows[0][0] == "项目编号"
    assert [r[0] for r in rows[1:]] == [item["code"] for item in listed]
    column = rows[0].index("总投资（万元）")
    assert [Decimal(r[column].replace(",", "")) for r in rows[1:]] == [money(item["total_investment"]) for item in listed]


def test_csv_download_is_excels_utf8_with_crlf(server):
    response = server.api(DISTRICT).get("/api/v1/projects", params={"format": "csv"})
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in response.content and b"\n" not in response.content.replace(b"\r\n", b"")


def test_rankings_download_one_sheet_per_group_with_every_indicator(server):
    county = server.api(COUNTY)
    year = int(demo_month(server.api(DISTRICT))[:4])
    run = county.post("/api/v1/assessments", json={"year": year, "period": "Q1"}).json()
    deadline = time.monotonic() + 90
    while county.get(f"/api/v1/assessments/{run['id']}").json()["status"] in ("queued", "running"):
        assert time.monotonic() < deadline, "the worker did not finish the run"
        time.sleep(0.5)
    assert county.post(f"/api/v1/assessments/{run['id']}/publish").status_code == 200
    ranking = county.get("/api/v1/rankings", params={"year": year, "period": "Q1"}).json()
    book = workbook(county.get("/api/v1/rankings", params={"year": year, "period": "Q1", "format": "xlsx"}))
    assert book.sheetnames == ["区县组", "部门组"]
    for name, group in (("区县组", "district"), ("部门组", "department")):
        rows = list(book[name].iter_rows(values_only=True))
        header = rows[0]
        for label in ("全社会固定资产投资", "重大项目完成投资", "重大项目新开工", "重大项目竣工投产", "招商引资到位资金"):
            assert all(f"{label}{part}" in header for part in ("完成", "目标", "完成率", "得分"))
        assert [r[header.index("单位编码")] for r in rows[1:]] == [e["agency"]["code"] for e in ranking["groups"][group]]
        for row, entry in zip(rows[1:], ranking["groups"][group]):
            assert row[header.index("排名")] == entry["rank"]
            assert (None if row[header.index("综合得分")] is None else money(row[header.index("综合得分")])) == \
                (None if entry["score"] is None else money(entry["score"]))


def fill_template(api, month):
    """The template of `month` and its rows (header first)."""
    response = api.get("/api/v1/imports/monthly-reports/template", params={"month": month})
    book = workbook(response)
    return response.content, book


def test_template_filled_in_openpyxl_imports(server):
    api = server.api(DISTRICT)
    month = "2025-01"
    _, book = fill_template(api, month)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    assert header == ["项目编号", "项目名称", "本月完成投资(万元)", "形象进度", "存在问题", "版本", "情况说明"]
    codes = [sheet.cell(row=r, column=1).value for r in (2, 3, 4)]
    sheet.cell(row=2, column=3, value=12.5)
    sheet.cell(row=3, column=3, value="１２３")
    sheet.cell(row=3, column=4, value="主体施工")
    sheet.cell(row=4, column=3, value="8万元")
    sheet.cell(row=4, column=5, value="缺资金")
    buffer = io.BytesIO()
    book.save(buffer)
    answer = upload(api, buffer.getvalue(), month, filename="openpyxl.xlsx")
    assert answer.status_code == 200, answer.text
    assert answer.json()["created"] == 3 and answer.json()["rows"] == 3
    reports = {r["project"]["code"]: r for r in api.get("/api/v1/reports", params={"month": month}).json()["items"]}
    assert [money(reports[c]["investment_completed"]) for c in codes] == [Decimal("12.50"), Decimal("123.00"), Decimal("8.00")]
    assert reports[codes[1]]["progress"] == "主体施工" and reports[codes[2]]["problems"] == "缺资金"
    record = api.get(f"/api/v1/imports/{answer.json()['import_id']}").json()
    assert record["file_name"] == "openpyxl.xlsx" and len(record["sha256"]) == 64


def test_template_filled_in_libreoffice_imports(server, tmp_path):
    api = server.api(DISTRICT)
    month = "2025-02"
    content, book = fill_template(api, month)
    codes = [row[0] for row in book.active.iter_rows(min_row=2, values_only=True)][:2]
    filled = tmp_path / "filled.csv"
    with open(filled, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["项目代码", "项目名称", "本月完成投资(万元)", "形象进度", "存在问题", "版本"])
        writer.writerow([codes[0], "", "1,234.56", "完成桩基", "", ""])
        writer.writerow([codes[1], "", "7", "", "征地", ""])
    saved = convert(filled, "xlsx", tmp_path)
    answer = upload(api, saved.read_bytes(), month, filename="libreoffice.xlsx")
    assert answer.status_code == 200, answer.text
    assert answer.json()["created"] == 2
    reports = {r["project"]["code"]: r for r in api.get("/api/v1/reports", params={"month": month}).json()["items"]}
    assert money(reports[codes[0]]["investment_completed"]) == Decimal("1234.56")
    assert reports[codes[1]]["problems"] == "征地"


def test_round_trip_download_upload_changes_nothing(server):
    api = server.api(DISTRICT)
    month = demo_month(api)
    before = api.get("/api/v1/reports", params={"month": month, "limit": 500}).json()
    assert before["total"] > 0
    template = api.get("/api/v1/imports/monthly-reports/template", params={"month": month}).content
    for data in (template, api.get("/api/v1/reports", params={"month": month, "format": "csv"}).content,
                 api.get("/api/v1/reports", params={"month": month, "format": "xlsx"}).content):
        answer = upload(api, data, month)
        assert answer.status_code == 200, answer.text
        assert (answer.json()["created"], answer.json()["replaced"], answer.json()["unchanged"]) == (0, 0, before["total"])
    after = api.get("/api/v1/reports", params={"month": month, "limit": 500}).json()
    assert [(r["version"], r["investment_completed"]) for r in after["items"]] == \
        [(r["version"], r["investment_completed"]) for r in before["items"]]


def zipped(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def workbook_with(sheet_xml):
    """A minimal .xlsx around the given worksheet XML."""
    return zipped({
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                           '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                      '<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet_xml,
    })


def sheet_xml(rows):
    return ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + "".join(rows) + "</sheetData></worksheet>")


HEADER_ROW = ('<row r="1"><c r="A1" t="inlineStr"><is><t>项目代码</t></is></c>'
              '<c r="B1" t="inlineStr"><is><t>本月完成投资(万元)</t></is></c></row>')


def zip_bomb():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                         'xmlns:r="x"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry:
            entry.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            chunk = b" " * (1 << 20)
            for _ in range(300):
                entry.write(chunk)
            entry.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


def million_rows():
    rows = (f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>P{n}</t></is></c><c r="B{n}"><v>1</v></c></row>'
            for n in range(2, 1_000_002))
    return workbook_with(sheet_xml([HEADER_ROW, *rows]))


@pytest.mark.parametrize("name,make,status,words", [
    ("old xls", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048), 415, ".xlsx"),
    ("zip bomb", zip_bomb, 422, "expands to more than"),
    ("entity expansion", lambda: workbook_with(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        + sheet_xml(['<row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row>'])), 422, "DTD"),
    ("a million rows", million_rows, 422, "rows"),
    ("text in a number cell", lambda: workbook_with(sheet_xml([
        HEADER_ROW, '<row r="2"><c r="A2" t="inlineStr"><is><t>X</t></is></c><c r="B2" t="inlineStr"><is><t>一百万</t></is></c></row>'])),
     422, "must be a number"),
    ("formula without a result", lambda: workbook_with(sheet_xml([
        HEADER_ROW, '<row r="2"><c r="A2" t="inlineStr"><is><t>X</t></is></c><c r="B2"><f>1+1</f></c></row>'])), 422, "formula"),
    ("not a spreadsheet", lambda: b"%PDF-1.4 \x00\x01", 415, "PDF"),
    ("UTF-16 text", lambda: "项目编号,本月完成投资(万元)\r\nA,1\r\n".encode("utf-16"), 422, "UTF-16"),
])
def test_bad_files_get_a_clear_answer_quickly(server, name, make, status, words):
    api = server.api(DISTRICT)
    api.headers["Accept-Language"] = "en"  # the reader's own account of the damage is in the English words
    data = make()
    started = time.monotonic()
    answer = upload(api, data, "2025-03")
    elapsed = time.monotonic() - started
    assert answer.status_code == status, f"{name}: {answer.status_code} {answer.text[:300]}"
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert words in answer.text, answer.text[:300]
    # The limit is 10 s of the server's CPU; wall time is bounded loosely, as CI shares 2 cores.
    assert elapsed < 60, f"{name} took {elapsed:.1f} s"


def test_merged_cells_and_serial_numbers_are_read_as_stored(server):
    api = server.api(DISTRICT)
    month = "2025-04"
    _, book = fill_template(api, month)
    sheet = book.active
    code = sheet.cell(row=2, column=1).value
    sheet.cell(row=2, column=3, value=46082)
    sheet.cell(row=2, column=4, value="合并说明")
    sheet.merge_cells(start_row=2, start_column=4, end_row=2, end_column=5)
    buffer = io.BytesIO()
    book.save(buffer)
    answer = upload(api, buffer.getvalue(), month)
    assert answer.status_code == 200, answer.text
    report = [r for r in api.get("/api/v1/reports", params={"month": month}).json()["items"] if r["project"]["code"] == code][0]
    assert money(report["investment_completed"]) == Decimal("46082.00")
    assert (report["progress"], report["problems"]) == ("合并说明", "")
    assert datetime.date(1899, 12, 30) + datetime.timedelta(days=46082) == datetime.date(2026, 3, 1)
