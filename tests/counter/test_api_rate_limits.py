"""Rate limits of the translation APIs and the counter's staff-phrase writes (per client address)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from translation import TranslationService

HOUR = 3600
PHRASE = {"text": "本日はどのようなご用件でしょうか。", "source": "ja", "target": "vi"}


@pytest.fixture
def tight_app(tmp_path: Path, repo_data_dir: Path, shipped_service: TranslationService) -> FastAPI:
    settings = Settings(data_dir=repo_data_dir, var_dir=tmp_path / "var", models_dir=tmp_path / "models",
                        translate_limit_per_ip=3, counter_phrase_limit_per_ip=2, counter_event_limit_per_ip=2,
                        # an hour: a test never straddles two fixed windows
                        translate_limit_window_s=HOUR, counter_phrase_limit_window_s=HOUR,
                        counter_event_limit_window_s=HOUR)
    app = create_app(settings)
    app.state.database.create_all()
    app.state.translation_service = shipped_service
    return app


def from_address(app: FastAPI, address: str) -> TestClient:
    return TestClient(app, client=(address, 50000))


def assert_refused_politely(response: Any, what: str) -> None:
    assert response.status_code == 429
    assert 1 <= int(response.headers["retry-after"]) <= HOUR
    detail = response.json()["detail"]
    assert what in detail and f"{response.headers['retry-after']}秒" in detail


def test_translation_api_refuses_a_flood_with_retry_after_in_japanese(tight_app: FastAPI) -> None:
    client = from_address(tight_app, "192.0.2.10")
    assert [client.post("/api/translate", json=PHRASE).status_code for _ in range(3)] == [200] * 3
    assert_refused_politely(client.post("/api/translate", json=PHRASE), "翻訳")
    assert client.get("/api/translate/phrasebook?lang=vi").status_code == 200  # reading is not limited


def test_counter_translation_shares_the_count_so_it_is_no_way_around(tight_app: FastAPI) -> None:
    client = from_address(tight_app, "192.0.2.11")
    assert client.post("/api/translate", json=PHRASE).status_code == 200
    assert client.post("/api/counter/translate", json=PHRASE).status_code == 200
    assert client.post("/api/translate", json=PHRASE).status_code == 200
    assert_refused_politely(client.post("/api/counter/translate", json=PHRASE), "翻訳")


def test_one_busy_address_does_not_stop_another_counter(tight_app: FastAPI) -> None:
    busy, other = from_address(tight_app, "192.0.2.12"), from_address(tight_app, "192.0.2.13")
    for _ in range(4):
        busy.post("/api/translate", json=PHRASE)
    assert busy.post("/api/translate", json=PHRASE).status_code == 429
    assert other.post("/api/counter/translate", json=PHRASE).status_code == 200


def test_staff_phrase_writes_are_limited_but_reading_them_is_not(tight_app: FastAPI) -> None:
    client = from_address(tight_app, "192.0.2.14")
    added = client.post("/api/counter/phrases", json={"counter": "shimin", "ja": "2階へどうぞ。"})
    assert added.status_code == 201
    assert client.delete(f"/api/counter/phrases/{added.json()['id']}?counter=shimin").status_code == 204
    refused = client.post("/api/counter/phrases", json={"counter": "shimin", "ja": "3階へどうぞ。"})
    assert_refused_politely(refused, "定型文")
    assert client.get("/api/counter/phrases?counter=shimin").json()["phrases"] == []  # nothing was added
    assert client.post("/api/translate", json=PHRASE).status_code == 200  # a separate count


def test_a_flood_of_usage_counts_is_refused_before_it_skews_the_report(tight_app: FastAPI) -> None:
    client = from_address(tight_app, "192.0.2.15")
    event = {"event": "start", "lang": "vi"}
    assert [client.post("/api/counter/events", json=event).status_code for _ in range(2)] == [204, 204]
    assert_refused_politely(client.post("/api/counter/events", json=event), "利用状況")


def test_default_limits_let_a_busy_counter_tablet_work_for_a_minute(client: TestClient) -> None:
    # A text every few seconds: ~20 a minute from one tablet, with room for more behind one address.
    statuses = {client.post("/api/counter/translate", json=PHRASE).status_code for _ in range(40)}
    assert statuses == {200}


@pytest.mark.parametrize("name", ["translate_limit_per_ip", "translate_limit_window_s",
                                  "counter_phrase_limit_per_ip", "counter_event_limit_per_ip",
                                  "chat_limit_window_s"])
def test_a_limit_below_one_is_refused_at_start(name: str) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Settings.model_validate({name: 0})
