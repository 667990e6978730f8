"""The LINE webhook end to end: signed events in, exactly what the SDK sent to a fake LINE API out."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import func, select

from app.dialogue_deps import get_chat_service
from app.main import create_app
from app.settings import Settings
from bot.dialogue.messages import BotMessage, Button, ChatReply
from connectors.line.fake_api import FakeLineApi, FakeLineServer
from connectors.line.sample_events import (
    SECRET,
    TOKEN,
    body_of,
    follow_event,
    postback_event,
    sign,
    text_event,
    unsend_event,
)
from storage.db import Database
from storage.dialogue import ChatTurn

pytestmark = pytest.mark.integration  # a real HTTP server (the fake LINE API) on loopback
AREA_BUTTON = Button("桜台一丁目", '/inform{"area": "桜台一丁目"}')


class RecordingChat:
    """Stands in for the chat service where a test needs to see what the connector asked."""

    def __init__(self, *, delay_s: float = 0.0, reply_lang: str | None = None) -> None:
        self.calls: list[dict[str, Any]] = []
        self.delay_s, self.reply_lang = delay_s, reply_lang

    async def handle(self, *, session_id: str, text: str, lang: str | None = None,
                     channel: str = "web") -> ChatReply:
        self.calls.append({"session_id": session_id, "text": text, "lang": lang, "channel": channel})
        await asyncio.sleep(self.delay_s)
        return ChatReply((BotMessage("どの地区ですか？", (AREA_BUTTON,)),), self.reply_lang or lang or "ja", "rasa")


def line_settings(data_dir: Path, var_dir: Path, api_url: str, **extra: Any) -> Settings:
    return Settings(data_dir=data_dir, var_dir=var_dir, rasa_url="http://127.0.0.1:9", rasa_timeout_s=1.0,
                    lenient_data=True,  # the sample content is edited while we test
                    line_channel_secret=SecretStr(SECRET), line_channel_access_token=SecretStr(TOKEN),
                    line_api_base_url=api_url, **extra)


@pytest.fixture(scope="module")
def line_server() -> Iterator[FakeLineServer]:
    with FakeLineServer() as server:
        yield server


@pytest.fixture(scope="module")
def var_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("line-var")


@pytest.fixture(scope="module")
def app_client(repo_data_dir: Path, var_dir: Path, line_server: FakeLineServer) -> Iterator[TestClient]:
    """The real app: real chat service (Rasa unreachable, so it answers from the FAQ index)."""
    with TestClient(create_app(line_settings(repo_data_dir, var_dir, line_server.url))) as client:
        yield client


@pytest.fixture
def client(app_client: TestClient) -> Iterator[TestClient]:
    yield app_client
    app_client.app.dependency_overrides.clear()  # type: ignore[attr-defined]


@pytest.fixture
def line(line_server: FakeLineServer, caplog: pytest.LogCaptureFixture) -> Iterator[FakeLineApi]:
    line_server.api.sent.clear()
    line_server.api.script.clear()
    yield line_server.api
    failures = [r.getMessage() for r in caplog.records if r.name.startswith("connectors.line")
                and r.levelno >= logging.ERROR and "could not be delivered" not in r.getMessage()]
    assert failures == [], "the connector failed while handling an event"


def recording(client: TestClient, chat: RecordingChat) -> RecordingChat:
    client.app.dependency_overrides[get_chat_service] = lambda: chat  # type: ignore[attr-defined]
    return chat


def post(client: TestClient, body: bytes, *, signature: str | None = "sign") -> Any:
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers["X-Line-Signature"] = sign(body) if signature == "sign" else signature
    return client.post("/line/webhook", content=body, headers=headers)


def user() -> str:
    return "U" + uuid.uuid4().hex


def settle() -> None:
    time.sleep(0.3)  # lets background handling finish before asserting that nothing was sent


def test_line_webhook_rejects_bad_signature_and_sends_nothing(client: TestClient, line: FakeLineApi,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    body = body_of(text_event(user(), "秘密の相談です"))
    with caplog.at_level(logging.WARNING, logger="madoguchi.security"):
        response = post(client, body, signature=sign(body, "not-the-secret"))
    assert response.status_code == 400
    settle()
    assert line.sent == []
    security = [r.getMessage() for r in caplog.records if r.name == "madoguchi.security"]
    assert len(security) == 1 and "bad X-Line-Signature" in security[0]
    assert "秘密の相談" not in caplog.text


def test_line_webhook_rejects_missing_signature(client: TestClient, line: FakeLineApi) -> None:
    assert post(client, body_of(text_event(user(), "こんにちは")), signature=None).status_code == 400
    settle()
    assert line.sent == []


def test_console_verification_request_with_no_events_is_acknowledged(client: TestClient, line: FakeLineApi) -> None:
    response = post(client, b'{"destination": "Ubot", "events": []}')
    assert response.status_code == 200
    settle()
    assert line.sent == []


def test_text_message_gets_one_reply_with_buttons_as_quick_replies(client: TestClient, line: FakeLineApi) -> None:
    post(client, body_of(text_event(user(), "燃えるごみは何曜日？", reply_token="tok-text")))
    [sent] = line.wait_for(1)
    assert sent.kind == "reply" and sent.body["replyToken"] == "tok-text"
    assert sent.headers["authorization"] == f"Bearer {TOKEN}"
    assert any("燃" in text for text in sent.texts)  # the FAQ answer about burnable garbage
    feedback = sent.quick_replies()
    assert [a["label"] for a in feedback][:2] == ["役に立った", "役に立たなかった"]
    assert feedback[0]["type"] == "postback" and feedback[0]["data"].startswith("/feedback")
    assert feedback[0]["displayText"] == "役に立った"
    settle()
    assert len(line.sent) == 1


def test_redelivered_event_is_answered_once_also_after_a_restart(
        client: TestClient, line: FakeLineApi, repo_data_dir: Path, var_dir: Path,
        line_server: FakeLineServer) -> None:
    recording(client, RecordingChat())
    first = text_event(user(), "燃えるごみの日は？", event_id="01REDELIVERYTEST0000000001")
    post(client, body_of(first))
    line.wait_for(1)
    post(client, body_of({**first, "deliveryContext": {"isRedelivery": True}}))
    settings = line_settings(repo_data_dir, var_dir, line_server.url)
    with TestClient(create_app(settings)) as restarted:  # same database, fresh process state
        restarted.app.dependency_overrides[get_chat_service] = lambda: RecordingChat()  # type: ignore[attr-defined]
        post(restarted, body_of({**first, "deliveryContext": {"isRedelivery": True}}))
        settle()
    assert len(line.sent) == 1


def test_expired_reply_token_falls_back_to_push_with_a_retry_key(client: TestClient, line: FakeLineApi) -> None:
    recording(client, RecordingChat())
    resident = user()
    line.script["reply"] = [(400, {})]  # "Invalid reply token"
    post(client, body_of(text_event(resident, "燃えるごみの日は？", redelivery=True)))
    reply, push = line.wait_for(2)
    assert (reply.kind, push.kind) == ("reply", "push")
    assert push.body["to"] == resident and push.texts == ["どの地区ですか？"]
    assert uuid.UUID(push.headers["x-line-retry-key"])
    assert push.quick_replies()[0]["data"] == AREA_BUTTON.payload
    settle()
    assert len(line.sent) == 2


def test_push_backs_off_on_429_and_keeps_its_retry_key(client: TestClient, line: FakeLineApi) -> None:
    recording(client, RecordingChat())
    line.script["reply"] = [(400, {})]
    line.script["push"] = [(429, {"Retry-After": "1"})]
    started = time.monotonic()
    post(client, body_of(text_event(user(), "燃えるごみの日は？")))
    _, first_push, second_push = line.wait_for(3)
    assert time.monotonic() - started >= 1.0  # waited as LINE asked
    assert first_push.headers["x-line-retry-key"] == second_push.headers["x-line-retry-key"]
    assert [s.kind for s in line.delivered()] == ["push"]


def test_follow_greets_in_japanese_with_a_language_choice(client: TestClient, line: FakeLineApi) -> None:
    post(client, body_of(follow_event(user(), reply_token="tok-follow")))
    [sent] = line.wait_for(1)
    assert sent.kind == "reply" and "ひかり野市" in sent.texts[0]
    choices = sent.quick_replies()
    assert [c["label"] for c in choices] == ["日本語", "やさしい にほんご", "English", "简体中文", "한국어",
                                             "Tiếng Việt", "Português (Brasil)"]
    assert choices[2]["data"] == "madoguchi:lang=en"


def test_chosen_language_is_used_for_later_questions(client: TestClient, line: FakeLineApi) -> None:
    chat = recording(client, RecordingChat())
    resident = user()
    post(client, body_of(postback_event(resident, "madoguchi:lang=en")))
    [confirmation] = line.wait_for(1)
    assert confirmation.texts == ["I will answer in English. Please ask your question."]
    post(client, body_of(text_event(resident, "When is burnable garbage day?")))
    line.wait_for(2)
    assert chat.calls[-1]["lang"] == "en" and chat.calls[-1]["channel"] == "line"
    assert resident not in chat.calls[-1]["session_id"]  # the LINE user id never reaches the logs


def test_language_changed_in_conversation_replaces_the_chosen_one(client: TestClient, line: FakeLineApi) -> None:
    chat = recording(client, RecordingChat(reply_lang="ja"))  # as when the resident writes 「日本語で」
    resident = user()
    post(client, body_of(postback_event(resident, "madoguchi:lang=en")))
    line.wait_for(1)
    post(client, body_of(text_event(resident, "日本語で話して")))
    line.wait_for(2)
    post(client, body_of(text_event(resident, "燃えるごみの日は？")))
    line.wait_for(3)
    assert [c["lang"] for c in chat.calls] == ["en", "ja"]


def test_button_postback_goes_back_to_the_dialogue_as_its_payload(client: TestClient, line: FakeLineApi) -> None:
    chat = recording(client, RecordingChat())
    post(client, body_of(postback_event(user(), AREA_BUTTON.payload)))
    line.wait_for(1)
    assert chat.calls[-1]["text"] == AREA_BUTTON.payload


def test_standby_events_get_no_answer(client: TestClient, line: FakeLineApi) -> None:
    chat = recording(client, RecordingChat())
    standby = text_event(user(), "スタッフと話しています", mode="standby", reply_token="tok-standby")
    active = text_event(user(), "燃えるごみの日は？", reply_token="tok-active")
    post(client, body_of(standby, active))
    line.wait_for(1)
    settle()
    assert [s.body.get("replyToken") for s in line.sent] == ["tok-active"]
    assert [c["text"] for c in chat.calls] == ["燃えるごみの日は？"]


def test_unsend_deletes_the_message_from_the_chat_log(client: TestClient, line: FakeLineApi, var_dir: Path) -> None:
    resident, message_id = user(), "m-" + uuid.uuid4().hex
    post(client, body_of(text_event(resident, "住民票の取り方は？", message_id=message_id)))
    line.wait_for(1)
    database = Database(f"sqlite:///{var_dir / 'madoguchi.db'}")
    count = select(func.count()).select_from(ChatTurn).where(ChatTurn.user_text == "住民票の取り方は？")
    with database.session() as session:
        assert session.scalar(count) == 1
    post(client, body_of(unsend_event(resident, message_id)))
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        with database.session() as session:
            if session.scalar(count) == 0:
                break
        time.sleep(0.05)
    with database.session() as session:
        assert session.scalar(count) == 0
    assert len(line.sent) == 1  # unsend itself is never answered


def test_webhook_acknowledges_before_the_answer_is_ready(client: TestClient, line: FakeLineApi) -> None:
    recording(client, RecordingChat(delay_s=1.5))
    started = time.monotonic()
    response = post(client, body_of(text_event(user(), "燃えるごみの日は？")))
    assert response.status_code == 200 and time.monotonic() - started < 1.0
    line.wait_for(1)


def test_secrets_are_never_logged(client: TestClient, line: FakeLineApi, caplog: pytest.LogCaptureFixture) -> None:
    line.script["reply"] = [(400, {})]
    line.script["push"] = [(401, {})]
    with caplog.at_level(logging.DEBUG):
        post(client, body_of(text_event(user(), "燃えるごみは何曜日？")))
        line.wait_for(2)
        settle()
    assert SECRET not in caplog.text and TOKEN not in caplog.text


def test_webhook_is_refused_when_line_is_not_configured(repo_data_dir: Path, tmp_path: Path) -> None:
    settings = Settings(data_dir=repo_data_dir, var_dir=tmp_path)
    with TestClient(create_app(settings)) as client:
        body = body_of(text_event(user(), "こんにちは"))
        assert post(client, body, signature=sign(body, "")).status_code == 503
