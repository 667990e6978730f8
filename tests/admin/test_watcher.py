"""Someone edits data/faq/*.yaml directly: the app reloads; a broken file keeps the last good index."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app

from .conftest import add_user, settings_for, sign_in

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]


def eventually(check: Callable[[], bool], timeout_s: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


def top_answer(client: TestClient) -> str:
    return str(client.get("/api/faq/search", params={"q": "燃えるごみは何曜日？"}).json()["hits"][0]["answer"])


def test_external_edit_is_live_and_a_broken_file_keeps_the_last_good_index(city: Path) -> None:
    app = create_app(settings_for(city, admin_watch_data=True))
    path = city / "faq" / "gomi.yaml"
    with TestClient(app) as client:
        add_user(app, "watcher", "viewer")
        sign_in(client, "watcher")
        time.sleep(0.5)  # the watcher is started by the app's lifespan
        path.write_text(path.read_text(encoding="utf-8").replace("朝8時30分までに", "朝8時までに"), encoding="utf-8")
        assert eventually(lambda: "朝8時までに" in top_answer(client))

        good = path.read_text(encoding="utf-8")
        path.write_text(good.replace("    department: gomi\n", "    department: gomi\n  bad indent: [\n", 1),
                        encoding="utf-8")
        assert eventually(lambda: bool(client.get("/api/admin/status").json()["problems"]))
        problem = client.get("/api/admin/status").json()["problems"][0]
        assert problem["path"] == "faq/gomi.yaml" and problem["line"] > 1
        assert "朝8時までに" in top_answer(client)  # residents still get answers
        page = client.get("/admin/faq").text
        assert "データファイルに誤りがあります" in page and f"faq/gomi.yaml:{problem['line']}" in page

        path.write_text(good, encoding="utf-8")
        assert eventually(lambda: not client.get("/api/admin/status").json()["problems"])


def test_phrasebook_edited_on_disk_is_used_for_translation_and_a_broken_one_keeps_the_last_good(
        city: Path) -> None:
    app = create_app(settings_for(city, admin_watch_data=True))
    path = city / "phrasebook" / "uketsuke.yaml"

    def translated() -> str:
        body = {"text": "本日はどのようなご用件でしょうか。", "source": "ja", "target": "en"}
        return str(client.post("/api/translate", json=body).json()["text"])

    with TestClient(app) as client:
        assert translated() == "How can I help you today?"
        time.sleep(0.5)  # the watcher is started by the app's lifespan
        good = path.read_text(encoding="utf-8").replace("How can I help you today?", "What brings you here today?")
        path.write_text(good, encoding="utf-8")
        assert eventually(lambda: translated() == "What brings you here today?")

        path.write_text(good + "\n  - id: [broken\n", encoding="utf-8")
        time.sleep(1.0)
        assert translated() == "What brings you here today?"
