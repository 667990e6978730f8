"""Includes every router; nothing else lives here."""

from __future__ import annotations

from fastapi import Depends, FastAPI

from . import (
    routes_actions,
    routes_chat,
    routes_counter,
    routes_health,
    routes_line,
    routes_search,
    routes_translate,
    routes_web,
)
from .admin.routes_pages import install as install_admin
from .web_deps import enforce_chat_limits, install_cors


def include_routers(app: FastAPI) -> None:
    app.include_router(routes_health.router)
    app.include_router(routes_search.router)
    app.include_router(routes_translate.router)
    app.include_router(routes_chat.router, dependencies=[Depends(enforce_chat_limits)])
    app.include_router(routes_actions.router)
    app.include_router(routes_web.router)
    app.include_router(routes_line.router)
    install_admin(app)
    app.include_router(routes_counter.router)
    app.include_router(routes_counter.page_router)
    install_cors(app)
