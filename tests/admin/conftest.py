"""A small city copied into tmp_path (the repo's data/ is never written), an app, signed-in clients."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from storage.admin import AdminStore

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "correct-horse-battery"


@pytest.fixture
def city(small_city: Path) -> Path:
    """The small city plus the glossary and phrasebook the admin edits."""
    shutil.copy(REPO / "data" / "glossary.yaml", small_city / "glossary.yaml")
    shutil.copytree(REPO / "data" / "phrasebook", small_city / "phrasebook")
    return small_city


def settings_for(data: Path, **extra: object) -> Settings:
    var = data.parent / "var"
    return Settings(data_dir=data, var_dir=var, models_dir=var / "models", rasa_url="http://127.0.0.1:9",
                    admin_retention_interval_h=0, **extra)  # type: ignore[arg-type]


@pytest.fixture
def app(city: Path) -> FastAPI:
    return create_app(settings_for(city, admin_watch_data=False))


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def add_user(app: FastAPI, username: str, role: str) -> None:
    AdminStore(app.state.database).create_user(username=username, password=PASSWORD, role=role)


def sign_in(client: TestClient, username: str) -> str:
    """Sign in through the form; returns the CSRF token the pages carry."""
    form = client.get("/admin/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert token is not None
    response = client.post("/admin/login", data={"username": username, "password": PASSWORD,
                                                 "csrf_token": token.group(1), "next": "/admin/faq"},
                           follow_redirects=False)
    assert response.status_code == 303, response.text
    page = client.get("/admin/faq")
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', page.text)
    assert csrf is not None
    return csrf.group(1)


@pytest.fixture
def editor(app: FastAPI, client: TestClient) -> dict[str, str]:
    add_user(app, "editor1", "editor")
    return {"X-CSRF-Token": sign_in(client, "editor1")}
