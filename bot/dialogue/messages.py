"""What a chat turn returns, whatever the channel."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Source = Literal["rasa", "fallback"]


@dataclass(frozen=True)
class Button:
    title: str
    payload: str

    def to_dict(self) -> dict[str, str]:
        return {"title": self.title, "payload": self.payload}


@dataclass(frozen=True)
class BotMessage:
    text: str
    buttons: tuple[Button, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "buttons": [b.to_dict() for b in self.buttons]}


@dataclass(frozen=True)
class ChatReply:
    messages: tuple[BotMessage, ...]
    lang: str
    source: Source
    extras: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "messages": [m.to_dict() for m in self.messages],
            "lang": self.lang,
            "source": self.source,
        }
