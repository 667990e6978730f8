"""POST /line/webhook: the LINE official account's signed webhook."""

from __future__ import annotations

import logging

from fastapi import APIRouter, HTTPException, Request

from connectors.line.webhook import InvalidWebhook

from .line_deps import LineConnectorDep, chat_service_for

logger = logging.getLogger(__name__)
security_log = logging.getLogger("madoguchi.security")
router = APIRouter(prefix="/line", tags=["LINE"])


@router.post("/webhook")
async def line_webhook(request: Request, line: LineConnectorDep) -> dict[str, str]:
    """Verifies the signature over the raw body, acknowledges at once, answers in the background."""
    body = await request.body()
    try:
        events = line.verifier.events(body, request.headers.get("x-line-signature"))
    except InvalidWebhook as exc:
        client = request.client.host if request.client else "unknown"
        security_log.warning("LINE webhook rejected from %s: %s (%d bytes)", client, exc, len(body))
        raise HTTPException(status_code=400, detail="invalid signature") from None
    line.processor.submit(events, chat=lambda: chat_service_for(request))
    return {"status": "ok"}
