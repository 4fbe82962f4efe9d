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
