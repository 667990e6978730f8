"""Includes every router; nothing else lives here."""

from __future__ import annotations

from fastapi import FastAPI

from . import routes_health, routes_search


def include_routers(app: FastAPI) -> None:
    app.include_router(routes_health.router)
    app.include_router(routes_search.router)
