"""Verifies and parses LINE webhook bodies with the official SDK (signature over the raw body)."""

from __future__ import annotations

from linebot.v3 import WebhookParser
from linebot.v3.exceptions import InvalidSignatureError
from linebot.v3.webhooks import Event


class InvalidWebhook(Exception):
    """Missing or wrong X-Line-Signature, or a body that is not a webhook."""


class WebhookVerifier:
    def __init__(self, *, channel_secret: str) -> None:
        if not channel_secret:
            raise ValueError("a LINE channel secret is required to verify webhooks")
        self._parser = WebhookParser(channel_secret)

    def events(self, body: bytes, signature: str | None) -> list[Event]:
        if not signature:
            raise InvalidWebhook("missing X-Line-Signature")
        try:
            text = body.decode("utf-8")
            events = self._parser.parse(text, signature)
        except InvalidSignatureError:
            raise InvalidWebhook("bad X-Line-Signature") from None
        except (UnicodeDecodeError, ValueError) as exc:
            raise InvalidWebhook(f"unreadable body ({type(exc).__name__})") from None
        return list(events)
