"""The OC4IDS package of the demo county validates against the OC4IDS 0.9 project-package schema
(../shared/oc4ids/, beside the repository), with project-schema.json resolved from that folder."""

import json
from pathlib import Path

import pytest

SCHEMAS = Path(__file__).resolve().parents[2].parent / "shared" / "oc4ids"
PROJECT_SCHEMA_ID = "https://standard.open-contracting.org/infrastructure/schema/0__9__5/project-schema.json"

if not (SCHEMAS / "project-package-schema.json").exists():
    pytest.skip(f"the OC4IDS schemas are not at {SCHEMAS} (../shared/oc4ids beside the repository); "
                "nothing to validate against", allow_module_level=True)

jsonschema = pytest.importorskip("jsonschema")
from referencing import Registry, Resource  # noqa: E402  (installed with jsonschema)
from referencing.jsonschema import DRAFT4  # noqa: E402


def validator():
    package = json.loads((SCHEMAS / "project-package-schema.json").read_text())
    project = json.loads((SCHEMAS / "project-schema.json").read_text())
    registry = Registry().with_resource(PROJECT_SCHEMA_ID, Resource.from_contents(project, default_specification=DRAFT4))
    return jsonschema.Draft4Validator(package, registry=registry, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def codes(name):
    lines = (SCHEMAS / name).read_text().splitlines()[1:]
    return {line.split(",", 1)[0] for line in lines if line}


def test_the_demo_package_is_valid_oc4ids(server, artifacts):
    answer = server.api("yuqing.viewer").get("/api/v1/oc4ids")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/json")
    package = answer.json()
    (artifacts / "oc4ids-demo.json").write_text(json.dumps(package, ensure_ascii=False, indent=1))
    errors = sorted(validator().iter_errors(package), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:20])
    assert package["version"] == "0.9"
    projects = package["projects"]
    assert len(projects) == server.api("yuqing.viewer").get("/api/v1/projects", params={"limit": 1}).json()["total"]
    assert {p["status"] for p in projects} <= codes("projectStatus.csv")
    assert {p["type"] for p in projects} <= codes("projectType.csv")
    assert {s for p in projects for s in p["sector"]} <= codes("projectSector.csv")
    started = [p for p in projects if p["status"] in ("implementation", "completion")]
    assert started and all(any(i["scheme"] == "CN-TZXM" for i in p["identifiers"]) for p in started)
    # the id is the project code's, which a national code added later never changes
    assert all(p["id"].endswith("-" + next(i["id"] for i in p["identifiers"] if i["scheme"] == "CN-YQ-PROJECT")) for p in projects)
    assert all(p["id"].startswith("oc4ids-") for p in projects)
    assert all(p["budget"]["amount"]["currency"] == "CNY" for p in projects)
    assert any("completion" in p for p in projects if p["status"] == "completion")


def test_the_package_holds_what_the_caller_sees_and_filters(server):
    district = server.api("nanming.viewer")
    mine = district.get("/api/v1/projects", params={"limit": 500}).json()
    package = district.get("/api/v1/oc4ids").json()
    assert sorted(p["title"] for p in package["projects"]) == sorted(p["name"] for p in mine["items"])
    major = district.get("/api/v1/oc4ids", params={"stage": "completed"}).json()
    assert all(p["status"] == "completion" for p in major["projects"])
    assert district.get("/api/v1/oc4ids", params={"stage": "flying"}).status_code == 422


def test_attachments_are_documents_that_link_to_their_content(server):
    editor = server.api("nanming.editor")
    project = editor.get("/api/v1/projects", params={"limit": 1}).json()["items"][0]
    pdf = b"%PDF-1.7\n" + bytes(range(256)) * 8
    uploaded = editor.post(f"/api/v1/projects/{project['id']}/attachments", params={"filename": "施工许可证.pdf"},
                           data=pdf, headers={"Content-Type": "application/pdf"})
    assert uploaded.status_code in (200, 201), uploaded.text
    package = editor.get("/api/v1/oc4ids", params={"q": project["code"]}).json()
    [published] = [p for p in package["projects"] if p["title"] == project["name"]]
    [document] = [d for d in published["documents"] if d["id"] == f"attachment-{uploaded.json()['id']}"]
    assert document["title"] == "施工许可证.pdf" and document["format"] == "application/pdf"
    content = editor.get(document["url"].replace(document["url"].split("/api/")[0], server.url))
    assert content.status_code == 200 and content.content == pdf
