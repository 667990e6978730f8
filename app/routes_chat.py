"""POST /api/chat: the channel-neutral dialogue entry that connectors use."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from .dialogue_deps import ChatServiceDep

router = APIRouter(prefix="/api", tags=["chat"])
MAX_TEXT = 1000


class ChatRequest(BaseModel):
    session_id: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.:-]+$")
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    lang: str | None = Field(default=None, max_length=16,
                             description="Pin the reply language (e.g. from the widget's switch)")
    channel: str = Field(default="web", max_length=32)


class ButtonOut(BaseModel):
    title: str
    payload: str


class MessageOut(BaseModel):
    text: str
    buttons: list[ButtonOut] = []


class ChatResponse(BaseModel):
    messages: list[MessageOut]
    lang: str
    source: Literal["rasa", "fallback"]


@router.post("/chat", response_model=ChatResponse)
async def chat(body: ChatRequest, service: ChatServiceDep) -> ChatResponse:
    """One resident turn; answers from the FAQ index (`source: fallback`) when Rasa is down."""
    reply = await service.handle(session_id=body.session_id, text=body.text, lang=body.lang,
                                 channel=body.channel)
    return ChatResponse.model_validate(reply.to_dict())
