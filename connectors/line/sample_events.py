"""LINE webhook bodies the way LINE sends them, signed with a channel secret (tests and devtools)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import uuid
from typing import Any

SECRET = "test-channel-secret"
TOKEN = "test-access-token"


def sign(body: bytes, secret: str = SECRET) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def body_of(*events: dict[str, Any]) -> bytes:
    return json.dumps({"destination": "Ubot", "events": list(events)}, ensure_ascii=False).encode()


def event(kind: str, user: str, *, event_id: str | None = None, redelivery: bool = False,
          mode: str = "active", reply_token: str | None = "reply-token-1", **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "type": kind, "mode": mode, "timestamp": 1_700_000_000_000,
        "source": {"type": "user", "userId": user},
        "webhookEventId": event_id or uuid.uuid4().hex.upper()[:26],
        "deliveryContext": {"isRedelivery": redelivery},
    }
    if reply_token is not None and kind not in ("unsend", "unfollow"):
        base["replyToken"] = reply_token
    return {**base, **fields}


def text_event(user: str, text: str, *, message_id: str = "m1", **kwargs: Any) -> dict[str, Any]:
    message = {"type": "text", "id": message_id, "quoteToken": "q-" + message_id, "text": text}
    return event("message", user, message=message, **kwargs)


def postback_event(user: str, data: str, **kwargs: Any) -> dict[str, Any]:
    return event("postback", user, postback={"data": data}, **kwargs)


def follow_event(user: str, **kwargs: Any) -> dict[str, Any]:
    return event("follow", user, follow={"isUnblocked": False}, **kwargs)


def unsend_event(user: str, message_id: str, **kwargs: Any) -> dict[str, Any]:
    return event("unsend", user, unsend={"messageId": message_id}, **kwargs)
