"""Background work of the admin: reload on external edits to data/, and the retention purge."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool
from watchfiles import Change, awatch

from storage.retention import purge_older_than

from ..engine_holder import EngineHolder
from ..settings import Settings
from ..translation_deps import reload_translation_data

logger = logging.getLogger(__name__)
# glossary.yaml: the index's cross-language term bridge is built from it.
INDEX_FILES = ("departments.yaml", "synonyms.yaml", "retrieval.yaml", "glossary.yaml")
INDEX_KINDS = frozenset({"faq", "synonyms", "glossary"})  # the writer's kinds that change the index
TRANSLATION_KINDS = frozenset({"glossary", "phrasebook"})  # ... and the translation service


def index_signature(data_dir: Path) -> str:
    """Changes whenever a file the FAQ index is built from changes."""
    paths = sorted((data_dir / "faq").glob("*.y*ml")) + [data_dir / name for name in INDEX_FILES]
    return _signature(paths)


def translation_signature(data_dir: Path) -> str:
    """Changes whenever the glossary or a phrasebook file changes."""
    return _signature([data_dir / "glossary.yaml", *sorted((data_dir / "phrasebook").glob("*.y*ml"))])


def _signature(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        if path.exists():
            stat = path.stat()
            digest.update(f"{path.name}:{stat.st_mtime_ns}:{stat.st_size};".encode())
    return digest.hexdigest()


def _relevant(change: Change, path: str) -> bool:
    name = Path(path).name
    return not name.startswith(".") and (name.endswith((".yaml", ".yml")))


def reload_index(state: Any, holder: EngineHolder, data_dir: Path) -> bool:
    # Noted before the rebuild, so the watcher does not start a second one for the same change.
    state.index_signature = index_signature(data_dir)
    return holder.reload()


def reload_translations(state: Any, data_dir: Path) -> bool:
    state.translation_signature = translation_signature(data_dir)
    return reload_translation_data(state)


def reload_changed(state: Any, holder: EngineHolder, data_dir: Path) -> None:
    """After an edit on disk: rebuild what the changed files feed (our own writer's are noted)."""
    if index_signature(data_dir) != getattr(state, "index_signature", None):
        logger.info("data files changed on disk; reloading the FAQ index")
        reload_index(state, holder, data_dir)
    if translation_signature(data_dir) != getattr(state, "translation_signature", None):
        logger.info("glossary or phrasebook changed on disk; reloading them for translation")
        reload_translations(state, data_dir)


async def watch_data(app: FastAPI, stop: asyncio.Event) -> None:
    settings: Settings = app.state.settings
    holder: EngineHolder = app.state.engine_holder
    app.state.index_signature = index_signature(settings.data_dir)
    app.state.translation_signature = translation_signature(settings.data_dir)
    async for _changes in awatch(settings.data_dir, watch_filter=_relevant, stop_event=stop,
                                 debounce=200, step=50, recursive=True):
        await run_in_threadpool(reload_changed, app.state, holder, settings.data_dir)


async def purge_regularly(app: FastAPI, stop: asyncio.Event) -> None:
    settings: Settings = app.state.settings
    while not stop.is_set():
        try:
            await run_in_threadpool(purge_older_than, app.state.database, days=settings.admin_retention_days)
        except Exception:  # a failed purge must not stop the app; it is tried again next time
            logger.exception("retention purge failed")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=settings.admin_retention_interval_h * 3600)


def start(app: FastAPI) -> tuple[asyncio.Event, list[asyncio.Task[None]]]:
    settings: Settings = app.state.settings
    stop = asyncio.Event()
    tasks = []
    if settings.admin_watch_data:
        tasks.append(asyncio.create_task(watch_data(app, stop)))
    if settings.admin_retention_interval_h > 0:
        tasks.append(asyncio.create_task(purge_regularly(app, stop)))
    return stop, tasks


async def stop_all(stop: asyncio.Event, tasks: list[asyncio.Task[None]]) -> None:
    stop.set()
    for task in tasks:
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await asyncio.wait_for(task, timeout=3)
