"""The harness itself: the demo server answers as CONTRACT.md says."""


def test_district_editor_sees_only_its_projects(server):
    api = server.api("nanming.editor")
    me = api.get("/api/v1/me").json()
    projects = api.get("/api/v1/projects", params={"limit": 500}).json()
    assert projects["total"] > 0
    assert {p["district_id"] for p in projects["items"]} == {me["agency"]["id"]}


def test_wrong_password_is_refused(server):
    import requests
    answer = requests.post(f"{server.url}/api/v1/sessions",
                           json={"username": "nanming.editor", "password": "not-the-password"}, timeout=30)
    assert answer.status_code == 401
    assert answer.headers["content-type"].startswith("application/problem+json")
