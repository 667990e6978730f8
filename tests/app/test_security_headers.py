"""Security headers: on every response, stricter on the admin and the counter, none that stop
city pages from loading widget.js."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from app.admin.charts import bar_chart, rate_chart
from app.main import create_app
from app.settings import Settings

REPO = Path(__file__).resolve().parents[2]
CITY = "https://www.city.hikarino.example.jp"
KIOSK = "https://kiosk.city.hikarino.example.jp"


def client_for(data_dir: Path, var_dir: Path, **settings: Any) -> TestClient:
    app = create_app(Settings(data_dir=data_dir, var_dir=var_dir, **settings))
    app.state.database.create_all()  # no lifespan: no FAQ index is needed for headers
    return TestClient(app)


@pytest.fixture
def client(mini_data_dir: Path, tmp_path: Path) -> TestClient:
    return client_for(mini_data_dir, tmp_path)


def csp(response: Any) -> dict[str, str]:
    """The policy's directives by name."""
    parts = [p.strip().split(" ", 1) for p in response.headers["content-security-policy"].split(";")]
    return {p[0]: p[1] if len(p) > 1 else "" for p in parts}


@pytest.mark.parametrize("path", ["/healthz", "/widget.js", "/counter", "/admin/login", "/no-such-page",
                                  "/api/counter/phrases?counter=shimin"])
def test_every_response_says_nosniff_and_strict_referrer(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize("path", ["/admin/login", "/admin/faq", "/api/admin/faq"])
def test_admin_cannot_be_framed_runs_only_its_own_files_and_is_never_cached(client: TestClient,
                                                                          path: str) -> None:
    response = client.get(path, follow_redirects=False)  # anonymous: sign-in page, redirect or 401
    assert response.headers["x-frame-options"] == "DENY"
    policy = csp(response)
    assert policy["frame-ancestors"] == "'none'"
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert response.headers["cache-control"] == "no-store"


def test_counter_page_cannot_be_framed_and_runs_only_its_own_files(client: TestClient) -> None:
    page = client.get("/counter")
    assert page.status_code == 200
    assert page.headers["x-frame-options"] == "DENY"
    policy = csp(page)
    assert policy["frame-ancestors"] == "'none'" and policy["script-src"] == "'self'"
    assert policy["connect-src"] == "'self'" and "data:" in policy["img-src"]  # its favicon is data:
    assert page.headers["cache-control"] == "no-cache"  # tablets still pick up a new version at once
    assert client.get("/api/counter/config").headers.get("x-frame-options") is None  # JSON, not a page


def test_a_kiosk_shell_named_in_settings_may_frame_the_counter_but_not_the_admin(
        mini_data_dir: Path, tmp_path: Path) -> None:
    client = client_for(mini_data_dir, tmp_path, counter_frame_ancestors=[KIOSK, "'self'"])
    counter = client.get("/counter")
    assert csp(counter)["frame-ancestors"] == f"{KIOSK} 'self'"
    assert "x-frame-options" not in counter.headers  # it would forbid the kiosk in older browsers
    admin = client.get("/admin/login")
    assert csp(admin)["frame-ancestors"] == "'none'" and admin.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("bad", ["https://kiosk.example.jp; script-src *", "https://a.jp https://b.jp", "*"])
def test_frame_ancestors_setting_refuses_anything_but_origins(bad: str) -> None:
    with pytest.raises(ValidationError, match="counter_frame_ancestors"):
        Settings(counter_frame_ancestors=[bad])


def test_widget_script_stays_loadable_from_city_pages(client: TestClient) -> None:
    script = client.get("/widget.js", headers={"Origin": CITY})
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    for header in ("content-security-policy", "x-frame-options", "cross-origin-resource-policy"):
        assert header not in script.headers, header
    assert script.headers["cache-control"] == "public, max-age=300"
    preflight = client.options("/api/chat", headers={"Origin": CITY, "Access-Control-Request-Method": "POST",
                                                     "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200 and preflight.headers["access-control-allow-origin"] == CITY
    assert preflight.headers["x-content-type-options"] == "nosniff"


def test_demo_page_cannot_be_framed_but_may_run_the_widget(client: TestClient) -> None:
    page = client.get("/")
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["content-security-policy"] == "frame-ancestors 'none'"  # no script rules


INLINE_PATTERNS = {
    "inline <script>": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),
    "<style> element": re.compile(r"<style[\s>]", re.I),
    "style attribute": re.compile(r"""\sstyle\s*=\s*["'{$]""", re.I),
    "inline event handler": re.compile(r"""\son[a-z]+\s*=\s*["']""", re.I),
    "javascript: URL": re.compile(r"javascript:", re.I),
}


def _page_sources() -> list[Path]:
    admin, counter = REPO / "app" / "admin", REPO / "app" / "counter" / "static"
    return [*sorted((admin / "templates").glob("*.html")), admin / "static" / "admin.js",
            *sorted(counter.glob("*.html")), *sorted(counter.glob("*.js"))]


@pytest.mark.parametrize("source", _page_sources(), ids=lambda p: p.name)
def test_admin_and_counter_sources_keep_no_inline_code_the_policy_would_block(source: Path) -> None:
    text = source.read_text(encoding="utf-8")
    found = [name for name, pattern in INLINE_PATTERNS.items() if pattern.search(text)]
    assert not found, f"{source.relative_to(REPO)} has {found}: the admin/counter CSP blocks them"


def test_report_charts_carry_no_style_attribute() -> None:
    charts = bar_chart([("燃やすごみ", 3)], title="t") + rate_chart([("2026-04-01", 0.5, 2)], title="t")
    assert not INLINE_PATTERNS["style attribute"].search(charts)
