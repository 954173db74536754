"""Screenshots of the main pages for the README: starts `eipcheck serve --demo` on a fresh data
directory (or uses --url), logs in with headless Chromium (Debian's /usr/bin/chromium driven by
Playwright; nothing is downloaded) and writes docs/screenshots/*.png.

    .venv/bin/python docs/screenshots.py [--url http://127.0.0.1:8000]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).parent / "screenshots"
CHROMIUM = os.environ.get("EIPCHECK_CHROMIUM", "/usr/bin/chromium")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"服务未在 {seconds} 秒内启动：{url}")


def shoot(url: str, samples: Path | None = None) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--lang=zh-CN"])
        page = browser.new_page(viewport={"width": 1440, "height": 900}, locale="zh-CN")
        page.goto(url + "/login")
        page.screenshot(path=OUT / "login.png")
        page.fill("#username", "reviewer")
        page.fill("#password", "reviewer-demo")
        page.click("button[type=submit]")
        page.wait_for_selector("#queue")
        page.screenshot(path=OUT / "queue.png", full_page=True)
        page.click("#queue tbody tr:has(td:text-is('验收')) td:nth-child(2) a")
        page.wait_for_selector("#findings")
        page.screenshot(path=OUT / "submission.png", full_page=True)
        page.goto(url + "/search?q=" + urllib.request.quote("污水集中处理"))
        page.screenshot(path=OUT / "search.png", full_page=True)
        page.goto(url + "/upload")
        if samples is not None:  # the demo's first acceptance package again: its finished job is shown
            page.set_input_files("input[name=files]", [str(p) for p in sorted((samples / "acceptance").glob("*.docx"))])
            page.click("text=上传并审查")
            page.wait_for_selector("#job [data-status=done]", timeout=120_000)
        page.screenshot(path=OUT / "upload.png")
        browser.close()
    print("已写入：", ", ".join(sorted(p.name for p in OUT.glob("*.png"))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", help="使用已运行的服务（需已载入 --demo 数据）")
    args = parser.parse_args()
    if args.url:
        shoot(args.url.rstrip("/"))
        return
    port = free_port()
    data = Path(tempfile.mkdtemp(prefix="eipcheck-shots-"))
    env = {**os.environ, "EIPCHECK_DATA_DIR": str(data)}
    env.pop("EIPCHECK_DATABASE_URL", None)
    eipcheck = Path(sys.executable).with_name("eipcheck")
    server = subprocess.Popen([str(eipcheck), "serve", "--demo", "--port", str(port)], env=env)
    try:
        wait_for(f"http://127.0.0.1:{port}")
        shoot(f"http://127.0.0.1:{port}", data / "demo-samples" / "park-01")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
