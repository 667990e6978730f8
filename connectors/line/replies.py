"""Chat replies as LINE messages: at most 5 texts, buttons as quick replies with postbacks."""

from __future__ import annotations

from collections.abc import Sequence

from linebot.v3.messaging import (
    Message,
    MessageAction,
    PostbackAction,
    QuickReply,
    QuickReplyItem,
    TextMessage,
)

from bot.dialogue.messages import BotMessage, Button
from connectors.ui_strings import ChannelStrings

MAX_MESSAGES = 5  # per reply or push request
MAX_TEXT = 5000
MAX_QUICK_REPLIES = 13
MAX_LABEL = 20
MAX_POSTBACK_DATA = 300
LANGUAGE_POSTBACK = "madoguchi:lang="


def line_messages(messages: Sequence[BotMessage]) -> list[Message]:
    """Texts in order; every button goes to the last message, where LINE shows quick replies."""
    texts = [m.text for m in messages if m.text.strip()]
    if len(texts) > MAX_MESSAGES:
        texts = [*texts[: MAX_MESSAGES - 1], "\n\n".join(texts[MAX_MESSAGES - 1:])]
    buttons = [b for m in messages for b in m.buttons][:MAX_QUICK_REPLIES]
    out: list[Message] = [TextMessage(text=_clip(text, MAX_TEXT)) for text in texts]
    if buttons:
        if not out:
            out.append(TextMessage(text="↓"))
        out[-1] = TextMessage(text=out[-1].text, quickReply=quick_reply(buttons))
    return out


def quick_reply(buttons: Sequence[Button]) -> QuickReply:
    return QuickReply(items=[QuickReplyItem(action=_action(b)) for b in buttons])


def _action(button: Button) -> PostbackAction | MessageAction:
    label = _clip(button.title, MAX_LABEL)
    if len(button.payload) > MAX_POSTBACK_DATA:
        return MessageAction(label=label, text=button.title)  # the words still reach the dialogue
    return PostbackAction(label=label, data=button.payload, displayText=_clip(button.title, 300))


def greeting(strings: ChannelStrings) -> list[Message]:
    """Japanese first, then a language choice that anyone can read (each in its own script)."""
    prompt = " / ".join(dict.fromkeys(strings.text("language_label", code) for code in strings.codes))
    buttons = [Button(strings.name(code), LANGUAGE_POSTBACK + code) for code in strings.codes]
    return line_messages([BotMessage(strings.text("line_greeting", "ja")), BotMessage(prompt, tuple(buttons))])


def language_from_postback(data: str) -> str | None:
    return data.removeprefix(LANGUAGE_POSTBACK) if data.startswith(LANGUAGE_POSTBACK) else None


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
