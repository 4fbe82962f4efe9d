"""Every list downloads as county staff open it: each GET the OpenAPI document declares `format`
on, in both formats, opens in openpyxl and in LibreOffice (headless convert) without error, with
typed cells, the print setup in the workbook XML and a Chinese file name (RFC 6266 filename*)."""

import csv
import datetime
import io
import re
import subprocess
import urllib.parse
import zipfile

import openpyxl

from test_spreadsheets import XLSX, COUNTY, demo_month, libreoffice

VALUES = {"year": None, "month": None, "period": "Q1", "status": "submitted"}


def list_urls(api):
    """(path, url) of every downloadable GET, with ids of rows that exist and required parameters."""
    month = demo_month(api)
    values = {**VALUES, "year": month[:4], "month": month}
    project = api.get("/api/v1/projects", params={"limit": 1}).json()["items"][0]["id"]
    deal = api.get("/api/v1/attraction/deals", params={"limit": 1}).json()["items"][0]["id"]
    park = api.get("/api/v1/parks", params={"limit": 1}).json()["items"][0]["id"]
    document = api.get("/api/v1/openapi.json").json()
    for path, operations in sorted(document["paths"].items()):
        get = operations.get("get", {})
        parameters = get.get("parameters", [])
        # a Word document's format=docx is not a list download
        if not any(p["name"] == "format" and "xlsx" in p.get("schema", {}).get("enum", ["xlsx"]) for p in parameters):
            continue
        url = path.replace("{year}", values["year"])
        url = re.sub(r"/(projects|attraction/deals|parks)/\{id\}",
                     lambda m: f"/{m.group(1)}/{ {'projects': project, 'attraction/deals': deal, 'parks': park}[m.group(1)]}", url)
        query = {p["name"]: values[p["name"]] for p in parameters if p["in"] == "query" and p.get("required")}
        yield path, url, query


def file_name(disposition):
    match = re.search(r"filename\*=UTF-8''([^;]+)", disposition)
    assert match, disposition
    return urllib.parse.unquote(match.group(1))


def test_every_list_downloads_and_opens_in_openpyxl_and_libreoffice(server, tmp_path):
    api = server.api(COUNTY)
    paths = []
    for path, url, query in list_urls(api):
        for fmt in ("csv", "xlsx"):
            response = api.get(url, params={**query, "format": fmt})
            if path == "/api/v1/rankings" and response.status_code == 404:
                continue  # no published run of that period yet
            assert response.status_code == 200, f"{url} {fmt}: {response.text[:300]}"
            name = file_name(response.headers["content-disposition"])
            assert name.endswith("." + fmt) and re.search(r"[\u4e00-\u9fff]", name), name
            if fmt == "csv":
                assert response.content.startswith(b"\xef\xbb\xbf")
                header = next(csv.reader(io.StringIO(response.content[3:].decode("utf-8"))))
                assert all(re.search(r"[\u4e00-\u9fff]", h) or h == "SHA-256" for h in header), (url, header)
                continue
            assert response.headers["content-type"] == XLSX
            book = openpyxl.load_workbook(io.BytesIO(response.content))
            assert book.active.freeze_panes == "A2"
            with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
                sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
                workbook_xml = archive.read("xl/workbook.xml").decode()
            assert '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' in sheet_xml, url
            assert '<pageSetUpPr fitToPage="1"/>' in sheet_xml and "&amp;P" in sheet_xml and "&amp;N" in sheet_xml, url
            assert "_xlnm.Print_Titles" in workbook_xml and "!$1:$1" in workbook_xml, url
            target = tmp_path / f"{len(paths):02d}.xlsx"
            target.write_bytes(response.content)
            paths.append(target)
    assert len(paths) >= 28, f"only {len(paths)} lists downloaded"
    converted = tmp_path / "converted"
    subprocess.run([libreoffice(), "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(converted),
                    *map(str, paths)], check=True, capture_output=True, timeout=600)
    for path in paths:
        assert (converted / (path.stem + ".csv")).exists(), f"LibreOffice could not open {path.name}"


def test_cells_are_typed_money_dates_months_timestamps_and_blanks(server):
    api = server.api(COUNTY)
    month = demo_month(server.api("nanming.editor"))
    book = openpyxl.load_workbook(io.BytesIO(api.get("/api/v1/reports", params={"month": month, "format": "xlsx"}).content))
    rows = list(book.active.iter_rows())
    header = [cell.value for cell in rows[0]]
    column = {name: index for index, name in enumerate(header)}
    first = rows[1]
    assert first[column["本月完成投资（万元）"]].data_type == "n"
    assert first[column["本月完成投资（万元）"]].number_format == "#,##0.00"
    assert isinstance(first[column["月份"]].value, datetime.datetime)
    assert first[column["月份"]].number_format == 'yyyy"年"m"月"'
    assert isinstance(first[column["报送时间"]].value, datetime.datetime)
    assert first[column["报送时间"]].value.strftime("%Y-%m") >= month
    blank = [row[column["存在问题"]] for row in rows[1:] if row[column["存在问题"]].value in (None, "")]
    assert all(cell.value is None for cell in blank), "empty text is written as no cell"
