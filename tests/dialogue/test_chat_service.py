from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx

from bot.dialogue.chat_service import ChatService
from bot.dialogue.context import DialogueContext
from bot.dialogue.fallback import FallbackResponder
from bot.dialogue.language import ScriptDetector, default_detector
from bot.dialogue.masking import mask_personal_data
from bot.dialogue.rasa_client import RasaClient


class Recorder:
    def __init__(self, reply: list[dict[str, Any]] | None = None, fail: bool = False) -> None:
        self.requests: list[dict[str, Any]] = []
        self.reply, self.fail = reply or [{"text": "こんにちは"}], fail

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(json.loads(request.content))
        if self.fail:
            raise httpx.ConnectError("refused")
        return httpx.Response(200, json=self.reply)


def _service(ctx: DialogueContext, recorder: Recorder) -> ChatService:
    rasa = RasaClient(base_url="http://rasa", transport=httpx.MockTransport(recorder))
    return ChatService(rasa=rasa, fallback=FallbackResponder(context=ctx),
                       detector=ScriptDetector(), retry_after_s=0.0)


def test_turn_goes_to_rasa_masked_with_language_metadata(ctx: DialogueContext) -> None:
    recorder = Recorder()
    reply = asyncio.run(_service(ctx, recorder).handle(session_id="s", text="電話は090-1234-5678です"))
    sent = recorder.requests[0]
    assert "090" not in sent["message"] and sent["metadata"] == {"language": "ja", "channel": "web"}
    assert reply.source == "rasa" and reply.messages[0].text == "こんにちは"


def test_rasa_down_falls_back_and_recovers(ctx: DialogueContext) -> None:
    recorder = Recorder(fail=True)
    service = _service(ctx, recorder)
    down = asyncio.run(service.handle(session_id="s", text="住民票の写しの手数料はいくらですか？"))
    recorder.fail = False
    back = asyncio.run(service.handle(session_id="s", text="こんにちは"))
    assert down.source == "fallback" and any("300円" in m.text for m in down.messages)
    assert back.source == "rasa"


def test_language_pinned_by_the_resident_sticks(ctx: DialogueContext) -> None:
    recorder = Recorder(reply=[{"custom": {"set_language": "en"}}, {"text": "I will answer in English."}])
    service = _service(ctx, recorder)
    first = asyncio.run(service.handle(session_id="s", text="英語で話して"))
    recorder.reply = [{"text": "ok"}]
    second = asyncio.run(service.handle(session_id="s", text="ごみの日"))
    assert first.lang == "en" and second.lang == "en"
    assert recorder.requests[1]["metadata"]["language"] == "en"


def test_fallback_buttons_still_work_without_rasa(ctx: DialogueContext) -> None:
    service = _service(ctx, Recorder(fail=True))
    reply = asyncio.run(service.handle(session_id="s", text='/choose_faq{"faq_id": "gomi-petbottle"}'))
    assert reply.source == "fallback" and "ペットボトル" in reply.messages[0].text


def test_personal_data_is_masked() -> None:
    masked = mask_personal_data("番号は1234 5678 9012、メールはa.b@example.jp、電話０９０-１２３４-５６７８")
    assert "1234" not in masked and "example.jp" not in masked and "５６７８" not in masked
    assert "[個人番号]" in masked and "[メール]" in masked and "[電話番号]" in masked


def test_kanji_only_reply_keeps_the_japanese_conversation(ctx: DialogueContext) -> None:
    class ChineseForHan(ScriptDetector):
        def detect(self, text: str) -> str | None:
            return super().detect(text) or "zh-Hans"

    recorder = Recorder()
    service = _service(ctx, recorder)
    service._detector = ChineseForHan()
    asyncio.run(service.handle(session_id="s", text="燃えるごみの日は？"))
    reply = asyncio.run(service.handle(session_id="s", text="桜台二丁目"))
    assert reply.lang == "ja" and recorder.requests[1]["metadata"]["language"] == "ja"


def _detecting(ctx: DialogueContext, recorder: Recorder) -> ChatService:
    service = _service(ctx, recorder)
    service._detector = default_detector()  # the real one: lingua and script rules
    return service


def _langs(service: ChatService, session: str, *texts: str) -> list[str]:
    return [asyncio.run(service.handle(session_id=session, text=text)).lang for text in texts]


def test_kanji_only_japanese_is_answered_in_japanese_even_when_it_looks_chinese(ctx: DialogueContext) -> None:
    service = _detecting(ctx, Recorder())
    assert _langs(service, "a", "住民票") == ["ja"]
    assert _langs(service, "b", "転入届 期限") == ["ja"]
    assert _langs(service, "c", "住民票 印鑑登録 戸籍謄本 必要書類") == ["ja"]  # long: reads as Chinese
    assert _langs(service, "d", "What do I need to move in?", "住民票 期限") == ["en", "ja"]


def test_chinese_with_simplified_characters_or_in_a_chinese_conversation_stays_chinese(
        ctx: DialogueContext) -> None:
    service = _detecting(ctx, Recorder())
    assert _langs(service, "a", "我想办理住民票") == ["zh-Hans"]
    assert _langs(service, "b", "我想办理住民票", "住民票 期限") == ["zh-Hans", "zh-Hans"]
    pinned = asyncio.run(service.handle(session_id="c", text="你好", lang="zh-Hans"))
    assert [pinned.lang, *_langs(service, "c", "住民票")] == ["zh-Hans", "zh-Hans"]


def test_an_unsure_chinese_guess_on_kanji_only_text_is_no_verdict() -> None:
    from translation.detect import Detection

    class Guessing:
        def __init__(self, confidence: float) -> None:
            self.confidence = confidence

        def detect(self, text: str) -> Detection:
            return Detection("zh-Hans", self.confidence)

    detector = default_detector()
    detector._detector = Guessing(0.3)  # type: ignore[attr-defined]
    assert detector.detect("窓口") is None
    detector._detector = Guessing(0.9)  # type: ignore[attr-defined]
    assert detector.detect("窓口") == "zh-Hans"
