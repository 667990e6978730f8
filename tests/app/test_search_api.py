"""The search API over real HTTP semantics (TestClient), health and readiness."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings


@pytest.fixture(scope="module")
def client(mini_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = Settings(data_dir=mini_data_dir, var_dir=tmp_path_factory.mktemp("var"))
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"]["index"] is True and ready.json()["entries"] == 5


def test_search_returns_decision_answer_source_and_counter(client: TestClient) -> None:
    body = client.get("/api/faq/search", params={"q": "燃えるごみは何曜日？"}).json()
    assert body["decision"] == "confident"
    top = body["hits"][0]
    assert top["id"] == "gomi-moyasu"
    assert top["url"].startswith("https://")
    assert top["department"]["phone"] == "012-000-0002"


def test_search_answers_in_the_residents_language_when_translated(client: TestClient) -> None:
    body = client.get("/api/faq/search", params={"q": "residence certificate", "lang": "en", "k": 1}).json()
    top = body["hits"][0]
    assert top["lang"] == "en" and "300 yen" in top["answer"]
    assert top["department"]["name"] == "Citizen Services Division (市民課)"


def test_search_rejects_unknown_language_and_bad_k(client: TestClient) -> None:
    assert client.get("/api/faq/search", params={"q": "住民票", "lang": "xx"}).status_code == 422
    assert client.get("/api/faq/search", params={"q": "住民票", "k": 0}).status_code == 422
    assert client.get("/api/faq/search", params={"q": "x" * 1001}).status_code == 422


def test_openapi_documents_the_search(client: TestClient) -> None:
    assert "/api/faq/search" in client.get("/openapi.json").json()["paths"]


def test_access_log_never_contains_the_question(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("INFO", logger="madoguchi.access"):
        client.get("/api/faq/search", params={"q": "電話は090-1234-5678です"})
    lines = [r.getMessage() for r in caplog.records if r.name == "madoguchi.access"]
    assert lines and all("090" not in line and "電話" not in line for line in lines)
    assert any("/api/faq/search 200" in line for line in lines)


def test_readiness_waits_for_rasa_when_it_is_required(mini_data_dir: Path, tmp_path: Path) -> None:
    settings = Settings(data_dir=mini_data_dir, var_dir=tmp_path, require_rasa=True,
                        rasa_url="http://127.0.0.1:9", rasa_timeout_s=1)
    with TestClient(create_app(settings)) as rasa_client:
        ready = rasa_client.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["checks"] == {"index": True, "rasa": False}
