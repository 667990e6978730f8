"""JSON API of the admin (/api/admin): every route needs a signed-in user; changes need CSRF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from knowledge.editing.errors import NotFound, Rejected, StaleVersion
from knowledge.editing.faq_doc import EDITABLE
from knowledge.faq_csv import apply_import, export_csv, plan_import

from ..schemas_search import SearchOut
from .auth import Admin, Editor, Viewer, require
from .services import AdminServices, ServicesDep
from .views import entry_rows, history_rows, status_of

router = APIRouter(prefix="/api/admin", tags=["admin"], dependencies=[Depends(require("viewer"))])
MAX_CSV_BYTES = 5 * 1024 * 1024


class EntryIn(BaseModel):
    fields: dict[str, Any]
    version: str | None = None  # required when saving an existing entry
    file: str | None = None  # category file for a new entry, e.g. faq/gomi.yaml


class FileIn(BaseModel):
    text: str
    version: str | None = None


class UserIn(BaseModel):
    username: str = Field(min_length=2, max_length=64, pattern=r"^[A-Za-z0-9_.@-]+$")
    password: str | None = Field(default=None, min_length=10, max_length=200)
    role: str | None = None
    active: bool | None = None


def _editable(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if key in EDITABLE}


def _faq_file(services: AdminServices, name: str | None) -> Path:
    files = {str(path.relative_to(services.settings.data_dir)): path
             for path in services.writer.category_files().values()}
    if name not in files:
        raise HTTPException(status_code=422, detail="カテゴリを選んでください")
    return files[name]


def edit_errors(exc: Exception) -> JSONResponse:
    if isinstance(exc, StaleVersion):
        return JSONResponse({"detail": str(exc), "current_version": exc.current_version}, status_code=409)
    if isinstance(exc, Rejected):
        return JSONResponse({"detail": str(exc), "problems": [p.to_dict() for p in exc.problems]}, status_code=422)
    return JSONResponse({"detail": str(exc)}, status_code=404)


@router.get("/status")
def status(services: ServicesDep, user: Viewer) -> dict[str, Any]:
    """The live index and any error in data/ (file:line) while the last good index stays live."""
    return {**status_of(services), "user": {"username": user.user.username, "role": user.user.role}}


@router.get("/faq")
def list_faq(services: ServicesDep, q: str = "", category: str = "") -> list[dict[str, Any]]:
    return entry_rows(services, q=q, category=category)


@router.get("/faq/{entry_id}")
def get_faq(entry_id: str, services: ServicesDep) -> dict[str, Any]:
    view = services.writer.entry(entry_id)
    if view is None:
        raise HTTPException(status_code=404, detail="FAQ が見つかりません")
    return {"id": view.id, "file": view.file, "category": view.category, "fields": view.fields,
            "version": view.version}


@router.post("/faq/check")
def check_faq(body: EntryIn, services: ServicesDep, _user: Editor, entry_id: str | None = None) -> dict[str, Any]:
    """Validation as `faq validate` does it, before saving (nothing is written)."""
    file = _faq_file(services, body.file) if entry_id is None else None
    try:
        problems = services.writer.check(_editable(body.fields), entry_id=entry_id, file=file)
    except NotFound as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    return {"problems": [p.to_dict() for p in problems]}


@router.post("/faq", status_code=201, response_model=None)
def create_faq(body: EntryIn, services: ServicesDep, user: Editor) -> dict[str, Any] | JSONResponse:
    try:
        view = services.writer.create(_editable(body.fields), file=_faq_file(services, body.file),
                                      author=user.user.username)
    except (Rejected, NotFound) as exc:
        return edit_errors(exc)
    return {"id": view.id, "version": view.version}


@router.put("/faq/{entry_id}", response_model=None)
def save_faq(entry_id: str, body: EntryIn, services: ServicesDep, user: Editor) -> dict[str, Any] | JSONResponse:
    if not body.version:
        raise HTTPException(status_code=422, detail="version がありません")
    try:
        view = services.writer.save(entry_id, _editable(body.fields), version=body.version,
                                    author=user.user.username)
    except (StaleVersion, Rejected, NotFound) as exc:
        return edit_errors(exc)
    return {"id": view.id, "version": view.version}


@router.delete("/faq/{entry_id}", response_model=None)
def delete_faq(entry_id: str, services: ServicesDep, user: Editor, version: str = Query(...)
               ) -> dict[str, Any] | JSONResponse:
    try:
        services.writer.delete(entry_id, version=version, author=user.user.username)
    except (StaleVersion, NotFound) as exc:
        return edit_errors(exc)
    return {"deleted": entry_id}


@router.get("/history")
def history(services: ServicesDep, target: str) -> list[dict[str, Any]]:
    return history_rows(services, target)


@router.post("/revisions/{revision_id}/rollback", response_model=None)
def rollback(revision_id: int, services: ServicesDep, user: Editor) -> dict[str, Any] | JSONResponse:
    revision = services.revisions.get(revision_id)
    if revision is None:
        raise HTTPException(status_code=404, detail="履歴が見つかりません")
    try:
        services.writer.rollback(revision.change, author=user.user.username)
    except (StaleVersion, Rejected, NotFound) as exc:
        return edit_errors(exc)
    return {"rolled_back": revision_id, "target": revision.change.target}


@router.get("/try")
def try_question(services: ServicesDep, q: str = Query(min_length=1, max_length=1000), lang: str = "ja",
                 k: int = Query(default=5, ge=1, le=20)) -> dict[str, Any]:
    """How the live engine ranks entries for a question: scores, per-channel signals, decision."""
    if not services.holder.ready:
        raise HTTPException(status_code=503, detail="FAQ の索引を準備中です")
    return SearchOut.of(services.holder.current.search(q, lang=lang, top_k=k), lang).model_dump()


@router.get("/files/{name:path}")
def read_data_file(name: str, services: ServicesDep) -> dict[str, str]:
    try:
        text, version = services.writer.read_file(name)
    except ValueError as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    return {"name": name, "text": text, "version": version}


@router.post("/files-check/{name:path}")
def check_data_file(name: str, body: FileIn, services: ServicesDep, _user: Editor) -> dict[str, Any]:
    try:
        problems = services.writer.check_file(name, body.text)
    except ValueError as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    return {"problems": [{"line": p.line, "message": p.message, "hint": p.hint, "severity": p.severity}
                         for p in problems]}


@router.put("/files/{name:path}", response_model=None)
def save_data_file(name: str, body: FileIn, services: ServicesDep, user: Editor) -> dict[str, Any] | JSONResponse:
    try:
        version = services.writer.save_file(name, body.text, version=body.version or "", author=user.user.username)
    except ValueError as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    except (StaleVersion, Rejected) as exc:
        return edit_errors(exc)
    return {"name": name, "version": version}


@router.get("/export.csv")
def export(services: ServicesDep) -> Response:
    return Response(export_csv(services.settings.data_dir), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="faq.csv"'})


async def _csv_plan(services: AdminServices, upload: UploadFile) -> Any:
    data = await upload.read(MAX_CSV_BYTES + 1)
    if len(data) > MAX_CSV_BYTES:
        raise HTTPException(status_code=413, detail="CSV が大きすぎます（5MB まで）")
    try:
        return plan_import(services.writer, data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc


@router.post("/import/preview")
async def import_preview(file: UploadFile, services: ServicesDep, _user: Editor) -> dict[str, Any]:
    """What the CSV would change; nothing is written."""
    plan = await _csv_plan(services, file)
    return {"ok": plan.ok, "counts": plan.counts(), "rows": [row.to_dict() for row in plan.rows]}


@router.post("/import/apply", response_model=None)
async def import_apply(file: UploadFile, services: ServicesDep, user: Editor) -> dict[str, Any] | JSONResponse:
    plan = await _csv_plan(services, file)
    if not plan.ok:
        return JSONResponse({"detail": "誤りのある行があるため取り込みませんでした", "counts": plan.counts()},
                            status_code=422)
    try:
        changed = apply_import(services.writer, plan, author=user.user.username)
    except (StaleVersion, Rejected, NotFound) as exc:
        return edit_errors(exc)
    return {"changed": changed, "counts": plan.counts()}


@router.get("/users")
def list_users(services: ServicesDep, _user: Admin) -> list[dict[str, Any]]:
    return [{"username": u.username, "role": u.role, "active": u.active} for u in services.users.users()]


@router.post("/users", status_code=201)
def create_user(body: UserIn, services: ServicesDep, _user: Admin) -> dict[str, Any]:
    if not body.password or not body.role:
        raise HTTPException(status_code=422, detail="パスワードと役割を入力してください")
    try:
        created = services.users.create_user(username=body.username, password=body.password, role=body.role)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return {"username": created.username, "role": created.role}


@router.patch("/users/{username}")
def update_user(username: str, body: UserIn, services: ServicesDep, user: Admin) -> dict[str, Any]:
    if username == user.user.username and (body.active is False or (body.role and body.role != "admin")):
        raise HTTPException(status_code=422, detail="自分自身の管理者権限は外せません")
    try:
        changed = services.users.update_user(username, role=body.role, active=body.active, password=body.password)
    except KeyError as exc:
        raise HTTPException(status_code=404, detail="ユーザーが見つかりません") from exc
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return {"username": changed.username, "role": changed.role, "active": changed.active}
