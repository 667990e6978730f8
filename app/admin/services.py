"""The admin's objects, built once per app: users, revisions, the one writer, reloads."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request

from knowledge.editing.writer import KnowledgeWriter
from storage.admin import AdminStore, RevisionStore
from storage.admin_reports import ReportStore
from storage.counter import CounterStore
from storage.db import Database

from ..engine_holder import EngineHolder
from ..settings import Settings
from .background import INDEX_KINDS, TRANSLATION_KINDS, reload_index, reload_translations

logger = logging.getLogger(__name__)
_lock = threading.Lock()


@dataclass
class AdminServices:
    settings: Settings
    holder: EngineHolder
    users: AdminStore
    revisions: RevisionStore
    reports: ReportStore
    writer: KnowledgeWriter
    counter: CounterStore  # the counter tablet's anonymous counts, for the reports
    state: Any = field(repr=False, default=None)

    def reload(self, kind: str) -> None:
        """Make an edit live now: the FAQ index (synonyms, the glossary's term bridge) and the
        translation service that the API, the counter and the chat share (glossary, phrases)."""
        if kind in INDEX_KINDS:
            reload_index(self.state, self.holder, self.settings.data_dir)
        if kind in TRANSLATION_KINDS and self.state is not None:
            reload_translations(self.state, self.settings.data_dir)


def build_services(app: FastAPI) -> AdminServices:
    settings: Settings = app.state.settings
    database: Database = app.state.database
    holder: EngineHolder = app.state.engine_holder
    revisions = RevisionStore(database)
    services = AdminServices(settings=settings, holder=holder,
                             users=AdminStore(database, session_hours=settings.admin_session_hours),
                             revisions=revisions, reports=ReportStore(database),
                             writer=KnowledgeWriter(data_dir=settings.data_dir, revisions=revisions),
                             counter=CounterStore(database=database),
                             state=app.state)
    services.writer = KnowledgeWriter(data_dir=settings.data_dir, revisions=revisions, on_change=services.reload)
    return services


def get_services(request: Request) -> AdminServices:
    state = request.app.state
    with _lock:
        if getattr(state, "admin", None) is None:
            state.admin = build_services(request.app)
    services: AdminServices = state.admin
    return services


ServicesDep = Annotated[AdminServices, Depends(get_services)]
