"""Downloads are saved under their Chinese names: an attachment named 工地照片.png is saved by
Chromium as 工地照片.png (RFC 6266 filename*, read by the console), not as ____.png."""

import base64
import time

from test_console import Console, console, first_project  # noqa: F401 (the fixture)

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


def test_an_attachment_with_a_chinese_name_downloads_under_that_name(server, console, tmp_path):
    api = server.api("nanming.editor")
    project = first_project(api)
    name = f"工地照片{int(time.time())}.png"
    answer = api.post(f"/api/v1/projects/{project['id']}/attachments", params={"filename": name},
                      data=PNG + name.encode(), headers={"Content-Type": "image/png"})
    assert answer.status_code in (200, 201), answer.text
    assert "filename*=UTF-8''" in api.get(f"/api/v1/attachments/{answer.json()['id']}/content").headers["content-disposition"]
    page = console("nanming.editor")
    page.driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    page.open(f"/projects/{project['id']}")
    buttons = [b for b in page.find_all("button.link-button") if b.text == name]
    assert buttons, f"no download button for {name}"
    buttons[0].click()
    page.wait(lambda: (tmp_path / name).exists())
    assert (tmp_path / name).read_bytes().startswith(PNG[:8])


def test_a_refused_import_offers_its_error_sheet_in_the_console(server, console, tmp_path):
    """A project sheet with a wrong 类别, checked in 项目库's import form: the errors are listed and
    the same sheet comes back with a 错误说明 column, saved under its Chinese name."""
    import io

    import openpyxl

    api = server.api("nanming.editor")
    book = openpyxl.load_workbook(io.BytesIO(api.get("/api/v1/projects", params={"format": "xlsx"}).content))
    sheet = book.active
    headers = [cell.value for cell in sheet[1]]
    sheet.cell(row=2, column=headers.index("类别") + 1).value = "矿业"
    upload = tmp_path / "upload" / "项目库.xlsx"
    upload.parent.mkdir()
    book.save(upload)
    saved = tmp_path / "saved"
    saved.mkdir()
    page = console("nanming.editor")
    page.driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(saved)})
    page.open("/projects")
    page.find("details:has(input[type=file]) summary").click()
    page.find("details:has(input[type=file]) input[type=file]").send_keys(str(upload))
    next(b for b in page.find_all("details:has(input[type=file]) button") if b.text == "检查").click()
    page.wait(lambda: page.find_all("[data-error-sheet]"))
    assert "类别" in page.find(".import-result").text
    page.screenshot("projects-import-refused")
    page.find("[data-error-sheet]").click()
    page.wait(lambda: any(p.suffix == ".xlsx" for p in saved.iterdir()))
    (name,) = [p for p in saved.iterdir() if p.suffix == ".xlsx"]
    assert name.name.startswith("项目导入错误说明-"), name.name
    errors = openpyxl.load_workbook(name).active
    assert errors.cell(row=1, column=errors.max_column).value == "错误说明"
    assert "类别" in str(errors.cell(row=2, column=errors.max_column).value)
    # the browser logs the check's 422 answer itself; nothing else
    page.collect_log("the import form")
    assert [e for e in page.errors if "422" not in e] == []
