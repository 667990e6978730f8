"""The channel-neutral chat turn: mask, detect language, ask Rasa, or fall back to the index."""

from __future__ import annotations

import logging
import time
from typing import Any, Protocol

from anyio import to_thread

from bot.dialogue.fallback import FallbackResponder
from bot.dialogue.language import Detector, han_language, han_only
from bot.dialogue.masking import mask_personal_data
from bot.dialogue.messages import BotMessage, Button, ChatReply
from bot.dialogue.rasa_client import RasaClient, RasaUnavailable
from bot.dialogue.sessions import LanguagePins

logger = logging.getLogger(__name__)
DEFAULT_LANG = "ja"


def _could_be(last: str, text: str, detected: str) -> bool:
    """Keep the conversation's language when the new text is too short or shared to tell.

    A town name in kanji (桜台二丁目) reads as Chinese; "ok" reads as anything. In a
    Japanese city, short kanji-only text is Japanese until the resident shows otherwise.
    """
    if len(text) < 4:
        return True
    return last.startswith("ja") and detected.startswith("zh") and len(text) <= 12


class TurnSink(Protocol):
    def record_turn(self, *, session_id: str, channel: str, lang: str, source: str,
                    user_text: str, bot_text: str) -> None: ...


class ChatService:
    def __init__(self, *, rasa: RasaClient, fallback: FallbackResponder, detector: Detector,
                 turns: TurnSink | None = None, retry_after_s: float = 10.0) -> None:
        self._rasa, self._fallback, self._detector, self._turns = rasa, fallback, detector, turns
        self._pins, self._last = LanguagePins(), LanguagePins()
        self._retry_after_s = retry_after_s
        self._skip_rasa_until = 0.0

    async def handle(self, *, session_id: str, text: str, lang: str | None = None,
                     channel: str = "web") -> ChatReply:
        masked = mask_personal_data(text.strip())
        resolved = self._language(session_id, masked, lang)
        reply = await self._via_rasa(session_id, masked, resolved, channel)
        if reply is None:
            messages = await to_thread.run_sync(
                lambda: self._fallback.answer(session_id=session_id, text=masked, lang=resolved))
            reply = ChatReply(tuple(messages), resolved, "fallback")
        self._last.set(session_id, reply.lang)
        self._log_turn(session_id, channel, masked, reply)
        return reply

    def _language(self, session_id: str, text: str, requested: str | None) -> str:
        if requested:
            self._pins.set(session_id, requested)
            return requested
        pinned = self._pins.get(session_id)
        if pinned:
            return pinned
        last = self._last.get(session_id)
        detected = None if text.startswith("/") else self._detector.detect(text)
        if detected and detected.startswith("zh") and han_only(text):
            detected = han_language(text, detected, last)
            if detected.startswith("zh"):
                return detected  # clearly Chinese, or a Chinese conversation
        if detected and _could_be(last or DEFAULT_LANG, text, detected):
            return last or DEFAULT_LANG
        return detected or last or DEFAULT_LANG

    async def _via_rasa(self, session_id: str, text: str, lang: str,
                        channel: str) -> ChatReply | None:
        if time.monotonic() < self._skip_rasa_until:
            return None  # Rasa failed recently: answer at once, try again after a pause
        try:
            raw = await self._rasa.send(sender=session_id, text=text,
                                        metadata={"language": lang, "channel": channel})
        except RasaUnavailable as exc:
            logger.warning("Rasa unavailable (%s); answering from the FAQ index", exc)
            self._skip_rasa_until = time.monotonic() + self._retry_after_s
            return None
        return self._from_rasa(session_id, raw, lang) if raw else None

    def _from_rasa(self, session_id: str, raw: list[dict[str, Any]], lang: str) -> ChatReply:
        messages = []
        for item in raw:
            pinned = (item.get("custom") or {}).get("set_language")
            if pinned:
                self._pins.set(session_id, str(pinned))
                lang = str(pinned)
            if item.get("text"):
                buttons = tuple(Button(str(b.get("title", "")), str(b.get("payload", "")))
                                for b in item.get("buttons") or [])
                messages.append(BotMessage(str(item["text"]), buttons))
        return ChatReply(tuple(messages), lang, "rasa")

    def _log_turn(self, session_id: str, channel: str, text: str, reply: ChatReply) -> None:
        if self._turns is None:
            return
        try:
            self._turns.record_turn(session_id=session_id, channel=channel, lang=reply.lang,
                                    source=reply.source, user_text=text,
                                    bot_text="\n".join(m.text for m in reply.messages))
        except Exception:  # analytics must never break a resident's turn
            logger.exception("could not log a chat turn")

    async def aclose(self) -> None:
        await self._rasa.aclose()
