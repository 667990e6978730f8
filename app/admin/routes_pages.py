"""The admin pages (/admin): server-rendered HTML; forms talk to /api/admin with the CSRF token."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from knowledge.editing import data_files
from knowledge.editing.faq_doc import EDITABLE

from .auth import Admin, Editor, SignInRequired, Viewer, require
from .report_data import REPORTS, report, report_csv
from .routes_login import router as login_router
from .services import ServicesDep
from .views import categories, entry_rows, history_rows, recent_changes, status_of

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")
router = APIRouter(prefix="/admin", include_in_schema=False, dependencies=[Depends(require("viewer"))])
STATIC = {"admin.css": "text/css", "admin.js": "text/javascript"}


def page(request: Request, template: str, user: Any, services: Any, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, template, {"user": user.user, "csrf": user.csrf_token,
                                                      "status": status_of(services), **context})


@router.get("")
def home(_user: Viewer) -> RedirectResponse:
    return RedirectResponse("/admin/faq", status_code=303)


@router.get("/faq")
def faq_list(request: Request, services: ServicesDep, user: Viewer, q: str = "", category: str = "") -> HTMLResponse:
    return page(request, "faq_list.html", user, services, rows=entry_rows(services, q=q, category=category),
                q=q, category=category, categories=categories(services), changes=recent_changes(services, 8))


@router.get("/faq-new")
def faq_new(request: Request, services: ServicesDep, user: Editor, question: str = "", category: str = "",
            alt: Annotated[list[str], Query()] = []) -> HTMLResponse:  # noqa: B006 (FastAPI copies defaults)
    """A new entry; from the report, prefilled with the residents' own wordings."""
    files = services.writer.category_files()
    wordings = [question, *alt] if question else list(alt)
    fields = {"question": question, "alternatives": wordings[:5], "updated": date.today().isoformat()}
    return page(request, "faq_edit.html", user, services, entry=None, fields=fields, version="",
                files=_file_choices(services, files), chosen=str(files.get(category, "")),
                departments=_departments(services), history=[], editable=EDITABLE)


@router.get("/faq/{entry_id}")
def faq_edit(entry_id: str, request: Request, services: ServicesDep, user: Viewer) -> HTMLResponse:
    view = services.writer.entry(entry_id)
    if view is None:
        history = history_rows(services, entry_id)
        if not history:
            raise HTTPException(status_code=404, detail="FAQ が見つかりません")
        return page(request, "faq_deleted.html", user, services, entry_id=entry_id, history=history)
    return page(request, "faq_edit.html", user, services, entry=view, fields=view.fields, version=view.version,
                files=[], chosen=view.file, departments=_departments(services),
                history=history_rows(services, entry_id), editable=EDITABLE)


@router.get("/files")
def files(request: Request, services: ServicesDep, user: Viewer) -> HTMLResponse:
    return page(request, "files.html", user, services, files=data_files.editable_files(services.settings.data_dir))


@router.get("/files/{name:path}")
def file_edit(name: str, request: Request, services: ServicesDep, user: Viewer) -> HTMLResponse:
    try:
        text, version = services.writer.read_file(name)
    except ValueError as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    return page(request, "file_edit.html", user, services, name=name, text=text, version=version,
                label=data_files.LABELS[data_files.kind_of(name)], history=history_rows(services, name))


@router.get("/import")
def import_page(request: Request, services: ServicesDep, user: Editor) -> HTMLResponse:
    return page(request, "import.html", user, services)


@router.get("/reports")
def reports(request: Request, services: ServicesDep, user: Viewer, days: int = 30) -> HTMLResponse:
    days = min(max(days, 1), 3660)
    return page(request, "reports.html", user, services, r=report(services, days=days), reports=REPORTS)


@router.get("/reports/{name}.csv")
def report_download(name: str, services: ServicesDep, _user: Viewer, days: int = 30) -> Response:
    if name not in REPORTS:
        raise HTTPException(status_code=404)
    body = report_csv(services, name, days=min(max(days, 1), 3660))
    return Response(body, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


@router.get("/users")
def users(request: Request, services: ServicesDep, user: Admin) -> HTMLResponse:
    return page(request, "users.html", user, services, users=services.users.users())


def _file_choices(services: Any, files: dict[str, Path]) -> list[tuple[str, str]]:
    data_dir = services.settings.data_dir
    return [(str(path.relative_to(data_dir)), name) for name, path in sorted(files.items())]


def _departments(services: Any) -> list[tuple[str, str]]:
    if not services.holder.ready:
        return []
    return sorted((d.id, d.name) for d in services.holder.current.faq.departments.values())


def static_router() -> APIRouter:
    public = APIRouter(prefix="/admin/static", include_in_schema=False)

    @public.get("/{name}")
    def static(name: str) -> FileResponse:
        if name not in STATIC:
            raise HTTPException(status_code=404)
        return FileResponse(HERE / "static" / name, media_type=STATIC[name],
                            headers={"Cache-Control": "no-cache"})

    return public


def install(app: FastAPI) -> None:
    """Add the admin pages and API to ``app``."""
    from .routes_api import router as api_router

    async def to_sign_in(_request: Request, exc: Exception) -> Response:
        location = exc.location if isinstance(exc, SignInRequired) else "/admin/login"
        return RedirectResponse(location, status_code=303)

    app.add_exception_handler(SignInRequired, to_sign_in)
    app.include_router(login_router)
    app.include_router(static_router())
    app.include_router(router)
    app.include_router(api_router)

