"""Liveness and readiness for load balancers and `make run`."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from .deps import HolderDep

router = APIRouter(tags=["health"])
ReadinessCheck = Callable[[], bool]


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
def readyz(request: Request, holder: HolderDep) -> JSONResponse:
    """Ready when the FAQ index is loaded and every registered check passes (e.g. Rasa)."""
    extra: dict[str, ReadinessCheck] = getattr(request.app.state, "readiness_checks", {})
    checks = {"index": holder.ready, **{name: bool(check()) for name, check in extra.items()}}
    entries = len(holder.current.faq.entries) if holder.ready else 0
    status = 200 if all(checks.values()) else 503
    body = {"ready": status == 200, "checks": checks, "entries": entries,
            "retrieval": holder.mode, "embedding_model": holder.dense_status}
    return JSONResponse(body, status_code=status)
