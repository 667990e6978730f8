"""The FastAPI application factory."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

from storage.db import Database

from .access_log import install_access_log
from .admin import background as admin_background
from .api import include_routers
from .dense_factory import dense_factory
from .dialogue_deps import rasa_ready_check
from .engine_holder import EngineHolder
from .query_translation import query_translator
from .security_headers import install_security_headers
from .settings import Settings, get_settings

logger = logging.getLogger(__name__)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        settings.var_dir.mkdir(parents=True, exist_ok=True)
        await run_in_threadpool(app.state.database.create_all)
        holder: EngineHolder = app.state.engine_holder
        if not holder.ready:
            await run_in_threadpool(holder.reload)
        dense_loading = asyncio.get_running_loop().run_in_executor(None, holder.enable_dense)
        admin_stop, admin_tasks = admin_background.start(app)
        yield
        await admin_background.stop_all(admin_stop, admin_tasks)
        dense_loading.cancel()
        app.state.database.dispose()

    app = FastAPI(title="madoguchi", version="0.1.0", lifespan=lifespan,
                  description="ひかり野市 窓口アシスタント API（FAQ 検索・対話・翻訳）")
    app.state.settings = settings
    app.state.engine_holder = EngineHolder(settings.data_dir, lenient=settings.lenient_data,
                                           dense_factory=dense_factory(settings),
                                           query_translator=query_translator(app.state))
    app.state.database = Database(settings.sqlalchemy_url)
    app.state.readiness_checks = {}
    if settings.require_rasa:
        app.state.readiness_checks["rasa"] = partial(rasa_ready_check, settings)
    install_access_log(app)
    include_routers(app)
    install_security_headers(app)  # after include_routers: it must wrap the CORS middleware
    return app
