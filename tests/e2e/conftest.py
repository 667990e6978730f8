"""Browser tests: the real app (and Rasa when set up) on loopback, Debian's Chromium via Playwright."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "dialogue"))  # reuse the dialogue tests' live servers
from live_servers import MODEL, RASA, LiveServers, _ok, wait_for  # noqa: E402

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("MADOGUCHI_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServers]:
    if not (RASA.exists() and MODEL.exists()):
        pytest.skip("Rasa is not set up: run `make setup` (the widget tests hold real conversations)")
    # The dialogue tests' servers (tests/dialogue/live_servers.py): one Rasa + app for this session.
    live = LiveServers(tmp_path_factory.mktemp("e2e"))
    try:
        live.start()
        wait_for(lambda: _ok(live.app_url + "/readyz"), timeout_s=60, what="the FAQ index")
        yield live
    finally:
        live.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: scripts/ensure_chromium.sh installs Debian's chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 860}, locale="ja-JP")
    ctx.set_default_timeout(30_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext, servers: LiveServers) -> Page:
    page = context.new_page()
    page.goto(servers.app_url + "/")
    return page


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


@pytest.fixture
def browser_page_phone(browser: Browser, servers: LiveServers) -> Iterator[Page]:
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                              device_scale_factor=2, locale="ja-JP")
    page = ctx.new_page()
    page.goto(servers.app_url + "/")
    yield page
    ctx.close()


# The counter tablet's fixtures (own app servers with and without MT models).
from counter_fixtures import counter_browser, landscape, mt_app, plain_app, portrait  # noqa: E402, F401
