"""The translation service as a FastAPI dependency (built lazily, once per app)."""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import Depends, Request

from translation import TranslationService, build_service

from .settings import Settings

_build_lock = threading.Lock()


def service_from_settings(settings: Settings) -> TranslationService:
    return build_service(
        data_dir=settings.data_dir, models_dir=settings.models_dir,
        compute_type=settings.mt_compute_type or None, threads=settings.mt_threads,
        cache_size=settings.translation_cache_size,
    )


def get_translation_service(request: Request) -> TranslationService:
    return service_for_state(request.app.state)


def service_for_state(state: Any) -> TranslationService:
    with _build_lock:
        if getattr(state, "translation_service", None) is None:
            state.translation_service = service_from_settings(state.settings)
    service: TranslationService = state.translation_service
    return service


TranslationDep = Annotated[TranslationService, Depends(get_translation_service)]
