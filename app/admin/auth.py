"""Who is signed in, what their role allows, and CSRF checks on every change."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request

from storage.admin import SignedIn

from .services import ServicesDep

COOKIE = "madoguchi_admin"
LOGIN_CSRF_COOKIE = "madoguchi_login_csrf"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class SignInRequired(Exception):
    """A page was asked for without a session: the browser is sent to the sign-in page."""

    def __init__(self, next_url: str) -> None:
        super().__init__(next_url)
        self.location = f"/admin/login?next={quote(next_url, safe='/')}"


def signed_in(request: Request, services: ServicesDep) -> SignedIn | None:
    token = request.cookies.get(COOKIE)
    return services.users.session_user(token) if token else None


async def _csrf_ok(request: Request, expected: str) -> bool:
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        sent = str((await request.form()).get("csrf_token") or "")
    return bool(sent) and secrets.compare_digest(str(sent), expected)


def require(role: str) -> Callable[..., Awaitable[SignedIn]]:
    """A dependency: the signed-in user with at least ``role``, after the CSRF check."""

    async def dependency(request: Request, services: ServicesDep) -> SignedIn:
        session = signed_in(request, services)
        if session is None:
            if request.url.path.startswith("/api/"):
                raise HTTPException(status_code=401, detail="サインインしてください")
            raise SignInRequired(request.url.path)
        if not session.user.can(role):
            raise HTTPException(status_code=403, detail="この操作をする権限がありません")
        if request.method not in SAFE_METHODS and not await _csrf_ok(request, session.csrf_token):
            raise HTTPException(status_code=403, detail="画面を読み込み直してからもう一度お試しください（CSRF）")
        return session

    return dependency


Viewer = Annotated[SignedIn, Depends(require("viewer"))]
Editor = Annotated[SignedIn, Depends(require("editor"))]
Admin = Annotated[SignedIn, Depends(require("admin"))]
