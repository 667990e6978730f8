"""Fixtures for the counter tablet's browser tests: the app with and without models, Chromium."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from counter_app import LiveApp, build_packages, install_models, live_app
from csp_watch import assert_no_csp_violations, watch_csp
from playwright.sync_api import Browser, Page


@pytest.fixture(scope="session")
def counter_browser(browser: Browser) -> Browser:
    """The session's one Chromium (tests/e2e/conftest.py): Playwright's sync API allows one
    instance per thread, so a second sync_playwright() here would fail once another e2e
    module has started the shared one."""
    return browser


@pytest.fixture(scope="session")
def plain_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveApp]:
    """No translation model installed: set phrases and glossary only."""
    with live_app(tmp_path_factory.mktemp("counter-plain")) as app:
        yield app


@pytest.fixture(scope="session")
def mt_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveApp]:
    """Tiny real models installed with `madoguchi models install` before the app starts."""
    tmp = tmp_path_factory.mktemp("counter-mt")
    install_models(tmp / "models", build_packages(tmp))
    with live_app(tmp) as app:
        yield app


@pytest.fixture
def landscape(counter_browser: Browser) -> Iterator[Page]:
    """A 10-inch tablet in landscape, in its own browser session."""
    context = counter_browser.new_context(viewport={"width": 1280, "height": 800}, locale="ja-JP")
    violations = watch_csp(context)
    yield context.new_page()
    context.close()
    assert_no_csp_violations(violations)


@pytest.fixture
def portrait(counter_browser: Browser) -> Iterator[Page]:
    context = counter_browser.new_context(viewport={"width": 800, "height": 1280}, locale="ja-JP")
    violations = watch_csp(context)
    yield context.new_page()
    context.close()
    assert_no_csp_violations(violations)
