"""The LINE connector's objects, built once per app from settings."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request

from connectors.line.processor import ChatHandler, LineEventProcessor
from connectors.line.sender import LineSender
from connectors.line.webhook import WebhookVerifier
from connectors.pseudonyms import Pseudonymizer
from connectors.ui_strings import default_strings
from storage.line_events import LineStore

from .dialogue_deps import get_chat_service
from .settings import Settings

_lock = threading.Lock()


@dataclass
class LineConnector:
    verifier: WebhookVerifier
    processor: LineEventProcessor
    sender: LineSender


def _build(state: Any) -> LineConnector:
    settings: Settings = state.settings
    sender = LineSender(access_token=settings.line_channel_access_token.get_secret_value(),
                        base_url=settings.line_api_base_url)
    pseudonyms = Pseudonymizer(secret=settings.secret_key.get_secret_value(), purpose="line-session")
    processor = LineEventProcessor(sender=sender, store=LineStore(state.database), strings=default_strings(),
                                   pseudonyms=pseudonyms)
    verifier = WebhookVerifier(channel_secret=settings.line_channel_secret.get_secret_value())
    return LineConnector(verifier=verifier, processor=processor, sender=sender)


def get_line_connector(request: Request) -> LineConnector:
    state = request.app.state
    settings: Settings = state.settings
    if not settings.line_channel_secret.get_secret_value():
        # An empty secret would accept bodies signed with an empty key: refuse instead.
        raise HTTPException(status_code=503, detail="LINE is not configured (MADOGUCHI_LINE_CHANNEL_SECRET)")
    with _lock:
        if getattr(state, "line_connector", None) is None:
            state.line_connector = _build(state)
    connector: LineConnector = state.line_connector
    return connector


def chat_service_for(request: Request) -> ChatHandler:
    """The chat service as routes get it (dependency overrides included), for background work."""
    override = request.app.dependency_overrides.get(get_chat_service)
    service: ChatHandler = override() if override else get_chat_service(request)
    return service


LineConnectorDep = Annotated[LineConnector, Depends(get_line_connector)]
