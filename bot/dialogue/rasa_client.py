"""Talks to the Rasa server's REST channel (and its token-protected HTTP API)."""

from __future__ import annotations

import logging
from typing import Any

import httpx

logger = logging.getLogger(__name__)


class RasaUnavailable(Exception):
    """Rasa did not answer in time, or answered with an error."""


class RasaClient:
    def __init__(self, *, base_url: str, token: str = "", timeout_s: float = 8.0,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._token = token
        self._http = httpx.AsyncClient(base_url=base_url.rstrip("/"), timeout=timeout_s,
                                       transport=transport)

    async def send(self, *, sender: str, text: str, metadata: dict[str, Any]) -> list[dict[str, Any]]:
        body = {"sender": sender, "message": text, "metadata": metadata}
        try:
            response = await self._http.post("/webhooks/rest/webhook", json=body)
            response.raise_for_status()
            messages = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise RasaUnavailable(type(exc).__name__) from exc
        if not isinstance(messages, list):
            raise RasaUnavailable("unexpected response from the REST channel")
        return messages

    async def ready(self) -> bool:
        """True when Rasa is up with a model loaded (the /status API needs the token)."""
        try:
            response = await self._http.get("/status", params={"token": self._token}, timeout=2.0)
            return response.status_code == 200 and bool(response.json().get("model_file"))
        except (httpx.HTTPError, ValueError):
            return False

    async def aclose(self) -> None:
        await self._http.aclose()
