"""The counter tablet's anonymous counts on the admin reports page; the usage API needs a sign-in."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient

from .conftest import add_user, sign_in


def _use_the_counter(client: TestClient) -> None:
    for lang in ("vi", "vi", "vi", "en"):
        assert client.post("/api/counter/events", json={"event": "start", "lang": lang, "counter": "shimin"}
                           ).status_code == 204
    assert client.post("/api/counter/events", json={"event": "interpreter", "lang": "vi"}).status_code == 204


def test_reports_page_shows_counter_use_per_language_with_a_chart(app: FastAPI, client: TestClient) -> None:
    _use_the_counter(client)
    add_user(app, "viewer1", "viewer")
    sign_in(client, "viewer1")

    page = client.get("/admin/reports").text
    section = page[page.index('id="counter-usage"'):]
    chart = re.search(r'<svg[^>]*aria-label="窓口タブレット[^"]*".*?</svg>', section, flags=re.S)
    assert chart is not None and "Tiếng Việt（vi）" in chart.group(0) and "3回" in chart.group(0)
    vi_row = re.search(r"<tr><td>Tiếng Việt（vi）</td>(.*?)</tr>", section, flags=re.S)
    assert vi_row is not None and re.findall(r"<td>(\d+)</td>", vi_row.group(1))[:2] == ["3", "0"]
    csv = client.get("/admin/reports/counter_languages.csv").content.decode("utf-8-sig").splitlines()
    assert csv[1].startswith("Tiếng Việt（vi）,3,")


def test_counter_usage_api_needs_a_signed_in_admin_user_but_staff_phrases_stay_open(
        app: FastAPI, client: TestClient) -> None:
    _use_the_counter(client)
    assert client.get("/api/counter/usage").status_code == 401
    assert client.get("/api/counter/phrases", params={"counter": "shimin"}).status_code == 200
    added = client.post("/api/counter/phrases", json={"counter": "shimin", "ja": "少々お待ちください。"})
    assert added.status_code == 201

    add_user(app, "viewer2", "viewer")
    sign_in(client, "viewer2")
    counts = client.get("/api/counter/usage").json()["counts"]
    assert sum(c["count"] for c in counts if (c["event"], c["lang"]) == ("start", "vi")) == 3
