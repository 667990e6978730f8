"""The web widget's files and the demo city page at `/`."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from connectors.web import assets

from .routes_chat import MAX_TEXT

router = APIRouter(tags=["web widget"])
CACHE = {"Cache-Control": "public, max-age=300"}


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def demo_page() -> HTMLResponse:
    """A sample page of ひかり野市's website with the chat widget on it."""
    return HTMLResponse(assets.demo_page())


@router.get("/widget.js", include_in_schema=False)
def widget_js() -> Response:
    """The one script a city page includes: `<script src=".../widget.js" defer></script>`."""
    return Response(assets.widget_script(max_text=MAX_TEXT), media_type="text/javascript; charset=utf-8",
                    headers=CACHE)


@router.get("/widget.css", include_in_schema=False)
def widget_css() -> Response:
    """The widget's styles (already inlined in widget.js; here for reference and overrides)."""
    return Response(assets.widget_css(), media_type="text/css; charset=utf-8", headers=CACHE)
