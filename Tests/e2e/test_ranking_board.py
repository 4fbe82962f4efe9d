"""The ranking board of a fresh demo (issue 25): the demo has published the quarters that have
ended, so the board opens on the latest of them, and a period not yet published says which are."""

from test_console import YEAR, console  # noqa: F401 (the fixture)

LABELS = {"Q1": "第一季度", "Q2": "第二季度", "Q3": "第三季度", "Q4": "第四季度", "year": "年终"}


def test_the_board_opens_on_the_latest_published_quarter_and_an_unpublished_one_names_the_published(server, console):
    runs = server.api("yuqing.viewer").get("/api/v1/assessments", params={"year": YEAR, "limit": 100}).json()["items"]
    published = [p for p in LABELS if any(r["period"] == p and r["status"] == "published" for r in runs)]
    page = console("yuqing.viewer")
    page.open("/ranking", shot="viewer-ranking-board-fresh-demo")
    if published:
        assert page.find_all("section[data-group=district] table.board tbody tr")
    unpublished = next(p for p in LABELS if p not in published)
    page.open(f"/ranking?year={YEAR}&period={unpublished}", shot="viewer-ranking-not-published")
    notice = page.find("#ranking-none").text
    assert notice.startswith(f"{YEAR}年{LABELS[unpublished]}考核结果尚未发布。")
    if published:
        assert f"已发布：{'、'.join(LABELS[p] for p in published)}" in notice
    else:
        assert "考核管理" in notice
    assert page.errors == []
