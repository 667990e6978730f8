"""FastAPI dependencies, injected so tests can swap them."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from knowledge.engine import KnowledgeEngine
from storage.db import Database

from .engine_holder import EngineHolder
from .settings import Settings


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_holder(request: Request) -> EngineHolder:
    holder: EngineHolder = request.app.state.engine_holder
    return holder


def get_database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def get_engine(holder: Annotated[EngineHolder, Depends(get_holder)]) -> KnowledgeEngine:
    if not holder.ready:
        raise HTTPException(status_code=503, detail="FAQ の索引を準備中です。しばらくしてからお試しください。")
    return holder.current


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
HolderDep = Annotated[EngineHolder, Depends(get_holder)]
EngineDep = Annotated[KnowledgeEngine, Depends(get_engine)]
DatabaseDep = Annotated[Database, Depends(get_database)]
