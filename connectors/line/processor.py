"""Handles LINE webhook events in the background: once each, in order per resident."""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from anyio import to_thread
from linebot.v3.messaging import Message, TextMessage
from linebot.v3.webhooks import (
    Event,
    FollowEvent,
    MessageEvent,
    PostbackEvent,
    TextMessageContent,
    UnsendEvent,
)

from bot.dialogue.messages import ChatReply
from connectors.line.replies import greeting, language_from_postback, line_messages
from connectors.line.sender import LineSender
from connectors.pseudonyms import Pseudonymizer
from connectors.ui_strings import ChannelStrings
from storage.line_events import LineStore

logger = logging.getLogger(__name__)
CHANNEL = "line"


class ChatHandler(Protocol):
    async def handle(self, *, session_id: str, text: str, lang: str | None = None,
                     channel: str = "web") -> ChatReply: ...


def session_for(source: Any, *, pseudonyms: Pseudonymizer) -> tuple[str, str | None]:
    """(session id, push target): the id is a keyed hash, so neither logs nor the database hold
    the LINE user id, and a stolen database cannot be matched against known ids."""
    target = getattr(source, "group_id", None) or getattr(source, "room_id", None) \
        or getattr(source, "user_id", None)
    return f"line-{pseudonyms.digest(str(target), chars=32)}", target


class LineEventProcessor:
    def __init__(self, *, sender: LineSender, store: LineStore, strings: ChannelStrings,
                 pseudonyms: Pseudonymizer) -> None:
        self._sender, self._store, self._strings = sender, store, strings
        self._pseudonyms = pseudonyms
        self._locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()
        self._tasks: set[asyncio.Task[None]] = set()

    def submit(self, events: Sequence[Event], *, chat: Callable[[], ChatHandler]) -> None:
        """Returns at once; the webhook answers 200 while the events are handled.

        ``chat`` is called in the background: building the chat service the first time takes
        seconds, and LINE wants its 200 within one.
        """
        if not events:
            return
        task = asyncio.get_running_loop().create_task(self._handle_all(events, chat))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self) -> None:
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def _handle_all(self, events: Sequence[Event], chat_provider: Callable[[], ChatHandler]) -> None:
        chat = await to_thread.run_sync(chat_provider)
        for event in events:
            try:
                await self._handle_once(event, chat)
            except Exception:  # one bad event must not stop the others
                logger.exception("LINE event %s failed", getattr(event, "type", "?"))

    async def _handle_once(self, event: Event, chat: ChatHandler) -> None:
        event_id = event.webhook_event_id
        if not await to_thread.run_sync(self._store.claim, event_id):
            logger.info("LINE event %s already handled (redelivery)", event_id)
            return
        session_id, target = session_for(event.source, pseudonyms=self._pseudonyms)
        lock = self._locks.setdefault(session_id, asyncio.Lock())
        async with lock:
            await self._dispatch(event, chat, session_id, target)
        await to_thread.run_sync(self._store.finish, event_id)

    async def _dispatch(self, event: Event, chat: ChatHandler, session_id: str, target: str | None) -> None:
        if isinstance(event, UnsendEvent):
            await to_thread.run_sync(self._store.forget_message, event.unsend.message_id)
            return
        if str(getattr(event.mode, "value", event.mode)) == "standby":
            return  # another channel (e.g. a staff chat) is active: stay silent
        messages = await self._answer(event, chat, session_id)
        if messages:
            await self._sender.send(reply_token=getattr(event, "reply_token", None), to=target,
                                    messages=messages)

    async def _answer(self, event: Event, chat: ChatHandler, session_id: str) -> list[Message]:
        if isinstance(event, FollowEvent):
            return greeting(self._strings)
        if isinstance(event, PostbackEvent):
            return await self._postback(event.postback.data, chat, session_id)
        if isinstance(event, MessageEvent):
            if not isinstance(event.message, TextMessageContent):
                lang = await to_thread.run_sync(self._store.language, session_id)
                return [TextMessage(text=self._strings.text("line_text_only", lang))]
            return await self._converse(event.message.text, chat, session_id, message_id=event.message.id)
        return []

    async def _postback(self, data: str, chat: ChatHandler, session_id: str) -> list[Message]:
        lang = language_from_postback(data)
        if lang is None:
            return await self._converse(data, chat, session_id, message_id=None)
        if not self._strings.supports(lang):
            return []
        await to_thread.run_sync(self._store.set_language, session_id, lang)
        return [TextMessage(text=self._strings.text("line_language_set", lang))]

    async def _converse(self, text: str, chat: ChatHandler, session_id: str,
                        *, message_id: str | None) -> list[Message]:
        lang = await to_thread.run_sync(self._store.language, session_id)
        reply = await chat.handle(session_id=session_id, text=text, lang=lang, channel=CHANNEL)
        if lang and reply.lang != lang and self._strings.supports(reply.lang):
            # The resident asked the bot for another language ("日本語で"): keep it from now on.
            await to_thread.run_sync(self._store.set_language, session_id, reply.lang)
        if message_id:
            await to_thread.run_sync(lambda: self._store.link_latest_turn(message_id=message_id,
                                                                          session_id=session_id))
        return line_messages(reply.messages)
