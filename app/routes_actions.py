"""Rasa's custom-action server protocol (rasa-sdk) and its NLG endpoint, served in-process.

Rasa calls POST /api/actions/webhook with the tracker and domain (deflate-encoded
bodies accepted) and POST /api/nlg to render a response in the resident's language.
Only Rasa calls these, on loopback.
"""

from __future__ import annotations

import hmac
import json
import logging
import zlib
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse
from rasa_sdk.interfaces import (
    ActionExecutionRejection,
    ActionMissingDomainException,
    ActionNotFoundException,
)

from bot.dialogue.nlg import render_response

from .deps import SettingsDep
from .dialogue_deps import ActionExecutorDep, DialogueContextDep

logger = logging.getLogger(__name__)
LOOPBACK = {"127.0.0.1", "::1", "localhost", "testclient"}


def require_rasa(request: Request, settings: SettingsDep) -> None:
    """Only our Rasa may call: it sends the shared token; without one, loopback only."""
    expected = settings.rasa_token.get_secret_value()
    given = request.query_params.get("token", "")
    if expected and hmac.compare_digest(given.encode(), expected.encode()):
        return
    if not expected and request.client is not None and request.client.host in LOOPBACK:
        return
    logger.warning("refused a Rasa endpoint call without the right token")
    raise HTTPException(status_code=403, detail="forbidden")


router = APIRouter(prefix="/api", tags=["dialogue (Rasa)"], include_in_schema=False,
                   dependencies=[Depends(require_rasa)])


async def _json_body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    try:
        if request.headers.get("content-encoding", "").lower() == "deflate":
            raw = zlib.decompress(raw)
        body = json.loads(raw)
    except (zlib.error, ValueError) as exc:
        raise HTTPException(status_code=400, detail="invalid body") from exc
    if not isinstance(body, dict):
        raise HTTPException(status_code=400, detail="invalid body")
    return body


@router.post("/actions/webhook")
async def action_webhook(request: Request, executor: ActionExecutorDep) -> JSONResponse:
    call = await _json_body(request)
    try:
        result = await executor.run(call)
    except ActionExecutionRejection as exc:
        return JSONResponse({"error": exc.message, "action_name": exc.action_name}, status_code=400)
    except ActionNotFoundException as exc:
        logger.error("Rasa asked for an unknown action %s", exc.action_name)
        return JSONResponse({"error": exc.message, "action_name": exc.action_name}, status_code=404)
    except ActionMissingDomainException as exc:
        return JSONResponse({"error": exc.message, "action_name": exc.action_name}, status_code=449)
    return JSONResponse(result.model_dump() if result else None)


@router.get("/actions/actions")
async def list_actions(executor: ActionExecutorDep) -> list[dict[str, Any]]:
    return [item.model_dump() for item in executor.list_actions()]


@router.post("/nlg")
async def nlg(request: Request, context: DialogueContextDep) -> dict[str, Any]:
    body = await _json_body(request)
    return render_response(context, body)
