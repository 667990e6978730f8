"""Sends messages through the Messaging API: reply first, push when the reply token is spent."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from aiohttp import ClientError
from linebot.v3.messaging import (
    AsyncApiClient,
    AsyncMessagingApi,
    Configuration,
    Message,
    PushMessageRequest,
    ReplyMessageRequest,
)
from linebot.v3.messaging.exceptions import ApiException, OpenApiException

logger = logging.getLogger(__name__)
RETRYABLE = {429, 500, 502, 503, 504}


class LineSender:
    def __init__(self, *, access_token: str, base_url: str = "https://api.line.me",
                 attempts: int = 4, backoff_s: float = 1.0, max_wait_s: float = 30.0) -> None:
        self._config = Configuration(host=base_url.rstrip("/"), access_token=access_token)
        self._attempts, self._backoff_s, self._max_wait_s = attempts, backoff_s, max_wait_s

    async def send(self, *, reply_token: str | None, to: str | None, messages: Sequence[Message]) -> str:
        """Delivers ``messages`` once; returns how: "reply", "push" or "failed"."""
        if not messages:
            return "failed"
        # One HTTP session per delivery: nothing to close at shutdown, and few messages per minute.
        async with AsyncApiClient(self._config) as client:
            api = AsyncMessagingApi(client)
            if reply_token and await self._reply(api, reply_token, messages):
                return "reply"
            if to and await self._push(api, to, messages):
                return "push"
        logger.error("LINE message could not be delivered (no valid reply token, push failed or no target)")
        return "failed"

    async def _reply(self, api: AsyncMessagingApi, token: str, messages: Sequence[Message]) -> bool:
        request = ReplyMessageRequest(replyToken=token, messages=list(messages))
        return await self._with_retries("reply", lambda: api.reply_message_with_http_info(request))

    async def _push(self, api: AsyncMessagingApi, to: str, messages: Sequence[Message]) -> bool:
        # One retry key for every attempt: LINE sends the push at most once (409 = already accepted).
        retry_key = str(uuid.uuid4())
        request = PushMessageRequest(to=to, messages=list(messages))
        return await self._with_retries("push", lambda: api.push_message_with_http_info(
            request, x_line_retry_key=retry_key))

    async def _with_retries(self, kind: str, call: Callable[[], Awaitable[Any]]) -> bool:
        for attempt in range(self._attempts):
            try:
                await call()
                return True
            except ApiException as exc:
                if kind == "push" and exc.status == 409:
                    return True
                if exc.status not in RETRYABLE or attempt == self._attempts - 1:
                    logger.warning("LINE %s refused with HTTP %s", kind, exc.status)
                    return False
                await asyncio.sleep(self._wait(attempt, exc.headers))
            except ValueError as exc:
                if isinstance(exc, OpenApiException):
                    raise  # a bad request built here (ApiValueError): a bug, not a delivery
                # The SDK raises ApiException for every error status, so this is a 2xx whose body
                # it could not parse: the message was delivered; sending again would duplicate it.
                logger.warning("LINE %s accepted, but its response body was unexpected", kind)
                return True
            except (ClientError, TimeoutError) as exc:
                logger.warning("LINE %s: network error %s (attempt %d)", kind, type(exc).__name__, attempt + 1)
                if attempt == self._attempts - 1:
                    return False
                await asyncio.sleep(self._wait(attempt, None))
        return False

    def _wait(self, attempt: int, headers: Any) -> float:
        retry_after = (headers or {}).get("Retry-After") if hasattr(headers, "get") else None
        if retry_after and str(retry_after).isdigit():
            return min(float(retry_after), self._max_wait_s)
        return min(self._backoff_s * (2 ** attempt), self._max_wait_s)
