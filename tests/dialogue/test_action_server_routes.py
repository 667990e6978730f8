from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from dialogue_helpers import DATA
from fastapi.testclient import TestClient
from pydantic import SecretStr

from app.main import create_app
from app.settings import Settings


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    var = tmp_path_factory.mktemp("var")
    settings = Settings(data_dir=DATA, var_dir=var, lenient_data=True,
                        rasa_url="http://127.0.0.1:9", rasa_timeout_s=0.5)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def _call(action: str, text: str, *, slots: dict[str, object] | None = None) -> dict[str, object]:
    tracker = {"sender_id": "s1", "slots": slots or {}, "events": [], "paused": False,
               "latest_message": {"text": text, "intent": {"name": "ask_faq"}, "entities": [],
                                  "metadata": {"language": "ja"}},
               "latest_action_name": "action_listen", "active_loop": {}}
    return {"next_action": action, "sender_id": "s1", "tracker": tracker,
            "domain": {"slots": {}, "forms": {}}, "version": "3.6.21"}


def test_webhook_runs_an_action_from_a_deflated_body(client: TestClient) -> None:
    body = zlib.compress(json.dumps(_call("action_handoff", "人と話したい")).encode())
    response = client.post("/api/actions/webhook", content=body,
                           headers={"Content-Encoding": "deflate", "Content-Type": "application/json"})
    assert response.status_code == 200
    assert "012-345-" in response.json()["responses"][0]["text"]


def test_webhook_answers_404_for_an_unknown_action(client: TestClient) -> None:
    response = client.post("/api/actions/webhook", json=_call("action_does_not_exist", "x"))
    assert response.status_code == 404
    assert response.json()["action_name"] == "action_does_not_exist"


def test_webhook_rejects_garbage_bodies_with_400(client: TestClient) -> None:
    response = client.post("/api/actions/webhook", content=b"not json",
                           headers={"Content-Encoding": "deflate"})
    assert response.status_code == 400


def test_nlg_renders_a_response_in_the_turn_language(client: TestClient) -> None:
    tracker = {"latest_message": {"metadata": {"language": "en"}}}
    response = client.post("/api/nlg", json={"response": "utter_greet", "tracker": tracker,
                                             "arguments": {}, "channel": {"name": "rest"}})
    assert response.json()["text"].startswith("Hello!")


def test_chat_answers_from_the_index_when_rasa_is_down(client: TestClient) -> None:
    response = client.post("/api/chat", json={"session_id": "r-1", "text": "住民票の写しの手数料はいくらですか？"})
    body = response.json()
    assert response.status_code == 200 and body["source"] == "fallback" and body["lang"] == "ja"
    assert any("300円" in m["text"] for m in body["messages"])


def test_chat_rejects_overlong_text(client: TestClient) -> None:
    response = client.post("/api/chat", json={"session_id": "r-1", "text": "あ" * 1001})
    assert response.status_code == 422


def test_action_endpoints_refuse_callers_without_the_rasa_token(tmp_path: Path) -> None:
    settings = Settings(data_dir=DATA, var_dir=tmp_path, lenient_data=True,
                        rasa_token=SecretStr("s3cret"))
    with TestClient(create_app(settings)) as test_client:
        refused = test_client.post("/api/nlg", json={"response": "utter_greet", "tracker": {}})
        allowed = test_client.post("/api/nlg?token=s3cret", json={"response": "utter_greet",
                                                                   "tracker": {}})
    assert refused.status_code == 403 and allowed.status_code == 200
