"""The widget's files, the demo page, and the chat API's limits (length, rate, origin)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.dialogue_deps import get_chat_service
from app.main import create_app
from app.settings import Settings
from bot.dialogue.messages import BotMessage, ChatReply
from connectors.pseudonyms import Pseudonymizer
from connectors.ui_strings import default_strings
from connectors.web.limits import Limit, RateLimiter

CITY = "https://www.city.hikarino.example.jp"


class EchoChat:
    async def handle(self, *, session_id: str, text: str, lang: str | None = None,
                     channel: str = "web") -> ChatReply:
        return ChatReply((BotMessage(f"echo: {text}"),), lang or "ja", "rasa")


def client_for(data_dir: Path, var_dir: Path, **settings: Any) -> TestClient:
    app = create_app(Settings(data_dir=data_dir, var_dir=var_dir, **settings))
    app.dependency_overrides[get_chat_service] = EchoChat
    return TestClient(app)


@pytest.fixture
def client(mini_data_dir: Path, tmp_path: Path) -> Iterator[TestClient]:
    with client_for(mini_data_dir, tmp_path, chat_limit_per_session=3, chat_limit_per_ip=5) as test_client:
        yield test_client


def chat(client: TestClient, session_id: str, text: str = "燃えるごみの日は？", **headers: str) -> Any:
    return client.post("/api/chat", json={"session_id": session_id, "text": text, "lang": "ja"}, headers=headers)


def widget_config(script: str) -> dict[str, Any]:
    match = re.search(r"var CONFIG = (\{.*?\});\n", script)
    assert match, "widget.js carries no inlined config"
    config: dict[str, Any] = json.loads(match.group(1))
    return config


def test_demo_page_is_a_sample_city_page_with_the_widget_tag(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "ひかり野市" in page.text and "サンプル" in page.text
    assert '<script src="/widget.js" defer></script>' in page.text


def test_widget_script_is_self_contained_with_strings_for_every_language(client: TestClient) -> None:
    response = client.get("/widget.js")
    assert response.status_code == 200 and "javascript" in response.headers["content-type"]
    config = widget_config(response.text)
    assert config["max_text"] == 1000
    codes = [lang["code"] for lang in config["languages"]]
    assert codes == ["ja", "ja-easy", "en", "zh-Hans", "ko", "vi", "pt-BR"]
    assert config["strings"]["en"]["send"] == "Send" and config["strings"]["ja"]["send"] == "送信"
    assert ".launcher" in response.text  # the CSS travels inside the script
    assert client.get("/widget.css").headers["content-type"].startswith("text/css")


def test_every_language_has_every_ui_string() -> None:
    strings = default_strings()
    keys = set(strings.strings["ja"])
    for code in strings.codes:
        assert set(strings.strings[code]) == keys, code
        assert all(value.strip() for value in strings.strings[code].values()), code


def test_too_long_message_is_refused_with_422(client: TestClient) -> None:
    assert chat(client, "long", "あ" * 1001).status_code == 422
    assert chat(client, "long", "あ" * 1000).status_code == 200


def test_one_conversation_is_rate_limited_with_retry_after(client: TestClient) -> None:
    assert [chat(client, "busy").status_code for _ in range(3)] == [200, 200, 200]
    refused = chat(client, "busy")
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert "秒" in refused.json()["detail"]
    assert chat(client, "another-resident").status_code == 200


def test_one_client_address_is_rate_limited_across_conversations(client: TestClient) -> None:
    statuses = [chat(client, f"resident-{n}").status_code for n in range(6)]
    assert statuses == [200] * 5 + [429]


def test_rate_limit_counts_start_again_in_the_next_window() -> None:
    now = [1000.0]
    counts: dict[str, tuple[int, int]] = {}

    class MemoryStore:
        def hit(self, key: str, *, window_start: int) -> int:
            start, count = counts.get(key, (window_start, 0))
            counts[key] = (window_start, 1 if start != window_start else count + 1)
            return counts[key][1]

    limiter = RateLimiter(store=MemoryStore(), pseudonyms=Pseudonymizer(secret="test", purpose="rate-limit"),
                          clock=lambda: now[0])
    limit = Limit(requests=1, window_s=60)
    assert limiter.retry_after("ip", "192.0.2.1", limit) is None
    assert limiter.retry_after("ip", "192.0.2.1", limit) == 20  # 1000 s is 40 s into its window
    now[0] = 1021.0
    assert limiter.retry_after("ip", "192.0.2.1", limit) is None


def test_city_page_origin_may_call_the_chat_api(client: TestClient) -> None:
    preflight = client.options("/api/chat", headers={"Origin": CITY, "Access-Control-Request-Method": "POST",
                                                     "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200 and preflight.headers["access-control-allow-origin"] == CITY
    response = chat(client, "from-city", Origin=CITY)
    assert response.status_code == 200 and response.headers["access-control-allow-origin"] == CITY
    assert "retry-after" in response.headers["access-control-expose-headers"].lower()


def test_other_origins_are_refused(client: TestClient) -> None:
    preflight = client.options("/api/chat", headers={"Origin": "https://evil.example",
                                                     "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 400
    assert chat(client, "from-elsewhere", Origin="https://evil.example").status_code == 403
    assert chat(client, "from-demo-page", Origin="http://testserver").status_code == 200
