"""The translation service as a FastAPI dependency (built lazily, once per app)."""

from __future__ import annotations

import logging
import threading
from typing import Annotated, Any

from fastapi import Depends, Request

from translation import TranslationService, build_service, reload_data

from .settings import Settings

logger = logging.getLogger(__name__)
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


def reload_translation_data(state: Any) -> bool:
    """Glossary/phrasebook edits, live for every user of the one service; False when unreadable."""
    service = getattr(state, "translation_service", None)
    if service is None:
        return True  # not built yet: it will read data/ as it is when first used
    try:
        reload_data(service, data_dir=state.settings.data_dir)
    except Exception:  # a broken file on disk: keep serving the last good glossary and phrases
        logger.exception("glossary/phrasebook could not be reloaded; keeping the previous ones")
        return False
    logger.info("glossary and phrasebook reloaded")
    return True


TranslationDep = Annotated[TranslationService, Depends(get_translation_service)]
