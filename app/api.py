"""Includes every router; nothing else lives here."""

from __future__ import annotations

from fastapi import Depends, FastAPI

from . import routes_actions, routes_chat, routes_health, routes_line, routes_search, routes_translate, routes_web
from .web_deps import enforce_chat_limits, install_cors


def include_routers(app: FastAPI) -> None:
    app.include_router(routes_health.router)
    app.include_router(routes_search.router)
    app.include_router(routes_translate.router)
    app.include_router(routes_chat.router, dependencies=[Depends(enforce_chat_limits)])
    app.include_router(routes_actions.router)
    app.include_router(routes_web.router)
    app.include_router(routes_line.router)
    install_cors(app)
