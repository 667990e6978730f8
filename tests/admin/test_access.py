"""Every admin page and API refuses anonymous users; roles limit what signed-in users can do."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from .conftest import PASSWORD, add_user, sign_in

PUBLIC = {"/admin/login", "/admin/static/{name}"}  # the sign-in form and its CSS/JS


def all_routes(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, set[str]]]:
    """(path, methods) of every route, also inside included routers (FastAPI >= 0.140 nests them)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield prefix + route.path, route.methods
        elif hasattr(route, "original_router"):
            yield from all_routes(route.original_router.routes, prefix + route.include_context.prefix)


def admin_routes(app: FastAPI) -> list[tuple[str, str]]:
    found = []
    for path, methods in all_routes(list(app.routes)):
        if path.startswith(("/admin", "/api/admin")) and path not in PUBLIC:
            found += [(method, path) for method in sorted(methods)]
    return found


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "x", path)


def test_every_admin_route_refuses_anonymous_users(app: FastAPI, client: TestClient) -> None:
    routes = admin_routes(app)
    assert len(routes) >= 25  # the sweep really sees the admin
    for method, path in routes:
        response = client.request(method, concrete(path), follow_redirects=False)
        if path.startswith("/api/"):
            assert response.status_code == 401, (method, path, response.status_code)
        else:
            assert response.status_code == 303, (method, path, response.status_code)
            assert response.headers["location"].startswith("/admin/login")


def test_every_change_needs_the_csrf_token(app: FastAPI, client: TestClient) -> None:
    add_user(app, "boss", "admin")
    sign_in(client, "boss")
    for method, path in admin_routes(app):
        if method in ("POST", "PUT", "PATCH", "DELETE") and path != "/admin/logout":
            response = client.request(method, concrete(path), json={}, follow_redirects=False)
            assert response.status_code == 403, (method, path, response.status_code)


def test_viewer_reads_reports_but_cannot_edit(app: FastAPI, client: TestClient) -> None:
    add_user(app, "viewer1", "viewer")
    headers = {"X-CSRF-Token": sign_in(client, "viewer1")}
    assert client.get("/admin/reports").status_code == 200
    entry = client.get("/api/admin/faq/gomi-moyasu").json()
    response = client.put("/api/admin/faq/gomi-moyasu", headers=headers,
                          json={"fields": entry["fields"], "version": entry["version"]})
    assert response.status_code == 403
    assert client.get("/admin/users").status_code == 403


def test_editor_cannot_manage_users_but_admin_can(app: FastAPI, client: TestClient) -> None:
    add_user(app, "editor2", "editor")
    headers = {"X-CSRF-Token": sign_in(client, "editor2")}
    new_user = {"username": "newbie", "password": "long-enough-pw", "role": "viewer"}
    assert client.post("/api/admin/users", headers=headers, json=new_user).status_code == 403
    add_user(app, "boss2", "admin")
    headers = {"X-CSRF-Token": sign_in(client, "boss2")}
    assert client.post("/api/admin/users", headers=headers, json=new_user).status_code == 201


def test_wrong_password_is_refused_and_stored_hash_is_argon2(app: FastAPI, client: TestClient) -> None:
    add_user(app, "carol", "editor")
    form = client.get("/admin/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    response = client.post("/admin/login", data={"username": "carol", "password": PASSWORD + "x",
                                                 "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 401
    assert "ユーザー名またはパスワードが違います" in response.text
    with app.state.database.engine.connect() as connection:
        stored = connection.exec_driver_sql("SELECT password_hash FROM admin_users").scalar_one()
    assert stored.startswith("$argon2") and PASSWORD not in stored


def test_sign_in_without_the_form_token_is_refused(app: FastAPI, client: TestClient) -> None:
    add_user(app, "dave", "editor")
    response = client.post("/admin/login", data={"username": "dave", "password": PASSWORD},
                           follow_redirects=False)
    assert response.status_code == 400


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/admin"])
def test_sign_in_never_redirects_off_site(app: FastAPI, client: TestClient, target: str) -> None:
    add_user(app, "erin", "editor")
    form = client.get("/admin/login", params={"next": target})
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    response = client.post("/admin/login", data={"username": "erin", "password": PASSWORD, "csrf_token": token,
                                                 "next": target}, follow_redirects=False)
    assert response.headers["location"] == "/admin/faq"


def test_repeated_wrong_passwords_lock_the_user_out_for_a_while(app: FastAPI, client: TestClient) -> None:
    add_user(app, "frank", "editor")

    def attempt(password: str) -> int:
        form = client.get("/admin/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
        return client.post("/admin/login", data={"username": "frank", "password": password, "csrf_token": token},
                           follow_redirects=False).status_code

    assert [attempt("wrong-password") for _ in range(5)] == [401] * 5
    assert attempt(PASSWORD) == 429
