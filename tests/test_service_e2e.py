"""End to end in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright): a
reviewer logs in, uploads a package, waits for the review, opens a finding and dismisses it with a
note, searches the corpus and signs out; a park user sees only its own park in the queue. Every
form posts the CSRF token its page carries, as a real browser sends it."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from playwright.sync_api import Page, expect, sync_playwright
from service_support import PARK_A, Service, make_service

CHROMIUM = os.environ.get("EIPCHECK_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture
def live(tmp_path) -> Iterator[tuple[Service, str]]:
    """The app served by uvicorn on a free port, with the in-process worker."""
    svc = make_service(tmp_path, worker="thread")
    server = uvicorn.Server(
        uvicorn.Config(svc.client.app, host="127.0.0.1", port=0, lifespan="off", log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield svc, f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=30)
    svc.client.__exit__(None, None, None)


@pytest.fixture
def page() -> Iterator[Page]:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium is required at {CHROMIUM} (scripts/test.sh installs Debian's chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser.new_page(locale="zh-CN")
        browser.close()


def login(page: Page, url: str, username: str) -> None:
    page.goto(url + "/")
    expect(page.locator("h1")).to_have_text("用户登录")
    page.fill("#username", username)
    page.fill("#password", f"{username}-pw")
    page.click("button[type=submit]")
    expect(page.locator("#queue")).to_be_visible()


def test_reviewer_uploads_waits_dismisses_a_finding_searches_and_signs_out(live, page, sample_package):
    _svc, url = live
    login(page, url, "reviewer")
    page.click("text=上传材料")
    page.set_input_files("input[name=files]", [str(p) for p in sorted(sample_package.docx.values())])
    page.select_option("select[name=park_id]", label=PARK_A)
    page.click("text=上传并审查")
    expect(page.locator("#progress")).to_have_attribute("value", "100", timeout=30_000)
    result = page.locator("#job a", has_text="查看审查结果")
    expect(result).to_be_visible(timeout=120_000)
    result.click()
    expect(page.locator("h1")).to_contain_text(PARK_A)
    expect(page.locator("#compare-indicators")).to_contain_text("单位工业增加值综合能耗")
    finding = page.locator(".finding.major").first
    expect(finding).to_contain_text("碳排放与碳汇现状")
    finding.locator("input[name=note]").fill("碳排放内容已在第三章说明")
    finding.locator("button", has_text="排除").click()
    expect(page.locator(".finding.dismissed")).to_contain_text("已排除：碳排放内容已在第三章说明")
    page.reload()
    expect(page.locator(".kv")).to_contain_text("0 重要")
    page.click("text=全文检索")
    page.fill("input[name=q]", "综合能耗")
    page.click("button:has-text('检索')")
    expect(page.locator("#hits mark").first).to_have_text("综合能耗")
    expect(page.locator("#hits .hit").first).to_contain_text(PARK_A)
    page.click("header button:has-text('退出')")
    expect(page.locator("h1")).to_have_text("用户登录")
    page.goto(url + "/")
    expect(page.locator("h1")).to_have_text("用户登录")
    assert "/login?next=" in page.url


def test_a_park_user_sees_only_its_park(live, page, sample_package):
    svc, url = live
    svc.upload("park_b", [sample_package.docx["验收报告"]])
    login(page, url, "park_a")
    expect(page.locator("#queue tbody")).to_contain_text("没有符合条件的材料")
    expect(page.locator("header nav")).to_contain_text("材料自查")
