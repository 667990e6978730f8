"""Sign-in and sign-out. The sign-in form has its own CSRF cookie (double submit)."""

from __future__ import annotations

import secrets
import threading
import time
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from storage.admin import User

from .auth import COOKIE, LOGIN_CSRF_COOKIE, require
from .services import AdminServices, ServicesDep

router = APIRouter(prefix="/admin", include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
MAX_FAILURES, LOCK_S = 5, 300
_failures: dict[str, tuple[int, float]] = {}
_failures_lock = threading.Lock()


def _safe_next(target: str) -> str:
    # Only our own admin pages: never an absolute URL an attacker could put in ?next=.
    return target if target.startswith("/admin") and not target.startswith("//") else "/admin/faq"


def _locked(username: str) -> bool:
    with _failures_lock:
        count, since = _failures.get(username, (0, 0.0))
        return count >= MAX_FAILURES and time.monotonic() - since < LOCK_S


def _note_failure(username: str) -> None:
    with _failures_lock:
        if len(_failures) > 10_000:  # bounded: random user names must not fill the memory
            _failures.clear()
        count, since = _failures.get(username, (0, 0.0))
        _failures[username] = (count + 1, time.monotonic() if count + 1 >= MAX_FAILURES else since)


def _form(request: Request, *, next_url: str, error: str = "", status: int = 200) -> Response:
    token = secrets.token_urlsafe(24)
    response = templates.TemplateResponse(request, "login.html", {"next": next_url, "error": error,
                                                                  "login_csrf": token}, status_code=status)
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", path="/admin")
    return response


@router.get("/login")
def login_form(request: Request, next: str = "/admin/faq") -> Response:
    return _form(request, next_url=_safe_next(next))


@router.post("/login")
def login(request: Request, services: ServicesDep, username: Annotated[str, Form()],
          password: Annotated[str, Form()], csrf_token: Annotated[str, Form()] = "",
          next: Annotated[str, Form()] = "/admin/faq") -> Response:
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not secrets.compare_digest(expected, csrf_token):
        return _form(request, next_url=_safe_next(next), error="画面が古くなりました。もう一度入力してください。",
                     status=400)
    if _locked(username):
        return _form(request, next_url=_safe_next(next), status=429,
                     error="失敗が続いたため5分間サインインできません。しばらく待ってからお試しください。")
    user = services.users.authenticate(username, password)
    if user is None:
        _note_failure(username)
        return _form(request, next_url=_safe_next(next), status=401,
                     error="ユーザー名またはパスワードが違います。")
    with _failures_lock:
        _failures.pop(username, None)
    return _signed_in(services, user, _safe_next(next))


def _signed_in(services: AdminServices, user: User, target: str) -> Response:
    token, _csrf = services.users.start_session(user)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/",
                        secure=services.settings.environment == "production",
                        max_age=int(services.settings.admin_session_hours * 3600))
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/admin")
    return response


@router.post("/logout")
async def logout(request: Request, services: ServicesDep) -> Response:
    session = await require("viewer")(request, services)  # signed in, with a valid CSRF token
    del session
    services.users.end_session(request.cookies.get(COOKIE, ""))
    response = RedirectResponse("/admin/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response
